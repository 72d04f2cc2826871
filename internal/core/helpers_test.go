package core_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
	"github.com/qcloudkit/qcloud-sdk-go/internal/testsig"
	"github.com/qcloudkit/qcloud-sdk-go/internal/wire"
)

const (
	testID    = "AKIDtestSecretId0001"
	testKey   = "testSecretKey0002"
	testToken = "testSessionToken0003"
)

var testCred = auth.NewCredential(testID, testKey)

// params are API 2.0 parameters like those of the service packages.
type params struct {
	VpcID string
	IDs   []string
	Zone  string
}

func (p params) form() wire.Form {
	f := wire.Form{}
	f.Set("vpcId", p.VpcID)
	f.SetList("instanceIds", p.IDs)
	f.Set("Placement_Zone", p.Zone)
	return f
}

type result struct {
	TaskID wire.Int `json:"taskId"`
}

var (
	attach   = core.Operation{Action: "AttachClassicLinkVpc"}
	describe = core.Operation{Action: "DescribeVpcClassicLink", Idempotent: true}
)

// seen is one request as the test server received it.
type seen struct {
	Method, Path, Host string
	Params             url.Values
	SigErr             error
	UserAgent          string
	Header             http.Header
	TransferEncoding   []string
}

// server is an httptest server that records requests and answers the n-th
// (from 1) with respond.
type server struct {
	*httptest.Server
	reqs recorder[seen]
}

func newServer(t testing.TB, respond func(n int, w http.ResponseWriter)) *server {
	t.Helper()
	s := &server{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, err := testsig.Params(r)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		n := s.reqs.add(seen{
			Method: r.Method, Path: r.URL.Path, Host: r.Host, Params: p,
			SigErr: testsig.Verify(r, p, testKey), UserAgent: r.UserAgent(), Header: r.Header.Clone(),
			TransferEncoding: r.TransferEncoding,
		})
		respond(n, w)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *server) requests() []seen { return s.reqs.all() }

// recorder keeps what a test server saw, safe for its handlers.
type recorder[T any] struct {
	mu    sync.Mutex
	items []T
}

// add records v and returns how many there are now.
func (r *recorder[T]) add(v T) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.items = append(r.items, v)
	return len(r.items)
}

func (r *recorder[T]) all() []T {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]T(nil), r.items...)
}

// answer writes a JSON body with status 200.
func answer(body string) func(int, http.ResponseWriter) {
	return func(_ int, w http.ResponseWriter) { _, _ = io.WriteString(w, body) }
}

// fastRetries keeps backoff short so that retry tests run in milliseconds.
var fastRetries = common.WithRetryWait(time.Millisecond, 2*time.Millisecond)

// vpcService is the service the tests call.
var vpcService = core.Service{Name: "vpc", Version3: "2017-03-12"}

func newClient(t testing.TB, endpoint string, opts ...common.Option) *core.Client {
	t.Helper()
	c, err := core.New(vpcService, testCred, "ap-guangzhou",
		append([]common.Option{common.WithAPI(common.API2), common.WithEndpoint(endpoint), fastRetries}, opts...)...)
	require.NoError(t, err)
	return c
}

// callInto sends op with API 2.0 parameters in and decodes into out.
func callInto(ctx context.Context, c *core.Client, op core.Operation, in, out any) (core.Envelope, error) {
	return c.Do(ctx, &core.Request{Op: op, Params: in, Result: out})
}

func call(c *core.Client, op core.Operation, in any) (int64, error) {
	var out result
	_, err := callInto(context.Background(), c, op, in, &out)
	return out.TaskID.N, err
}

// closedAddr returns a loopback address that refuses connections.
func closedAddr(t *testing.T) string {
	t.Helper()
	l := httptest.NewServer(http.NotFoundHandler())
	addr := l.Listener.Addr().String()
	l.Close()
	return addr
}

func ids(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("ins-%08d", i)
	}
	return out
}

// tcpServer serves each connection of a loopback listener with handle, in a
// goroutine of its own, and closes it after; it returns the http:// URL.
func tcpServer(t *testing.T, handle func(net.Conn)) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			conn, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				handle(conn)
			}()
		}
	}()
	return "http://" + l.Addr().String()
}
