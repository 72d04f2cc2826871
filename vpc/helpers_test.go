package vpc_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

// newFake starts a vpctest server and an API 2.0 client of it with fast
// retries (the tests of 3.0 make theirs with clientOf).
func newFake(t *testing.T, opts ...vpctest.Option) (*vpctest.Server, *vpc.Client) {
	t.Helper()
	srv := vpctest.NewServer(opts...)
	t.Cleanup(srv.Close)
	c, err := vpc.NewClient(srv.Credential(), "ap-guangzhou", common.WithAPI(common.API2),
		common.WithEndpoint(srv.URL()), common.WithRetryWait(time.Millisecond, 2*time.Millisecond))
	require.NoError(t, err)
	return srv, c
}

// fakeClock is a vpc.Clock whose Sleep advances time at once.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	sleeps []time.Duration
	// onSleep, if set, runs before each sleep with its number (from 1).
	onSleep func(n int)
}

func newFakeClock() *fakeClock { return &fakeClock{now: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	c.sleeps = append(c.sleeps, d)
	n, hook := len(c.sleeps), c.onSleep
	c.mu.Unlock()
	if hook != nil {
		hook(n)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
	return nil
}

func (c *fakeClock) Sleeps() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.sleeps...)
}

// instant waits on a fake clock, so that tests never sleep.
func instant() vpc.WaitOption { return vpc.WithClock(newFakeClock()) }
