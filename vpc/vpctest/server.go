package vpctest

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/internal/fake"
)

// DefaultCredential is accepted by every server made without
// [WithEmptyWorld]. It is a test key of this package, valid nowhere else.
var DefaultCredential = auth.NewCredential("AKIDvpctestDefault0000000000000000", "vpctestDefaultSecretKey000000000")

// Server is a running fake. Its methods are safe for concurrent use.
type Server struct {
	srv *httptest.Server

	// fake reads, authenticates, records and answers requests; mu guards
	// the world and the fake's own state.
	fake       *fake.Server
	mu         sync.Mutex
	clock      func() time.Time
	vpcs       []*VPC
	instances  map[string]*Instance // by id
	links      map[string]*link     // by instance id
	tasks      map[int64]*task
	tasks3     map[string]*task // by the RequestId of the API 3.0 call that started it
	running    []*task          // tasks not finished yet, oldest first
	failTasks  []taskFailure
	linkLimit  int
	taskPolls  int
	taskDelay  time.Duration
	quirks     Quirks
	nextTaskID int64
	nextLinkNo uint32
	empty      bool
	first      auth.Credential // the first WithCredential
}

// Option configures a Server.
type Option func(*Server)

// WithCredential makes the server accept c (with c.Token, if set, required
// alongside it). It may be given more than once.
func WithCredential(c auth.Credential) Option {
	return func(s *Server) {
		s.fake.AddKey(c)
		if s.first.SecretID == "" {
			s.first = c
		}
	}
}

// WithClock sets the server's clock, for the Timestamp window, task
// durations and createTime. The default, and the meaning of nil, is time.Now.
func WithClock(now func() time.Time) Option {
	return func(s *Server) {
		if now != nil {
			s.clock = now
		}
	}
}

// WithLinkLimit sets how many instances may link to one VPC (default 100;
// 0 or less allows none).
func WithLinkLimit(n int) Option { return func(s *Server) { s.linkLimit = max(n, 0) } }

// WithTaskPolls sets how many DescribeVpcTaskResult polls of a task answer
// "running": the next poll finishes it, even before its duration has passed
// (default 1). WithTaskPolls(0) finishes a task at its first poll, which
// makes tests that wait fast; a large n leaves the finishing to the
// server's clock.
func WithTaskPolls(n int) Option { return func(s *Server) { s.taskPolls = max(n, 0) } }

// DefaultTaskDuration is how long a task runs on the server's clock unless
// WithTaskDuration says otherwise.
const DefaultTaskDuration = time.Second

// WithTaskDuration sets how long, on the server's clock ([WithClock]), a
// task runs at most: then it finishes whether anyone polls it or not, as a
// real task does (default [DefaultTaskDuration]). Polls may finish it
// sooner ([WithTaskPolls]).
func WithTaskDuration(d time.Duration) Option { return func(s *Server) { s.taskDelay = max(d, 0) } }

// WithLogger logs every error answer (the action, the code and the
// message; never a credential) to l: why a client's calls are refused,
// for a client whose own errors say less. cmd/vpctest logs to its
// standard error.
func WithLogger(l *slog.Logger) Option { return func(s *Server) { s.fake.SetLogger(l) } }

// WithEmptyWorld starts the server with no VPCs, no instances and no
// credentials; add them with options and methods.
func WithEmptyWorld() Option { return func(s *Server) { s.empty = true } }

// NewHandler returns a fake that listens nowhere: serve it (it is an
// http.Handler) with a server of your own, as cmd/vpctest does. Its URL is
// empty and Close does nothing.
func NewHandler(opts ...Option) *Server { return newServer(opts) }

// NewServer starts a plain-HTTP fake on a loopback port.
func NewServer(opts ...Option) *Server {
	s := newServer(opts)
	s.srv = httptest.NewServer(s)
	return s
}

// NewTLSServer starts an HTTPS fake; [Server.Client] returns an HTTP client
// that trusts its certificate.
func NewTLSServer(opts ...Option) *Server {
	s := newServer(opts)
	s.srv = httptest.NewTLSServer(s)
	return s
}

func newServer(opts []Option) *Server {
	s := &Server{
		clock:      time.Now,
		instances:  map[string]*Instance{},
		links:      map[string]*link{},
		tasks:      map[int64]*task{},
		tasks3:     map[string]*task{},
		linkLimit:  100,
		taskPolls:  1,
		taskDelay:  DefaultTaskDuration,
		nextTaskID: 135254,
	}
	s.fake = fake.New(fake.Config{
		Service: service3, Version3: version3, Actions: actionNames(), SameAction: sameAction,
		Handle3: s.handle3, Handle2: s.handle2, Codes3: codes3, Lock: &s.mu, Now: s.now,
		Model: vpcModel, Examples: vpcExamples,
	})
	for _, o := range opts {
		o(s)
	}
	if !s.empty {
		s.fake.AddKey(DefaultCredential)
		s.seedDefaultWorld()
	}
	return s
}

// URL returns the base URL (scheme and host) to give to common.WithEndpoint
// ("" for a fake made by NewHandler).
func (s *Server) URL() string {
	if s.srv == nil {
		return ""
	}
	return s.srv.URL
}

// Client returns an HTTP client for the server: for a TLS server, one that
// trusts its certificate (http.DefaultClient for a NewHandler fake).
func (s *Server) Client() *http.Client {
	if s.srv == nil {
		return http.DefaultClient
	}
	return s.srv.Client()
}

// Close shuts the server down.
func (s *Server) Close() {
	if s.srv != nil {
		s.srv.Close()
	}
}

// Credential returns the first credential given with [WithCredential], else
// [DefaultCredential], which every server accepts unless made with
// [WithEmptyWorld].
func (s *Server) Credential() auth.Credential {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.first.SecretID != "" {
		return s.first
	}
	return DefaultCredential
}

func (s *Server) now() time.Time { return s.clock() }

// Format prints only the server's URL with every verb, so that logging a
// Server never shows the credentials it accepts.
func (s *Server) Format(f fmt.State, _ rune) { fmt.Fprintf(f, "vpctest.Server{URL: %s}", s.URL()) }
