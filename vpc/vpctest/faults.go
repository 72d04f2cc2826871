package vpctest

import (
	"fmt"

	"github.com/qcloudkit/qcloud-sdk-go/internal/fake"
)

// Drop selects how a fault drops the connection.
type Drop = fake.Drop

// How a fault drops the connection.
const (
	// NoDrop answers normally.
	NoDrop = fake.NoDrop
	// DropBeforeRead closes the connection as soon as the request has
	// arrived, without checking or acting on it.
	DropBeforeRead = fake.DropBeforeRead
	// DropAfterRead reads the request and acts on it, then closes the
	// connection without answering: the client cannot know the outcome.
	DropAfterRead = fake.DropAfterRead
)

// Fault is an injected misbehaviour: Code, CodeDesc and Message make an
// API error answer (either code alone will do: a CodeDesc alone answers
// under API 2.0 with the numeric code of its class, 4400 for
// RequestLimitExceeded*, ..., else 4000; under API 3.0 a CodeDesc is the
// Error.Code, ActionLocked answering as ResourceInUse, and a Code alone as
// its class); HTTPStatus answers with that status; Delay waits first; Drop
// closes the connection; Malformed answers a body that is not JSON.
type Fault = fake.Fault

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
	if err := s.fake.InjectFault(action, times, f); err != nil {
		return fmt.Errorf("vpctest: %w", err)
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
