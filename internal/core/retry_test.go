package core_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
)

func TestRetry503ThenSuccessResigns(t *testing.T) {
	t.Parallel()
	srv := newServer(t, func(n int, w http.ResponseWriter) {
		if n == 1 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		_, _ = io.WriteString(w, `{"code":0,"taskId":7}`)
	})
	id, err := call(newClient(t, srv.URL), attach, params{VpcID: "vpc-1", IDs: ids(1)}.form())
	require.NoError(t, err)
	assert.Equal(t, int64(7), id)
	reqs := srv.requests()
	require.Len(t, reqs, 2)
	assert.NotEqual(t, reqs[0].Params.Get("Nonce"), reqs[1].Params.Get("Nonce"))
	assert.NotEqual(t, reqs[0].Params.Get("Signature"), reqs[1].Params.Get("Signature"))
	assert.NoError(t, reqs[1].SigErr)
}

func TestRetryByCode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		op          core.Operation
		status      int // 0: 200 with body
		body        string
		wantReqs    int
		wantUnknown bool
	}{
		{"4000 is sent once", attach, 0, `{"code":4000,"codeDesc":"InvalidParameter"}`, 1, false},
		{"business error is sent once", attach, 0, `{"code":4000,"codeDesc":"InstanceAlreadyLinked"}`, 1, false},
		{"4100 is sent once", describe, 0, `{"code":4100}`, 1, false},
		{"4400 throttled is retried", attach, 0, `{"code":4400}`, 4, false},
		{"4200 expired is retried, re-signed", attach, 0, `{"code":4200}`, 4, false},
		{"5100 as a string is retried", describe, 0, `{"code":"5100"}`, 4, false},
		{"5100 busy is retried for Attach", attach, 0, `{"code":5100}`, 4, false},
		{"6000 is retried for Describe", describe, 0, `{"code":6000}`, 4, false},
		{"6000 is not retried for Attach: it may have acted", attach, 0, `{"code":6000}`, 1, true},
		{"6200 is retried", describe, 0, `{"code":6200}`, 4, false},
		{"ActionLocked is retried", attach, 0, `{"code":4000,"codeDesc":"ActionLocked"}`, 4, false},
		{"ServiceUnavailable is retried", attach, 0, `{"code":4000,"codeDesc":"ServiceUnavailable"}`, 4, false},
		{"4500 is retried once for Describe", describe, 0, `{"code":4500}`, 2, false},
		{"4500 is not retried for Attach", attach, 0, `{"code":4500}`, 1, false},
		{"HTTP 502 is retried for Describe", describe, 502, ``, 4, false},
		{"HTTP 501 is not retried", describe, 501, ``, 1, false},
		{"HTTP 502 is not retried for Attach: a gateway may have forwarded it", attach, 502, ``, 1, true},
		{"HTTP 504 is not retried for Attach", attach, 504, ``, 1, true},
		{"HTTP 500 is not retried for Attach", attach, 500, ``, 1, true},
		{"HTTP 404 ends Attach with the outcome unknown", attach, 404, ``, 1, true},
		{"HTTP 503 is retried for Attach: not done", attach, 503, ``, 4, false},
		{"HTTP 429 is retried for Attach: not done", attach, 429, ``, 4, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t, func(_ int, w http.ResponseWriter) {
				if tt.status != 0 {
					w.WriteHeader(tt.status)
					return
				}
				_, _ = io.WriteString(w, tt.body)
			})
			_, err := call(newClient(t, srv.URL), tt.op, params{VpcID: "vpc-1"}.form())
			require.Error(t, err)
			assert.Len(t, srv.requests(), tt.wantReqs)
			assert.Equal(t, tt.wantUnknown, errors.Is(err, qerrors.ErrOutcomeUnknown), "%v", err)
		})
	}
}

func TestRetryDisabled(t *testing.T) {
	t.Parallel()
	srv := newServer(t, answer(`{"code":6000}`))
	_, err := call(newClient(t, srv.URL, common.WithMaxRetries(0)), describe, nil)
	assert.ErrorIs(t, err, qerrors.ErrInternal)
	assert.Len(t, srv.requests(), 1)
}

// refusingFirstDial returns a transport whose first dial goes to a closed
// port (a real "connection refused") and later dials to the server.
func refusingFirstDial(t *testing.T) (*http.Transport, *atomic.Int32) {
	dead := closedAddr(t)
	var dials atomic.Int32
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		if dials.Add(1) == 1 {
			addr = dead
		}
		return (&net.Dialer{}).DialContext(ctx, network, addr)
	}
	t.Cleanup(tr.CloseIdleConnections)
	return tr, &dials
}

func TestRetryRefusedConnection(t *testing.T) {
	t.Parallel()
	for _, op := range []core.Operation{attach, describe} {
		t.Run(op.Action, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t, answer(`{"code":0,"taskId":9}`))
			tr, dials := refusingFirstDial(t)
			id, err := call(newClient(t, srv.URL, common.WithHTTPClient(&http.Client{Transport: tr})), op, nil)
			require.NoError(t, err, "a request that never left is safe to repeat, even for Attach")
			assert.Equal(t, int64(9), id)
			assert.Equal(t, int32(2), dials.Load())
			assert.Len(t, srv.requests(), 1)
		})
	}
}

// A request that was written but whose answer never came is repeated only
// when the action is idempotent.
func TestRetryTimeoutAfterWrite(t *testing.T) {
	t.Parallel()
	tests := []struct {
		op          core.Operation
		wantReqs    int
		wantUnknown bool
	}{
		{attach, 1, true},
		{describe, 4, false},
	}
	for _, tt := range tests {
		t.Run(tt.op.Action, func(t *testing.T) {
			t.Parallel()
			release := make(chan struct{})
			srv := newServer(t, func(int, http.ResponseWriter) { <-release })
			t.Cleanup(func() { close(release) })
			c := newClient(t, srv.URL, common.WithTimeout(250*time.Millisecond))
			_, err := call(c, tt.op, nil)
			require.Error(t, err)
			assert.Equal(t, tt.wantUnknown, errors.Is(err, qerrors.ErrOutcomeUnknown), "%v", err)
			assert.Len(t, srv.requests(), tt.wantReqs)
		})
	}
}

func TestRetryStopsWhenContextEndsDuringBackoff(t *testing.T) {
	t.Parallel()
	srv := newServer(t, answer(`{"code":6000}`))
	c := newClient(t, srv.URL, common.WithRetryWait(time.Minute, time.Minute))
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := callInto(ctx, c, describe, nil, nil)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), 30*time.Second, "must not wait out the one-minute backoff")
	assert.Len(t, srv.requests(), 1)
}

func TestRetryAfterHeaderIsHonoured(t *testing.T) {
	t.Parallel()
	srv := newServer(t, func(n int, w http.ResponseWriter) {
		if n == 1 {
			w.Header().Set("Retry-After", "3600")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		_, _ = io.WriteString(w, `{"code":0}`)
	})
	// The hour is clamped to the 2 ms cap of fastRetries.
	_, err := call(newClient(t, srv.URL), describe, nil)
	require.NoError(t, err)
	assert.Len(t, srv.requests(), 2)
}

type failingProvider struct{ calls atomic.Int32 }

func (p *failingProvider) Retrieve(context.Context) (auth.Credential, error) {
	p.calls.Add(1)
	return auth.Credential{}, auth.ErrNoCredentials
}

func TestProviderErrorIsNotRetried(t *testing.T) {
	t.Parallel()
	srv := newServer(t, answer(`{"code":0}`))
	p := &failingProvider{}
	c, err := core.New(vpcService, p, "ap-guangzhou", common.WithAPI(common.API2), common.WithEndpoint(srv.URL), fastRetries)
	require.NoError(t, err)
	_, err = callInto(context.Background(), c, describe, nil, nil)
	assert.ErrorIs(t, err, auth.ErrNoCredentials)
	assert.Equal(t, int32(1), p.calls.Load())
	assert.Empty(t, srv.requests())
}

type rotatingProvider struct{ n atomic.Int32 }

func (p *rotatingProvider) Retrieve(context.Context) (auth.Credential, error) {
	if p.n.Add(1) == 1 {
		return auth.NewCredential("AKIDold", "oldkey"), nil
	}
	return testCred, nil
}

// Credentials are fetched for every attempt, so a rotated key is used by the retry.
func TestProviderIsAskedEveryAttempt(t *testing.T) {
	t.Parallel()
	srv := newServer(t, func(n int, w http.ResponseWriter) {
		if n == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		_, _ = io.WriteString(w, `{"code":0}`)
	})
	c, err := core.New(vpcService, &rotatingProvider{}, "ap-guangzhou", common.WithAPI(common.API2), common.WithEndpoint(srv.URL), fastRetries)
	require.NoError(t, err)
	_, err = callInto(context.Background(), c, describe, nil, nil)
	require.NoError(t, err)
	reqs := srv.requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, "AKIDold", reqs[0].Params.Get("SecretId"))
	assert.Equal(t, testID, reqs[1].Params.Get("SecretId"))
	assert.NoError(t, reqs[1].SigErr)
}

// net/http re-sends a GET by itself when a reused connection fails after
// the write. For Attach that would be a second effect (under TC3 nothing
// tells the copy apart), so its requests are not replayable for net/http:
// the dropped request is reported as an unknown outcome and never sent
// again. Describe's copy is harmless and lets the call succeed.
func TestTransportDoesNotResendNonIdempotentCall(t *testing.T) {
	t.Parallel()
	tests := []struct {
		op          core.Operation
		method      string
		wantReqs    int
		wantUnknown bool
	}{
		{attach, http.MethodGet, 2, true},
		{attach, http.MethodPost, 2, true},
		{describe, http.MethodGet, 3, false},
	}
	for _, tt := range tests {
		t.Run(tt.op.Action+"/"+tt.method, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t, func(n int, w http.ResponseWriter) {
				if n == 2 { // reads the request, then drops the reused connection
					conn, _, err := http.NewResponseController(w).Hijack()
					if err == nil {
						conn.Close()
					}
					return
				}
				_, _ = io.WriteString(w, `{"code":0,"taskId":5}`)
			})
			c := newClient(t, srv.URL, common.WithHTTPMethod(tt.method))
			_, err := call(c, describe, nil) // warms up a keep-alive connection
			require.NoError(t, err)
			_, err = call(c, tt.op, nil)
			assert.Equal(t, tt.wantUnknown, err != nil, "%v", err)
			assert.Equal(t, tt.wantUnknown, errors.Is(err, qerrors.ErrOutcomeUnknown), "%v", err)
			reqs := srv.requests()
			require.Len(t, reqs, tt.wantReqs)
			for _, r := range reqs {
				assert.Empty(t, r.TransferEncoding, "no chunked body")
				if r.Method == http.MethodGet {
					assert.Empty(t, r.Header.Get("Content-Length"))
				}
			}
		})
	}
}

// A 200 whose body breaks off: Describe is retried, Attach ends with the
// outcome unknown (the service answered, so it acted).
func TestBodyCutShort(t *testing.T) {
	t.Parallel()
	tests := []struct {
		op          core.Operation
		wantReqs    int
		wantUnknown bool
	}{
		{describe, 2, false},
		{attach, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.op.Action, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t, func(n int, w http.ResponseWriter) {
				if n > 1 {
					_, _ = io.WriteString(w, `{"code":0,"taskId":3}`)
					return
				}
				w.Header().Set("Content-Length", "100")
				w.WriteHeader(http.StatusOK)
				_, _ = io.WriteString(w, `{"code":0,`)
				w.(http.Flusher).Flush()
				if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
					conn.Close()
				}
			})
			id, err := call(newClient(t, srv.URL), tt.op, nil)
			assert.Len(t, srv.requests(), tt.wantReqs)
			if tt.wantUnknown {
				assert.ErrorIs(t, err, qerrors.ErrOutcomeUnknown)
				assert.NotErrorIs(t, err, qerrors.ErrMalformedResponse)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, int64(3), id)
		})
	}
}

func TestRetriedAnswersKeepTheirConnection(t *testing.T) {
	t.Parallel()
	// Two failed answers with bodies, then a success: the bodies are read
	// before each retry, so every attempt goes over the first connection.
	srv := newServer(t, func(n int, w http.ResponseWriter) {
		if n < 3 {
			http.Error(w, strings.Repeat("busy ", 200), http.StatusServiceUnavailable)
			return
		}
		_, _ = io.WriteString(w, `{"code":0}`)
	})
	var conns atomic.Int32
	var d net.Dialer
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		conns.Add(1)
		return d.DialContext(ctx, network, addr)
	}
	hc := &http.Client{Transport: &http.Transport{DialContext: dial}}
	_, err := call(newClient(t, srv.URL, common.WithHTTPClient(hc)), describe, nil)
	require.NoError(t, err)
	assert.Len(t, srv.requests(), 3)
	assert.Equal(t, int32(1), conns.Load(), "connections opened")
}
