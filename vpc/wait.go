package vpc

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
)

// Defaults of WaitForTask and the AndWait methods.
const (
	DefaultPollMin = common.DefaultPollMin
	DefaultPollMax = common.DefaultPollMax
	DefaultMaxWait = common.DefaultMaxWait
)

// Clock is the time source of WaitForTask. Tests substitute one whose Sleep
// advances a fake time at once.
type Clock = common.Clock

// WaitOption configures WaitForTask and the AndWait methods (see package
// common: the same options wait for CVM's instances).
type WaitOption = common.WaitOption

// WithPollInterval bounds the delay between polls; it grows exponentially,
// with jitter, from minimum to maximum (defaults 1 s and 20 s).
// WaitForTask rejects a minimum that is not positive or a maximum below it.
func WithPollInterval(minimum, maximum time.Duration) WaitOption {
	return common.WithPollInterval(minimum, maximum)
}

// WithMaxWait bounds the whole wait (default 10 minutes); the ctx deadline
// bounds it too. WaitForTask rejects a value that is not positive.
func WithMaxWait(d time.Duration) WaitOption { return common.WithMaxWait(d) }

// WithClock replaces the wall clock, for tests.
func WithClock(clock Clock) WaitOption { return common.WithClock(clock) }

// WaitForTask polls DescribeVpcTaskResult until the task finishes. It
// returns the result of a succeeded task; a *errors.TaskFailedError
// (errors.Is errors.ErrTaskFailed) for a failed one; an error matching
// errors.ErrWaitTimeout when the task still runs at the end of the maximum
// wait; and the ctx error, wrapped, when ctx ends first. Every poll, with
// its retries, is bounded by what is left of the maximum wait, so the wait
// never runs over it. Every error says how long it waited and how many
// polls it made.
func (c *Client) WaitForTask(ctx context.Context, taskID TaskID, opts ...WaitOption) (*TaskResult, error) {
	w, err := core.NewWaiting(opts)
	if err != nil {
		return nil, err
	}
	return c.wait(ctx, taskID, w, c.describeTask(taskID))
}

// describeTask returns the poll of a task of DescribeVpcTaskResult.
func (c *Client) describeTask(taskID TaskID) func(context.Context) (*TaskResult, error) {
	return func(ctx context.Context) (*TaskResult, error) { return c.DescribeVpcTaskResult(ctx, taskID) }
}

// wait polls a task with describe until it finishes, the maximum wait ends
// or ctx does (see WaitForTask).
func (c *Client) wait(ctx context.Context, taskID TaskID, w core.Waiting, describe func(context.Context) (*TaskResult, error)) (*TaskResult, error) {
	return core.Await(ctx, w, fmt.Sprintf("vpc WaitForTask %.64q", taskID), describe, func(res *TaskResult) (bool, error) {
		switch res.Status { // the task queries return no other status than these three
		case TaskSucceeded:
			return true, nil
		case TaskFailed:
			return true, &qerrors.TaskFailedError{TaskID: string(taskID), Code: res.ErrorCode, Message: res.ErrorMessage}
		}
		return false, nil
	})
}

// AttachClassicLinkVpcAndWait attaches and waits for the task to finish,
// returning the finished task's result. The input and the wait options are
// checked before anything is sent.
func (c *Client) AttachClassicLinkVpcAndWait(ctx context.Context, in *AttachClassicLinkVpcInput, opts ...WaitOption) (*TaskResult, error) {
	w, err := core.NewWaiting(opts)
	if err != nil {
		return nil, err
	}
	out, err := c.AttachClassicLinkVpc(ctx, in)
	if err != nil {
		return nil, err
	}
	return c.wait(ctx, out.TaskID, w, c.describeTask(out.TaskID))
}

// DetachClassicLinkVpcAndWait detaches and waits for the task to finish,
// returning the finished task's result. The input and the wait options are
// checked before anything is sent.
func (c *Client) DetachClassicLinkVpcAndWait(ctx context.Context, in *DetachClassicLinkVpcInput, opts ...WaitOption) (*TaskResult, error) {
	w, err := core.NewWaiting(opts)
	if err != nil {
		return nil, err
	}
	out, err := c.DetachClassicLinkVpc(ctx, in)
	if err != nil {
		return nil, err
	}
	return c.wait(ctx, out.TaskID, w, c.describeTask(out.TaskID))
}

// waitTaskResult waits for a task of the EIP and IPv6 actions, polling
// DescribeTaskResult with its numeric TaskId (as the answer gives it: a
// number, or a number written as a string).
func (c *Client) waitTaskResult(ctx context.Context, taskID string, w core.Waiting) (*TaskResult, error) {
	n, err := strconv.ParseUint(taskID, 10, 64)
	if err != nil {
		return nil, c.core.Malformed(opDescribeTaskResult, "TaskId %.64q is not a number", taskID)
	}
	return c.wait(ctx, TaskID(taskID), w, func(ctx context.Context) (*TaskResult, error) {
		out, err := c.DescribeTaskResult(ctx, &DescribeTaskResultInput{TaskID: common.Some(n)})
		if err != nil {
			return nil, err
		}
		status, ok := statuses3[out.Result]
		if !ok {
			return nil, c.core.Malformed(opDescribeTaskResult, "unknown task result %.32q", out.Result)
		}
		return &TaskResult{TaskID: TaskID(taskID), Status: status, RequestID: out.RequestID}, nil
	})
}

// taskIDText writes a TaskId as the answers give it.
func taskIDText[T string | uint64](id T) string {
	switch id := any(id).(type) {
	case uint64:
		return strconv.FormatUint(id, 10)
	case string:
		return id
	}
	return ""
}
