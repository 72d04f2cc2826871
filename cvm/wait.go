package cvm

import (
	"context"
	"fmt"
	"slices"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
)

// CVM's asynchronous actions (RunInstances, StartInstances, StopInstances,
// RebootInstances, ResetInstancesType, ...) name no task to poll: what they started shows in
// the instances themselves (LatestOperation, LatestOperationState,
// LatestOperationRequestId). WaitForInstances and WaitForOperation wait on
// that, one DescribeInstances a poll, whatever the action was.

// The states of an instance's latest operation.
const (
	OperationRunning   = "OPERATING"
	OperationSucceeded = "SUCCESS"
	OperationFailed    = "FAILED"
)

// WaitForInstances polls DescribeInstances (with the options of package
// common's WithPollInterval, WithMaxWait and WithClock) until every
// instance of ids is listed and its latest operation has ended. It returns
// the instances; a *errors.TaskFailedError (errors.Is
// errors.ErrTaskFailed) names the first whose latest operation failed;
// the errors of a wait that ran out, or whose ctx ended, are those of
// vpc.WaitForTask. It suits instances just created; for an operation on
// existing ones, whose previous operation has ended too, use
// WaitForOperation.
func (c *Client) WaitForInstances(ctx context.Context, ids []string, opts ...common.WaitOption) ([]Instance, error) {
	return c.waitInstances(ctx, ids, "", opts)
}

// WaitForOperation is WaitForInstances for the operation that the call
// answered with requestID started: it waits until that call is the latest
// operation of every instance of ids (LatestOperationRequestId) and has
// ended there.
func (c *Client) WaitForOperation(ctx context.Context, ids []string, requestID string, opts ...common.WaitOption) ([]Instance, error) {
	if requestID == "" {
		return nil, core.Invalid("requestID", "empty: want the RequestId of the call that started the operation")
	}
	return c.waitInstances(ctx, ids, requestID, opts)
}

// waitInstances waits on the latest operation of instances ids: the one
// of the call answered with requestID, or any ("").
func (c *Client) waitInstances(ctx context.Context, ids []string, requestID string, opts []common.WaitOption) ([]Instance, error) {
	w, err := core.NewWaiting(opts)
	if err != nil {
		return nil, err
	}
	if err := checkIDs("ids", ids); err != nil {
		return nil, err
	}
	describe := func(ctx context.Context) ([]Instance, error) {
		out, err := c.DescribeInstances(ctx, &DescribeInstancesInput{InstanceIDs: ids, Limit: common.Some(int64(len(ids)))})
		if err != nil {
			return nil, err
		}
		return out.InstanceSet, nil
	}
	return core.Await(ctx, w, fmt.Sprintf("cvm WaitForInstances %.64q", ids), describe, func(set []Instance) (bool, error) {
		ended := 0
		for _, in := range set {
			if !slices.Contains(ids, in.InstanceID) || requestID != "" && in.LatestOperationRequestID != requestID {
				continue
			}
			switch in.LatestOperationState {
			case OperationFailed:
				return true, &qerrors.TaskFailedError{TaskID: in.InstanceID, Message: in.LatestOperation + " " + in.LatestOperationState}
			case OperationRunning:
			default:
				ended++
			}
		}
		return ended == len(ids), nil
	})
}

// RunInstancesAndWait creates instances and waits until their creation has
// ended (see WaitForInstances). The wait options are checked before
// anything is sent.
func (c *Client) RunInstancesAndWait(ctx context.Context, in *RunInstancesInput, opts ...common.WaitOption) (*RunInstancesOutput, []Instance, error) {
	if _, err := core.NewWaiting(opts); err != nil {
		return nil, nil, err
	}
	out, err := c.RunInstances(ctx, in)
	if err != nil {
		return nil, nil, err
	}
	set, err := c.WaitForInstances(ctx, out.InstanceIDSet, opts...)
	return out, set, err
}

// StartInstancesAndWait starts instances and waits until the start has
// ended on each (see WaitForOperation).
func (c *Client) StartInstancesAndWait(ctx context.Context, in *StartInstancesInput, opts ...common.WaitOption) (*StartInstancesOutput, []Instance, error) {
	return andWait(ctx, c, c.StartInstances, in, func(in *StartInstancesInput) []string { return in.InstanceIDs },
		func(out *StartInstancesOutput) string { return out.RequestID }, opts)
}

// StopInstancesAndWait stops instances and waits until the stop has ended
// on each (see WaitForOperation).
func (c *Client) StopInstancesAndWait(ctx context.Context, in *StopInstancesInput, opts ...common.WaitOption) (*StopInstancesOutput, []Instance, error) {
	return andWait(ctx, c, c.StopInstances, in, func(in *StopInstancesInput) []string { return in.InstanceIDs },
		func(out *StopInstancesOutput) string { return out.RequestID }, opts)
}

// RebootInstancesAndWait reboots instances and waits until the reboot has
// ended on each (see WaitForOperation).
func (c *Client) RebootInstancesAndWait(ctx context.Context, in *RebootInstancesInput, opts ...common.WaitOption) (*RebootInstancesOutput, []Instance, error) {
	return andWait(ctx, c, c.RebootInstances, in, func(in *RebootInstancesInput) []string { return in.InstanceIDs },
		func(out *RebootInstancesOutput) string { return out.RequestID }, opts)
}

// ResetInstancesTypeAndWait changes the instance type of instances and
// waits until the change has ended on each (see WaitForOperation).
func (c *Client) ResetInstancesTypeAndWait(ctx context.Context, in *ResetInstancesTypeInput, opts ...common.WaitOption) (*ResetInstancesTypeOutput, []Instance, error) {
	return andWait(ctx, c, c.ResetInstancesType, in, func(in *ResetInstancesTypeInput) []string { return in.InstanceIDs },
		func(out *ResetInstancesTypeOutput) string { return out.RequestID }, opts)
}

// andWait makes a call on the instances its input names and waits for the
// operation it started (WaitForOperation). The input and the wait options
// are checked before anything is sent.
func andWait[In, Out any](ctx context.Context, c *Client, call func(context.Context, *In, ...common.CallOption) (*Out, error),
	in *In, ids func(*In) []string, requestID func(*Out) string, opts []common.WaitOption) (*Out, []Instance, error) {
	if _, err := core.NewWaiting(opts); err != nil {
		return nil, nil, err
	}
	var list []string
	if in != nil {
		list = ids(in)
	}
	if err := checkIDs("InstanceIds", list); err != nil {
		return nil, nil, err
	}
	out, err := call(ctx, in)
	if err != nil {
		return nil, nil, err
	}
	set, err := c.WaitForOperation(ctx, list, requestID(out), opts...)
	return out, set, err
}

// checkIDs refuses a list of instance ids that one DescribeInstances
// cannot show: none, or more than 100.
func checkIDs(name string, ids []string) error {
	if len(ids) == 0 || len(ids) > 100 {
		return core.Invalid(name, "%d instance ids: want 1 to 100", len(ids))
	}
	return nil
}
