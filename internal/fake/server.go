// Package fake is the machinery of the SDK's fakes of Tencent Cloud
// services (vpc/vpctest, sts/ststest): it reads requests of both
// protocols (API 3.0 at /: TC3 over JSON POST or GET, and the v1
// signature; API 2.0 at /v2/index.php), authenticates them as the service
// does (signatures recomputed by internal/testsig and the public signer,
// never by the client core's), guards against replays, injects faults,
// records requests within bounds, writes each protocol's envelope with a
// RequestId, and logs why it refused a request. A fake service supplies
// its state and one handler per protocol; the machinery does the rest.
package fake

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/internal/gen/model"
)

// Handler runs an authenticated call of the service on its state and
// returns the result fields of the answer, or its error. It runs with the
// Config's Lock held.
type Handler func(c *Call) (map[string]any, *Error)

// Config describes the fake service to the machinery.
type Config struct {
	// Service is the TC3 service name ("vpc", "sts"); Version3 its API 3.0
	// Version.
	Service, Version3 string
	// Actions are the actions that faults may name ("" names any).
	Actions []string
	// SameAction, when set, maps an action to the one name under which
	// both protocols' requests of it share faults.
	SameAction func(action string) string
	// Unsigned are the API 3.0 actions sent with Authorization: SKIP.
	Unsigned []string
	// Handle3 runs an API 3.0 call; Handle2, when set, an API 2.0 one (at
	// /v2/index.php; without it that path is not served).
	Handle3, Handle2 Handler
	// Codes3 maps the service's API 2.0 codeDesc strings to their API 3.0
	// codes, for errors a handler gives in 2.0 terms.
	Codes3 map[string]string
	// Model, when set, is the service's API: every API 3.0 call is checked
	// against it before its handler runs, and Answer answers from it.
	Model *model.Service
	// Examples are the example answers of the model's actions, by action,
	// for Answer.
	Examples map[string][]json.RawMessage
	// Lock guards the service's state and the machinery's: the machinery
	// holds it while it authenticates, records, takes a fault and runs a
	// handler.
	Lock sync.Locker
	// Now is the server's clock (the signature windows).
	Now func() time.Time
}

// Server serves a fake service. Its methods are safe for concurrent use.
type Server struct {
	cfg Config

	// Guarded by cfg.Lock.
	keys          map[string]auth.Credential // by SecretId
	nonces        map[nonceKey]time.Time
	lastSweep     time.Time
	faults        map[string][]*pendingFault // by action; "" for any
	requests      []Request
	recordSizes   []int
	recordBytes   int
	stringNumbers bool
	logger        *slog.Logger
	stubs         map[string]map[string]any // by action
}

// New returns the machinery of the service cfg describes.
func New(cfg Config) *Server {
	return &Server{cfg: cfg, keys: map[string]auth.Credential{}, nonces: map[nonceKey]time.Time{},
		faults: map[string][]*pendingFault{}, stubs: map[string]map[string]any{}}
}

// AddKey makes the server accept c (and require its Token, if it has
// one). The caller holds the Lock.
func (s *Server) AddKey(c auth.Credential) { s.keys[c.SecretID] = c }

// SetLogger logs every error answer to l (nil: none). The caller holds the
// Lock.
func (s *Server) SetLogger(l *slog.Logger) { s.logger = l }

// SetStringNumbers makes API 2.0 answers send code and the integers among
// the result fields as JSON strings ("0"), as the real service sometimes
// did. The caller holds the Lock.
func (s *Server) SetStringNumbers(on bool) { s.stringNumbers = on }

// The paths of the two protocols.
const (
	path2 = "/v2/index.php"
	path3 = "/"
)

// ServeHTTP answers one request: API 3.0 at /, API 2.0 at /v2/index.php
// when the service has a Handle2.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var read func(http.ResponseWriter, *http.Request) (*Call, *Error)
	var write writer
	switch {
	case r.URL.Path == path3:
		read, write = s.read3, s.writeEnvelope3
	case r.URL.Path == path2 && s.cfg.Handle2 != nil:
		read, write = s.read2, s.writeEnvelope2
	default:
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	c, e := read(w, r)
	write = s.logged(write)
	if e != nil {
		write(w, c, nil, e)
		return
	}

	s.cfg.Lock.Lock()
	s.record(r.Method, c)
	fault := s.takeFault(c.Action)
	s.cfg.Lock.Unlock()

	if fault != nil {
		if fault.Delay > 0 && !sleep(r, fault.Delay) {
			return
		}
		if answerFault(w, c, fault, write) {
			return
		}
	}

	s.cfg.Lock.Lock()
	result, err := s.handle(c)
	s.cfg.Lock.Unlock()
	if fault != nil && fault.Drop == DropAfterRead {
		dropConnection(w)
		return
	}
	write(w, c, result, err)
}

// handle authenticates c and runs its action. The caller holds the Lock.
func (s *Server) handle(c *Call) (map[string]any, *Error) {
	if e := c.authenticate(); e != nil {
		return nil, e
	}
	if c.API == 3 {
		if s.cfg.Model != nil {
			if e := s.check(c); e != nil {
				return nil, e
			}
		}
		return s.cfg.Handle3(c)
	}
	return s.cfg.Handle2(c)
}

// logged returns write, logging every error answer first when the server
// has a logger: a client whose calls are refused learns why from the
// fake's log too, not only from the answer.
func (s *Server) logged(write writer) writer {
	s.cfg.Lock.Lock()
	logger := s.logger
	s.cfg.Lock.Unlock()
	if logger == nil {
		return write
	}
	return func(w http.ResponseWriter, c *Call, result map[string]any, e *Error) {
		if e != nil {
			code := e.CodeDesc
			if c.API == 3 {
				code = e.code3(s.cfg.Codes3)
			}
			logger.Info("fake refused a request", "service", s.cfg.Service, "api", c.API, "action", c.Action, "code", code, "message", e.Message)
		}
		write(w, c, result, e)
	}
}

// now is the server's clock.
func (s *Server) now() time.Time { return s.cfg.Now() }
