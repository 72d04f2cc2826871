package vpc

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
)

// Defaults of WaitForTask.
const (
	DefaultPollMin = 1 * time.Second
	DefaultPollMax = 20 * time.Second
	DefaultMaxWait = 10 * time.Minute
)

// Clock is the time source of WaitForTask. Tests substitute one whose Sleep
// advances a fake time at once.
type Clock interface {
	Now() time.Time
	// Sleep waits d, or returns ctx.Err() when ctx ends first.
	Sleep(ctx context.Context, d time.Duration) error
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

type waitConfig struct {
	pollMin, pollMax, maxWait time.Duration
	clock                     Clock
}

// WaitOption configures WaitForTask.
type WaitOption func(*waitConfig)

// WithPollInterval bounds the delay between polls; it grows exponentially,
// with jitter, from minimum to maximum (defaults 1 s and 20 s).
// WaitForTask rejects a minimum that is not positive or a maximum below it.
func WithPollInterval(minimum, maximum time.Duration) WaitOption {
	return func(c *waitConfig) { c.pollMin, c.pollMax = minimum, maximum }
}

// WithMaxWait bounds the whole wait (default 10 minutes); the ctx deadline
// bounds it too. WaitForTask rejects a value that is not positive.
func WithMaxWait(d time.Duration) WaitOption { return func(c *waitConfig) { c.maxWait = d } }

// WithClock replaces the wall clock, for tests.
func WithClock(clock Clock) WaitOption { return func(c *waitConfig) { c.clock = clock } }

func (c *waitConfig) validate() error {
	switch {
	case c.pollMin <= 0 || c.pollMax < c.pollMin:
		return core.Invalid("WithPollInterval", "%v..%v: want 0 < minimum <= maximum", c.pollMin, c.pollMax)
	case c.maxWait <= 0:
		return core.Invalid("WithMaxWait", "%v: want a positive duration", c.maxWait)
	case c.clock == nil:
		return core.Invalid("WithClock", "nil clock")
	}
	return nil
}

// newWaitConfig applies opts to the defaults and validates the result.
func newWaitConfig(opts []WaitOption) (waitConfig, error) {
	cfg := waitConfig{pollMin: DefaultPollMin, pollMax: DefaultPollMax, maxWait: DefaultMaxWait, clock: realClock{}}
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	return cfg, cfg.validate()
}

// WaitForTask polls DescribeVpcTaskResult until the task finishes. It
// returns the result of a succeeded task; a *errors.TaskFailedError
// (errors.Is errors.ErrTaskFailed) for a failed one; an error matching
// errors.ErrWaitTimeout when the task still runs at the end of the maximum
// wait; and the ctx error, wrapped, when ctx ends first. Every poll, with
// its retries, is bounded by what is left of the maximum wait, so the wait
// never runs over it. Every error says how long it waited and how many
// polls it made.
func (c *Client) WaitForTask(ctx context.Context, taskID TaskID, opts ...WaitOption) (*TaskResult, error) {
	cfg, err := newWaitConfig(opts)
	if err != nil {
		return nil, err
	}
	return c.wait(ctx, taskID, cfg, c.describeTask(taskID))
}

// describeTask returns the poll of a task of DescribeVpcTaskResult.
func (c *Client) describeTask(taskID TaskID) func(context.Context) (*TaskResult, error) {
	return func(ctx context.Context) (*TaskResult, error) { return c.DescribeVpcTaskResult(ctx, taskID) }
}

// wait polls a task with describe until it finishes, the maximum wait ends
// or ctx does (see WaitForTask).
func (c *Client) wait(ctx context.Context, taskID TaskID, cfg waitConfig, describe func(context.Context) (*TaskResult, error)) (*TaskResult, error) {
	start := cfg.clock.Now()
	timeout := func(polls int) error {
		return fmt.Errorf("vpc WaitForTask %.64q: %w: waited %v, %d polls", taskID, qerrors.ErrWaitTimeout, cfg.clock.Now().Sub(start), polls)
	}
	delay := cfg.pollMin
	var last *TaskResult
	for polls := 1; ; polls++ {
		res, err := poll(ctx, cfg.maxWait-cfg.clock.Now().Sub(start), describe)
		waited := cfg.clock.Now().Sub(start)
		switch {
		case errors.Is(err, errPollCut):
			return last, timeout(polls)
		case err != nil:
			return nil, fmt.Errorf("vpc WaitForTask %.64q: after %v and %d polls: %w", taskID, waited, polls, err)
		}
		last = res
		switch res.Status { // the task queries return no other status than these three
		case TaskSucceeded:
			return res, nil
		case TaskFailed:
			return res, &qerrors.TaskFailedError{TaskID: string(taskID), Code: res.ErrorCode, Message: res.ErrorMessage}
		}
		if waited >= cfg.maxWait {
			return res, timeout(polls)
		}
		// Equal jitter: between half the delay and the delay, never past the end of the wait.
		pause := delay/2 + rand.N(delay/2+1)
		pause = min(max(pause, cfg.pollMin), cfg.pollMax, cfg.maxWait-waited)
		if err := cfg.clock.Sleep(ctx, pause); err != nil {
			return nil, fmt.Errorf("vpc WaitForTask %.64q: task still running after %v and %d polls: %w", taskID, cfg.clock.Now().Sub(start), polls, err)
		}
		if cfg.clock.Now().Sub(start) >= cfg.maxWait {
			// The wait is over: a poll now would have no time left.
			return res, timeout(polls)
		}
		delay = min(delay*2, cfg.pollMax)
	}
}

// errPollCut marks a poll cut short by the end of the maximum wait.
var errPollCut = errors.New("poll cut short by the maximum wait")

// poll describes the task within left, the rest of the maximum wait.
func poll(ctx context.Context, left time.Duration, describe func(context.Context) (*TaskResult, error)) (*TaskResult, error) {
	pctx, cancel := context.WithTimeoutCause(ctx, left, errPollCut)
	defer cancel()
	res, err := describe(pctx)
	if err != nil && ctx.Err() == nil && context.Cause(pctx) == errPollCut {
		return nil, errPollCut
	}
	return res, err
}

// AttachClassicLinkVpcAndWait attaches and waits for the task to finish,
// returning the finished task's result. The input and the wait options are
// checked before anything is sent.
func (c *Client) AttachClassicLinkVpcAndWait(ctx context.Context, in *AttachClassicLinkVpcInput, opts ...WaitOption) (*TaskResult, error) {
	cfg, err := newWaitConfig(opts)
	if err != nil {
		return nil, err
	}
	out, err := c.AttachClassicLinkVpc(ctx, in)
	if err != nil {
		return nil, err
	}
	return c.wait(ctx, out.TaskID, cfg, c.describeTask(out.TaskID))
}

// DetachClassicLinkVpcAndWait detaches and waits for the task to finish,
// returning the finished task's result. The input and the wait options are
// checked before anything is sent.
func (c *Client) DetachClassicLinkVpcAndWait(ctx context.Context, in *DetachClassicLinkVpcInput, opts ...WaitOption) (*TaskResult, error) {
	cfg, err := newWaitConfig(opts)
	if err != nil {
		return nil, err
	}
	out, err := c.DetachClassicLinkVpc(ctx, in)
	if err != nil {
		return nil, err
	}
	return c.wait(ctx, out.TaskID, cfg, c.describeTask(out.TaskID))
}

// waitTaskResult waits for a task of the EIP and IPv6 actions, polling
// DescribeTaskResult with its numeric TaskId (as the answer gives it: a
// number, or a number written as a string).
func (c *Client) waitTaskResult(ctx context.Context, taskID string, cfg waitConfig) (*TaskResult, error) {
	n, err := strconv.ParseUint(taskID, 10, 64)
	if err != nil {
		return nil, c.core.Malformed(opDescribeTaskResult, "TaskId %.64q is not a number", taskID)
	}
	return c.wait(ctx, TaskID(taskID), cfg, func(ctx context.Context) (*TaskResult, error) {
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
