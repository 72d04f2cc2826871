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
// RebootInstances, ...) name no task to poll: what they started shows in
// the instances themselves. WaitForInstances waits on that, one
// DescribeInstances a poll, whatever the action was.

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
// vpc.WaitForTask.
func (c *Client) WaitForInstances(ctx context.Context, ids []string, opts ...common.WaitOption) ([]Instance, error) {
	w, err := core.NewWaiting(opts)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 || len(ids) > 100 {
		return nil, core.Invalid("ids", "%d instance ids: want 1 to 100", len(ids))
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
			if !slices.Contains(ids, in.InstanceID) {
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
