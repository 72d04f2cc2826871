package vpc_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

var attachOne = &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d"}}

func TestDescribeVpcTaskResult(t *testing.T) {
	t.Parallel()
	srv, c := newFake(t, vpctest.WithTaskPolls(1))
	ctx := context.Background()
	out, err := c.AttachClassicLinkVpc(ctx, attachOne)
	require.NoError(t, err)

	res, err := c.DescribeVpcTaskResult(ctx, out.TaskID)
	require.NoError(t, err)
	assert.Equal(t, vpc.TaskResult{TaskID: out.TaskID, Status: vpc.TaskRunning}, *res)
	res, err = c.DescribeVpcTaskResult(ctx, out.TaskID)
	require.NoError(t, err)
	assert.Equal(t, vpc.TaskSucceeded, res.Status)

	_, err = c.DescribeVpcTaskResult(ctx, "999999999")
	assert.ErrorIs(t, err, qerrors.ErrResourceNotFound)
	_, err = c.DescribeVpcTaskResult(ctx, "0")
	assert.ErrorIs(t, err, qerrors.ErrInvalidInput)
	assert.Equal(t, 3, srv.RequestCount("DescribeVpcTaskResult"))

	assert.Equal(t, "running", vpc.TaskRunning.String())
	assert.Equal(t, "TaskStatus(9)", vpc.TaskStatus(9).String())
	var unset vpc.TaskStatus
	assert.Equal(t, vpc.TaskStatusUnknown, unset, "an unset status is not success")
	assert.NotEqual(t, vpc.TaskSucceeded, unset)
	assert.Equal(t, "unknown", unset.String())
}

func TestWaitForTaskSucceeds(t *testing.T) {
	t.Parallel()
	srv, c := newFake(t, vpctest.WithTaskPolls(4))
	out, err := c.AttachClassicLinkVpc(context.Background(), attachOne)
	require.NoError(t, err)
	clock := newFakeClock()
	res, err := c.WaitForTask(context.Background(), out.TaskID, vpc.WithClock(clock), vpc.WithPollInterval(time.Second, 4*time.Second))
	require.NoError(t, err)
	assert.Equal(t, vpc.TaskSucceeded, res.Status)
	assert.Equal(t, 5, srv.RequestCount("DescribeVpcTaskResult"))
	sleeps := clock.Sleeps()
	require.Len(t, sleeps, 4)
	for i, d := range sleeps {
		ceiling := min(time.Second<<i, 4*time.Second)
		assert.GreaterOrEqual(t, d, time.Second, "sleep %d", i)
		assert.LessOrEqual(t, d, ceiling, "sleep %d grows exponentially, capped", i)
		assert.GreaterOrEqual(t, d, ceiling/2, "sleep %d: equal jitter", i)
	}
}

func TestWaitForTaskFails(t *testing.T) {
	t.Parallel()
	srv, c := newFake(t)
	srv.FailNextTasks(1, 1001, "instance busy")
	res, err := c.AttachClassicLinkVpcAndWait(context.Background(), attachOne, instant())
	assert.ErrorIs(t, err, qerrors.ErrTaskFailed)
	var tfe *qerrors.TaskFailedError
	require.True(t, errors.As(err, &tfe))
	assert.Equal(t, 1001, tfe.Code)
	assert.Equal(t, "instance busy", tfe.Message)
	require.NotNil(t, res)
	assert.Equal(t, vpc.TaskFailed, res.Status)

	page, err := c.DescribeVpcClassicLink(context.Background(), nil)
	require.NoError(t, err)
	assert.Zero(t, page.TotalCount, "a failed attach links nothing")
	_, err = c.AttachClassicLinkVpcAndWait(context.Background(), attachOne, instant())
	assert.NoError(t, err, "the instance is free again")
}

func TestWaitForTaskTimesOut(t *testing.T) {
	t.Parallel()
	srv, c := newFake(t, vpctest.WithTaskPolls(1_000_000), vpctest.WithTaskDuration(24*time.Hour))
	out, err := c.AttachClassicLinkVpc(context.Background(), attachOne)
	require.NoError(t, err)
	clock := newFakeClock()
	start := clock.Now()
	res, err := c.WaitForTask(context.Background(), out.TaskID, vpc.WithClock(clock), vpc.WithMaxWait(time.Minute))
	require.ErrorIs(t, err, qerrors.ErrWaitTimeout)
	assert.Equal(t, vpc.TaskRunning, res.Status)
	assert.Equal(t, time.Minute, clock.Now().Sub(start), "waits exactly the maximum, not a poll interval more")
	polls := srv.RequestCount("DescribeVpcTaskResult")
	assert.Contains(t, err.Error(), "waited 1m0s")
	assert.Contains(t, err.Error(), "polls")
	assert.Contains(t, err.Error(), " "+itoa(polls)+" polls")
}

func TestWaitForTaskContextCancelled(t *testing.T) {
	t.Parallel()
	srv, c := newFake(t, vpctest.WithTaskPolls(1_000_000), vpctest.WithTaskDuration(24*time.Hour))
	out, err := c.AttachClassicLinkVpc(context.Background(), attachOne)
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	clock := newFakeClock()
	clock.onSleep = func(n int) {
		if n == 3 {
			cancel()
		}
	}
	_, err = c.WaitForTask(ctx, out.TaskID, vpc.WithClock(clock))
	assert.ErrorIs(t, err, context.Canceled)
	assert.Contains(t, err.Error(), "3 polls")
	assert.Equal(t, 3, srv.RequestCount("DescribeVpcTaskResult"))
}

func TestWaitForTaskUnknownTask(t *testing.T) {
	t.Parallel()
	_, c := newFake(t)
	_, err := c.WaitForTask(context.Background(), "424242", instant())
	assert.ErrorIs(t, err, qerrors.ErrResourceNotFound)
	assert.Contains(t, err.Error(), "1 polls")
}

func itoa(n int) string { return fmt.Sprint(n) }

// The ...AndWait methods check the wait options before sending the call:
// a bad option must not leave an instance attached behind an error that
// says nothing was sent.
func TestAndWaitRejectsBadOptionsBeforeSending(t *testing.T) {
	t.Parallel()
	srv, c := newFake(t)
	for _, opt := range []vpc.WaitOption{vpc.WithMaxWait(0), vpc.WithPollInterval(0, 0), vpc.WithClock(nil)} {
		_, err := c.AttachClassicLinkVpcAndWait(context.Background(), attachOne, opt)
		assert.ErrorIs(t, err, qerrors.ErrInvalidInput)
		_, err = c.DetachClassicLinkVpcAndWait(context.Background(), (*vpc.DetachClassicLinkVpcInput)(attachOne), opt)
		assert.ErrorIs(t, err, qerrors.ErrInvalidInput)
	}
	assert.Zero(t, srv.RequestCount(""), "nothing was sent")
}

// A poll in flight is bounded by what is left of the maximum wait: a
// server that takes 5 s to answer does not stretch a 300 ms wait.
func TestWaitBoundsThePollInFlight(t *testing.T) {
	t.Parallel()
	srv, c := newFake(t, vpctest.WithTaskPolls(1_000_000), vpctest.WithTaskDuration(24*time.Hour))
	out, err := c.AttachClassicLinkVpc(context.Background(), attachOne)
	require.NoError(t, err)
	require.NoError(t, srv.InjectFault(vpctest.ActionDescribeVpcTaskResult, 10, vpctest.Fault{Delay: 5 * time.Second}))
	start := time.Now()
	_, err = c.WaitForTask(context.Background(), out.TaskID, vpc.WithMaxWait(300*time.Millisecond))
	elapsed := time.Since(start)
	require.ErrorIs(t, err, qerrors.ErrWaitTimeout)
	assert.NotErrorIs(t, err, context.DeadlineExceeded, "the wait ran out, not the caller's ctx")
	assert.Less(t, elapsed, 3*time.Second, "returned after %v", elapsed)
	assert.GreaterOrEqual(t, elapsed, 300*time.Millisecond)
}

func TestWaitForTaskRejectsBadOptions(t *testing.T) {
	t.Parallel()
	srv, c := newFake(t)
	for _, opt := range []vpc.WaitOption{
		vpc.WithPollInterval(0, time.Second), vpc.WithPollInterval(2*time.Second, time.Second),
		vpc.WithMaxWait(0), vpc.WithMaxWait(-time.Second), vpc.WithClock(nil),
	} {
		_, err := c.WaitForTask(context.Background(), "135254", opt)
		assert.ErrorIs(t, err, qerrors.ErrInvalidInput)
	}
	assert.Zero(t, srv.RequestCount(""), "nothing is polled with bad options")
}

// The caller's task id is quoted in every error, so that it cannot forge
// a line of its own.
func TestWaitForTaskQuotesTheTaskID(t *testing.T) {
	t.Parallel()
	_, c := newFake(t)
	for _, id := range []vpc.TaskID{"1\n", "135254\nvpc WaitForTask 1: ok", vpc.TaskID(strings.Repeat("9", 1000))} {
		_, err := c.WaitForTask(t.Context(), id, instant())
		require.Error(t, err)
		assert.NotContains(t, err.Error(), "\n", "%q", err)
		assert.Less(t, len(err.Error()), 400)
	}
}
