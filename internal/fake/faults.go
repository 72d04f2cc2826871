package fake

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Drop selects how a fault drops the connection.
type Drop int

const (
	// NoDrop answers normally.
	NoDrop Drop = iota
	// DropBeforeRead closes the connection as soon as the request has
	// arrived, without checking or acting on it.
	DropBeforeRead
	// DropAfterRead reads the request and acts on it, then closes the
	// connection without answering: the client cannot know the outcome.
	DropAfterRead
)

// Fault is an injected misbehaviour. Delay applies first; then the first of
// Drop, HTTPStatus, Malformed and an error code that is set decides the
// answer. A fault with only a Delay answers normally after it.
type Fault struct {
	// Code, CodeDesc and Message make an API error answer (HTTP 200).
	// Either code alone will do: under API 2.0 a CodeDesc alone answers
	// with the numeric code of its class (4400 for RequestLimitExceeded*,
	// 4200 for AuthFailure.SignatureExpire, 6000 for InternalError*, ...,
	// else 4000), and under API 3.0 a CodeDesc is the Error.Code (a 2.0
	// codeDesc that the service maps answers as its 3.0 code) and a Code
	// alone answers as its class.
	Code     int
	CodeDesc string
	Message  string
	// HTTPStatus answers with this status and a short HTML body.
	HTTPStatus int
	// Delay waits this long (wall clock, or until the client gives up).
	Delay time.Duration
	// Drop closes the connection instead of answering.
	Drop Drop
	// Malformed answers status 200 with a body that is not JSON.
	Malformed bool
}

type pendingFault struct {
	Fault
	left int
}

// InjectFault makes the next times requests of action (one of the
// service's actions, or "" for any) meet f. Except for DropAfterRead, a
// fault answers before authentication and the action does not run. Faults
// of one action apply in the order given; those of the action before
// those given for "". It refuses, with an error and without effect, an
// unknown action (a typo would make a fault test pass without testing
// anything), times below 1, and a fault that would change nothing.
func (s *Server) InjectFault(action string, times int, f Fault) error {
	switch {
	case action != "" && !slices.Contains(s.cfg.Actions, action):
		return fmt.Errorf("InjectFault: unknown action %q (want one of %s, or \"\" for any)", action, strings.Join(s.cfg.Actions, ", "))
	case times < 1:
		return fmt.Errorf("InjectFault: times %d: want 1 or more", times)
	case f.Drop < NoDrop || f.Drop > DropAfterRead:
		return fmt.Errorf("InjectFault: unknown Drop %d", f.Drop)
	case f.Delay < 0:
		return fmt.Errorf("InjectFault: negative Delay %v", f.Delay)
	case f.HTTPStatus != 0 && (f.HTTPStatus < 100 || f.HTTPStatus > 599):
		return fmt.Errorf("InjectFault: HTTPStatus %d is not an HTTP status", f.HTTPStatus)
	case f.Code == 0 && f.CodeDesc == "" && f.Message != "":
		return fmt.Errorf("InjectFault: a Message needs a Code or a CodeDesc")
	case f == Fault{}:
		return fmt.Errorf("InjectFault: the empty Fault changes nothing; set Code or CodeDesc, HTTPStatus, Delay, Drop or Malformed")
	}
	s.cfg.Lock.Lock()
	defer s.cfg.Lock.Unlock()
	action = s.sameAction(action)
	s.faults[action] = append(s.faults[action], &pendingFault{Fault: f, left: times})
	return nil
}

// sameAction returns the name the fault queues use for action.
func (s *Server) sameAction(action string) string {
	if s.cfg.SameAction != nil {
		return s.cfg.SameAction(action)
	}
	return action
}

// takeFault pops the fault for action, if any. The caller holds the Lock.
func (s *Server) takeFault(action string) *Fault {
	for _, key := range []string{s.sameAction(action), ""} {
		q := s.faults[key]
		if len(q) == 0 {
			continue
		}
		f := q[0]
		if f.left--; f.left == 0 {
			s.faults[key] = q[1:]
		}
		return &f.Fault
	}
	return nil
}

// codes2 are the API 2.0 numeric codes of the 3.0 classes, for a fault
// that gives only a CodeDesc; the longest prefix wins, and any other
// CodeDesc answers 4000, as a business error does.
var codes2 = []struct {
	prefix string
	code   int
}{
	{"AuthFailure.SignatureExpire", 4200}, {"AuthFailure", 4100}, {"RequestLimitExceeded", 4400},
	{"ResourceNotFound", 5000}, {"FailedOperation", 5100}, {"InternalError", 6000},
	{"InvalidAction", 6100}, {"ServiceUnavailable", 6200},
}

// faultError is the API error answer of f, whose Code or CodeDesc is set.
func faultError(f *Fault) *Error {
	e := &Error{Code: f.Code, CodeDesc: f.CodeDesc, Message: f.Message}
	if e.Code == 0 {
		e.Code = 4000
		for _, c := range codes2 {
			if e.CodeDesc == c.prefix || strings.HasPrefix(e.CodeDesc, c.prefix+".") {
				e.Code = c.code
				break
			}
		}
	}
	return e
}

// answerFault writes the fault's answer and reports whether it did.
func answerFault(w http.ResponseWriter, c *Call, f *Fault, write writer) bool {
	switch {
	case f.Drop == DropBeforeRead:
		dropConnection(w)
	case f.Drop == DropAfterRead:
		return false
	case f.HTTPStatus != 0:
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(f.HTTPStatus)
		_, _ = w.Write([]byte("<html><body><h1>" + http.StatusText(f.HTTPStatus) + "</h1></body></html>"))
	case f.Malformed:
		w.Header().Set("Content-Type", "application/json")
		if c.API == 3 {
			_, _ = w.Write([]byte(`{"Response":{"RequestId":`))
		} else {
			_, _ = w.Write([]byte(`{"code":0,"message":"","taskId":`))
		}
	case f.Code != 0 || f.CodeDesc != "":
		write(w, c, nil, faultError(f))
	default:
		return false
	}
	return true
}

// dropConnection closes the connection without writing a response.
func dropConnection(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		// Not hijackable (HTTP/2): abort the handler, which resets the stream.
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}

// sleep waits d or until the client goes away, and reports whether the
// full delay passed.
func sleep(r *http.Request, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	}
}
