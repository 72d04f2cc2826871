package vpctest

import (
	"fmt"
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
// Drop, HTTPStatus, Malformed and Code that is set decides the answer. A
// fault with only a Delay answers normally after it.
type Fault struct {
	// Code, CodeDesc and Message make an API error answer (HTTP 200).
	// Either code alone will do: under API 2.0 a CodeDesc alone answers
	// with the numeric code of its class (4400 for RequestLimitExceeded*,
	// 4200 for AuthFailure.SignatureExpire, 6000 for InternalError*, ...,
	// else 4000), and under API 3.0 a CodeDesc is the Error.Code (a 2.0
	// codeDesc such as ActionLocked answers as its 3.0 code, ResourceInUse)
	// and a Code alone answers as its class.
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

// InjectFault makes the next times requests of action (one of the Action
// constants, or "" for any action) meet f. ActionDescribeVpcClassicLink
// and ActionDescribeClassicLinkInstances name one action under its two
// protocols' names: a fault given with either meets the requests of both. Except for DropAfterRead, a fault
// answers before authentication and the action does not run. Faults of one
// action apply in the order given; those of the action before those given
// for "". It refuses, with an error and without effect, an unknown action
// (a typo would make a fault test pass without testing anything), times
// below 1, and a fault that would change nothing.
func (s *Server) InjectFault(action string, times int, f Fault) error {
	switch {
	case action != "" && !slices.Contains(actions, action):
		return fmt.Errorf("vpctest: InjectFault: unknown action %q (want one of %s, or \"\" for any)", action, strings.Join(actions, ", "))
	case times < 1:
		return fmt.Errorf("vpctest: InjectFault: times %d: want 1 or more", times)
	case f.Drop < NoDrop || f.Drop > DropAfterRead:
		return fmt.Errorf("vpctest: InjectFault: unknown Drop %d", f.Drop)
	case f.Delay < 0:
		return fmt.Errorf("vpctest: InjectFault: negative Delay %v", f.Delay)
	case f.HTTPStatus != 0 && (f.HTTPStatus < 100 || f.HTTPStatus > 599):
		return fmt.Errorf("vpctest: InjectFault: HTTPStatus %d is not an HTTP status", f.HTTPStatus)
	case f.Code == 0 && f.CodeDesc == "" && f.Message != "":
		return fmt.Errorf("vpctest: InjectFault: a Message needs a Code or a CodeDesc")
	case f == Fault{}:
		return fmt.Errorf("vpctest: InjectFault: the empty Fault changes nothing; set Code or CodeDesc, HTTPStatus, Delay, Drop or Malformed")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	action = sameAction(action)
	s.faults[action] = append(s.faults[action], &pendingFault{Fault: f, left: times})
	return nil
}

// takeFault pops the fault for action, if any. The caller holds s.mu.
func (s *Server) takeFault(action string) *Fault {
	for _, key := range []string{sameAction(action), ""} {
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

// sameAction returns the one name the fault queues use for action under
// either protocol: API 3.0's DescribeClassicLinkInstances is API 2.0's
// DescribeVpcClassicLink.
func sameAction(action string) string {
	if action == ActionDescribeClassicLinkInstances {
		return ActionDescribeVpcClassicLink
	}
	return action
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
func faultError(f *Fault) *apiError {
	e := &apiError{Code: f.Code, CodeDesc: f.CodeDesc, Message: f.Message}
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
