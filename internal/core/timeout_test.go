package core_test

import (
	"context"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/common"
)

// hanging answers after release is closed; with headerFirst it sends the
// status and the first bytes of the body at once, then stalls.
func hanging(t *testing.T, headerFirst bool) *server {
	release := make(chan struct{})
	srv := newServer(t, func(_ int, w http.ResponseWriter) {
		if headerFirst {
			w.Header().Set("Content-Length", "100")
			w.WriteHeader(http.StatusOK)
			_, _ = io.WriteString(w, `{"code":0,`)
			w.(http.Flusher).Flush()
		}
		<-release
	})
	t.Cleanup(func() { close(release) }) // runs before srv.Close, which waits for the handlers
	return srv
}

// The per-attempt timeout comes from WithTimeout, else from the Timeout of
// the caller's http.Client; it bounds reading the body too.
func TestAttemptTimeout(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		opts        []common.Option
		headerFirst bool
		want        time.Duration
	}{
		{"caller's http.Client.Timeout is honoured", []common.Option{common.WithHTTPClient(&http.Client{Timeout: 50 * time.Millisecond})}, false, 50 * time.Millisecond},
		{"WithTimeout", []common.Option{common.WithTimeout(60 * time.Millisecond)}, false, 60 * time.Millisecond},
		{"the smaller of both", []common.Option{common.WithTimeout(time.Hour), common.WithHTTPClient(&http.Client{Timeout: 70 * time.Millisecond})}, false, 70 * time.Millisecond},
		{"covers reading the body", []common.Option{common.WithTimeout(80 * time.Millisecond)}, true, 80 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := hanging(t, tt.headerFirst)
			c := newClient(t, srv.URL, append(tt.opts, common.WithMaxRetries(0))...)
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			_, err := call(c, describe, nil)
			require.Error(t, err)
			assert.NoError(t, ctx.Err(), "ended by the attempt's timeout, not by the test's")
			assert.Contains(t, err.Error(), "attempt timed out after "+tt.want.String())
			assert.ErrorIs(t, err, context.DeadlineExceeded)
		})
	}
}
