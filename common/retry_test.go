package common_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
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
	id, err := call(newClient(t, srv.URL), attach, params{VpcID: "vpc-1", IDs: ids(1)})
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
		name     string
		op       common.Operation
		body     string
		wantReqs int
	}{
		{"4000 is sent once", attach, `{"code":4000,"codeDesc":"InvalidParameter"}`, 1},
		{"business error is sent once", attach, `{"code":4000,"codeDesc":"InstanceAlreadyLinked"}`, 1},
		{"4100 is sent once", describe, `{"code":4100}`, 1},
		{"4400 throttled is retried", attach, `{"code":4400}`, 4},
		{"5100 as a string is retried", describe, `{"code":"5100"}`, 4},
		{"6000 is retried", attach, `{"code":6000}`, 4},
		{"6200 is retried", describe, `{"code":6200}`, 4},
		{"ActionLocked is retried", attach, `{"code":4000,"codeDesc":"ActionLocked"}`, 4},
		{"4500 is retried once for Describe", describe, `{"code":4500}`, 2},
		{"4500 is not retried for Attach", attach, `{"code":4500}`, 1},
		{"HTTP 502 is retried", attach, ``, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t, func(_ int, w http.ResponseWriter) {
				if tt.body == "" {
					w.WriteHeader(http.StatusBadGateway)
					return
				}
				_, _ = io.WriteString(w, tt.body)
			})
			_, err := call(newClient(t, srv.URL), tt.op, params{VpcID: "vpc-1"})
			require.Error(t, err)
			assert.Len(t, srv.requests(), tt.wantReqs)
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
	for _, op := range []common.Operation{attach, describe} {
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
		op          common.Operation
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
	_, err := c.Call(ctx, describe, nil, nil)
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
	c, err := common.NewClient("vpc", p, "ap-guangzhou", common.WithEndpoint(srv.URL), fastRetries)
	require.NoError(t, err)
	_, err = c.Call(context.Background(), describe, nil, nil)
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
	c, err := common.NewClient("vpc", &rotatingProvider{}, "ap-guangzhou", common.WithEndpoint(srv.URL), fastRetries)
	require.NoError(t, err)
	_, err = c.Call(context.Background(), describe, nil, nil)
	require.NoError(t, err)
	reqs := srv.requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, "AKIDold", reqs[0].Params.Get("SecretId"))
	assert.Equal(t, testID, reqs[1].Params.Get("SecretId"))
	assert.NoError(t, reqs[1].SigErr)
}

// net/http re-sends a GET by itself when a reused connection fails after
// the write. For Attach, a refused copy then means the first may have been
// applied; a v2 service refuses the copy's Nonce with 4500.
func TestTransportResendOfNonIdempotentCall(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		op          common.Operation
		copyAnswer  string
		wantErr     bool
		wantUnknown bool
	}{
		{"copy refused", attach, `{"code":4500,"codeDesc":"RequestReplayed"}`, true, true},
		{"copy accepted", attach, `{"code":0,"taskId":5}`, false, false},
		{"idempotent copy refused is a plain error", describe, `{"code":4000}`, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t, func(n int, w http.ResponseWriter) {
				switch n {
				case 1: // warms up a keep-alive connection
					_, _ = io.WriteString(w, `{"code":0}`)
				case 2: // reads the request, then drops the reused connection
					conn, _, err := http.NewResponseController(w).Hijack()
					if err == nil {
						conn.Close()
					}
				default:
					_, _ = io.WriteString(w, tt.copyAnswer)
				}
			})
			c := newClient(t, srv.URL)
			_, err := call(c, describe, nil)
			require.NoError(t, err)
			_, err = call(c, tt.op, nil)
			assert.Equal(t, tt.wantErr, err != nil, "%v", err)
			assert.Equal(t, tt.wantUnknown, errors.Is(err, qerrors.ErrOutcomeUnknown), "%v", err)
			reqs := srv.requests()
			require.Len(t, reqs, 3, "one warm-up, the dropped request and net/http's copy; no SDK retry")
			assert.Equal(t, reqs[1].Params.Get("Nonce"), reqs[2].Params.Get("Nonce"), "the copy is net/http's, not a re-signed retry")
		})
	}
}

// A 200 whose body breaks off: Describe is retried, Attach ends with the
// outcome unknown (the service answered, so it acted).
func TestBodyCutShort(t *testing.T) {
	t.Parallel()
	tests := []struct {
		op          common.Operation
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
