package core_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime/metrics"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
)

// A call starts no goroutine of its own (net/http's legacy cancellation
// path started two per call; a GET body of unknown length one more): after
// the connection is up, 200 calls create (almost) no goroutines.
func TestNoGoroutinePerCall(t *testing.T) {
	sample := []metrics.Sample{{Name: "/sched/goroutines-created:goroutines"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() == metrics.KindBad {
		t.Skip("this Go has no /sched/goroutines-created metric (Go 1.26 has)")
	}
	url := plainServer(t)
	for _, api := range []common.API{common.API2, common.API3} {
		for _, method := range []string{http.MethodGet, http.MethodPost} {
			c := newClient(t, url, common.WithAPI(api), common.WithHTTPMethod(method))
			for _, op := range []core.Operation{attach, describe} {
				req := &core.Request{Op: op, Params: params{VpcID: "vpc-1", IDs: ids(2)}.form()}
				_, err := c.Do(context.Background(), req) // the connection, and its two goroutines
				require.NoError(t, err)
				metrics.Read(sample)
				before := sample[0].Value.Uint64()
				for range 200 {
					_, err := c.Do(context.Background(), req)
					require.NoError(t, err)
				}
				metrics.Read(sample)
				assert.Less(t, sample[0].Value.Uint64()-before, uint64(20), "%v %s %s: goroutines created by 200 calls", api, method, op.Action)
			}
		}
	}
}

// plainServer is a keep-alive HTTP/1.1 server with one goroutine per
// connection and none per request (net/http's server starts one per
// request, which would be counted with the client's).
func plainServer(t *testing.T) string {
	return tcpServer(t, func(conn net.Conn) {
		r := bufio.NewReader(conn)
		for {
			req, err := http.ReadRequest(r)
			if err != nil {
				return
			}
			_, _ = io.Copy(io.Discard, req.Body)
			body := `{"code":0,"taskId":1}`
			if req.URL.Path == "/" {
				body = `{"Response":{"RequestId":"r"}}`
			}
			if _, err := fmt.Fprintf(conn, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(body), body); err != nil {
				return
			}
		}
	})
}
