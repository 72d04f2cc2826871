package core_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
)

// observed collects what an Observer is told.
type observed struct {
	mu       sync.Mutex
	attempts []common.Attempt
}

func (o *observed) observe(_ context.Context, a common.Attempt) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.attempts = append(o.attempts, a)
}

func (o *observed) all() []common.Attempt {
	o.mu.Lock()
	defer o.mu.Unlock()
	return append([]common.Attempt(nil), o.attempts...)
}

// The Observer sees every attempt: its number, outcome, status, code and
// RequestId, and whether a retry follows.
func TestObserverSeesEveryAttempt(t *testing.T) {
	t.Parallel()
	srv := newServer(t, func(n int, w http.ResponseWriter) {
		switch n {
		case 1:
			_, _ = io.WriteString(w, `{"Response":{"Error":{"Code":"RequestLimitExceeded","Message":"slow down"},"RequestId":"req-1"}}`)
		case 2:
			w.WriteHeader(http.StatusServiceUnavailable)
		default:
			_, _ = io.WriteString(w, `{"Response":{"RequestId":"req-3"}}`)
		}
	})
	var obs observed
	c := newClient(t, srv.URL, common.WithAPI(common.API3), common.WithObserver(obs.observe))
	_, err := c.Do(t.Context(), &core.Request{Op: describe})
	require.NoError(t, err)
	got := obs.all()
	require.Len(t, got, 3)
	for i, a := range got {
		assert.Equal(t, "vpc", a.Service)
		assert.Equal(t, "DescribeVpcClassicLink", a.Action)
		assert.Equal(t, i+1, a.Number)
		assert.Positive(t, a.Duration)
	}
	assert.Equal(t, common.Attempt{Service: "vpc", Action: "DescribeVpcClassicLink", Number: 1, Duration: got[0].Duration,
		StatusCode: 200, RequestID: "req-1", Outcome: common.OutcomeAPIError, ErrorCode: "RequestLimitExceeded", Retry: true}, got[0])
	assert.Equal(t, common.Attempt{Service: "vpc", Action: "DescribeVpcClassicLink", Number: 2, Duration: got[1].Duration,
		StatusCode: 503, Outcome: common.OutcomeHTTPError, Retry: true}, got[1])
	assert.Equal(t, common.Attempt{Service: "vpc", Action: "DescribeVpcClassicLink", Number: 3, Duration: got[2].Duration,
		StatusCode: 200, RequestID: "req-3", Outcome: common.OutcomeSuccess}, got[2])

	// No answer at all, and the last attempt says no retry follows.
	var dead observed
	c = newClient(t, "http://"+closedAddr(t), common.WithObserver(dead.observe), common.WithMaxRetries(1))
	_, err = c.Do(t.Context(), &core.Request{Op: describe})
	require.Error(t, err)
	got = dead.all()
	require.Len(t, got, 2)
	assert.Equal(t, common.OutcomeTransport, got[0].Outcome)
	assert.True(t, got[0].Retry)
	assert.False(t, got[1].Retry)
}

// Per-call options change one call, not the client.
func TestCallOptions(t *testing.T) {
	t.Parallel()
	busy := func(_ int, w http.ResponseWriter) { w.WriteHeader(http.StatusServiceUnavailable) }
	for _, tt := range []struct {
		name string
		opts []common.CallOption
		want int
	}{
		{"the client's 3 retries", nil, 4},
		{"none for this call", []common.CallOption{common.WithCallRetries(0)}, 1},
		{"more for this call", []common.CallOption{common.WithCallRetries(5)}, 6},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t, busy)
			c := newClient(t, srv.URL)
			_, err := c.Do(t.Context(), &core.Request{Op: describe, Options: tt.opts})
			require.Error(t, err)
			assert.Len(t, srv.requests(), tt.want)
		})
	}

	srv := newServer(t, busy)
	c := newClient(t, srv.URL)
	for _, bad := range []common.CallOption{common.WithCallRetries(21), common.WithCallRetries(-1), common.WithCallTimeout(-time.Second)} {
		_, err := c.Do(t.Context(), &core.Request{Op: describe, Options: []common.CallOption{bad}})
		assert.ErrorIs(t, err, qerrors.ErrInvalidInput)
	}
	assert.Empty(t, srv.requests(), "refused before sending")

	slow := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) { <-r.Context().Done() }))
	t.Cleanup(slow.Close)
	c = newClient(t, slow.URL)
	start := time.Now()
	_, err := c.Do(t.Context(), &core.Request{Op: describe, Options: []common.CallOption{common.WithCallTimeout(100 * time.Millisecond)}})
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), time.Second, "the call's timeout, not the server's delay")
}

// Every failure of a sent call is a *errors.CallError with its attempts and
// the last RequestId.
func TestCallErrorCarriesAttemptsAndRequestID(t *testing.T) {
	t.Parallel()
	srv := newServer(t, func(n int, w http.ResponseWriter) {
		_, _ = fmt.Fprintf(w, `{"Response":{"Error":{"Code":"RequestLimitExceeded","Message":"slow"},"RequestId":"req-%d"}}`, n)
	})
	c := newClient(t, srv.URL, common.WithAPI(common.API3))
	_, err := c.Do(t.Context(), &core.Request{Op: describe})
	var ce *qerrors.CallError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, qerrors.CallError{Service: "vpc", Action: "DescribeVpcClassicLink", Attempts: 4, RequestID: "req-4", Err: ce.Err}, *ce)
	assert.Equal(t, 1, strings.Count(err.Error(), "req-4"), err.Error())
	assert.ErrorIs(t, err, qerrors.ErrQuotaExceeded)

	dead := newClient(t, "http://"+closedAddr(t), common.WithMaxRetries(2))
	_, err = dead.Do(t.Context(), &core.Request{Op: describe})
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, 3, ce.Attempts)
	assert.Contains(t, err.Error(), "vpc DescribeVpcClassicLink: ")
	assert.Contains(t, err.Error(), "(after 3 attempts)")
}
