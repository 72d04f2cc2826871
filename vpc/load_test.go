package vpc_test

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

// connCounter counts the connections a server accepts and closes.
type connCounter struct{ opened, closed atomic.Int64 }

func (c *connCounter) track(_ net.Conn, s http.ConnState) {
	switch s {
	case http.StateNew:
		c.opened.Add(1)
	case http.StateClosed, http.StateHijacked:
		c.closed.Add(1)
	}
}

// 256 goroutines sharing one client reuse its connections: the default
// transport keeps an idle connection per concurrent caller, where one that
// kept 64 per host opened about 5,000 for 20,000 calls. CloseIdleConnections
// then releases them all.
func TestSharedClientReusesConnections(t *testing.T) {
	t.Parallel()
	const workers = 256
	calls := 20_000
	if testing.Short() {
		calls = 2_000
	}
	// vpctest's handler behind a server that counts connections.
	var conns connCounter
	fake := vpctest.NewServer()
	t.Cleanup(fake.Close)
	srv := httptest.NewUnstartedServer(fake)
	srv.Config.ConnState = conns.track
	srv.Start()
	t.Cleanup(srv.Close)
	c, err := vpc.NewClient(fake.Credential(), "ap-guangzhou", common.WithEndpoint(srv.URL))
	require.NoError(t, err)

	var next atomic.Int64
	var failures atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range workers {
		wg.Go(func() {
			for next.Add(1) <= int64(calls) {
				if _, err := c.DescribeVpcClassicLink(context.Background(), nil); err != nil {
					failures.Add(1)
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	opened := conns.opened.Load()
	t.Logf("%d calls by %d goroutines: %d connections, %.0f calls/s", calls, workers, opened, float64(calls)/elapsed.Seconds())
	assert.Zero(t, failures.Load())
	assert.LessOrEqual(t, opened, int64(2*workers), "at most two connections per concurrent caller")

	c.CloseIdleConnections()
	assert.Eventually(t, func() bool { return conns.closed.Load() == opened },
		10*time.Second, 5*time.Millisecond, "every idle connection is released")
}
