package core_test

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
)

func TestDecodeSuccess(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		want       int64
		wantDesc   string
	}{
		{"numbers", `{"code":0,"message":"","codeDesc":"Success","taskId":135254}`, 135254, "Success"},
		{"strings", `{"code":"0","taskId":"135254"}`, 135254, ""},
		{"unknown fields are ignored", `{"code":0,"taskId":1,"requestId":"x","extra":{"a":[1]}}`, 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t, answer(tt.body))
			var out result
			env, err := callInto(t.Context(), newClient(t, srv.URL), attach, nil, &out)
			require.NoError(t, err)
			assert.Equal(t, tt.want, out.TaskID.N)
			assert.Equal(t, tt.wantDesc, env.CodeDesc)
		})
	}
}

func TestDecodeFailures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		status    int
		body      string
		wantIs    error
		wantInMsg string
	}{
		{"HTML page with 200", 200, "<html><body>Welcome to nginx</body></html>", qerrors.ErrMalformedResponse, "not a JSON object"},
		{"empty body", 200, "", qerrors.ErrMalformedResponse, "not a JSON object"},
		{"truncated body", 200, `{"code":0,"taskId":13`, qerrors.ErrMalformedResponse, "not a JSON object"},
		{"no code", 200, `{"message":"","taskId":1}`, qerrors.ErrMalformedResponse, "no code"},
		{"null", 200, `null`, qerrors.ErrMalformedResponse, "no code"},
		{"code not numeric", 200, `{"code":"zero"}`, qerrors.ErrMalformedResponse, "not a JSON object"},
		{"bad result field", 200, `{"code":0,"taskId":"soon"}`, qerrors.ErrMalformedResponse, "result fields"},
		{"502", 502, "<html>Bad Gateway</html>", qerrors.ErrInternal, "HTTP 502 Bad Gateway: <html>Bad Gateway</html>"},
		{"404", 404, "no such path", nil, "HTTP 404 Not Found"},
	}
	for _, op := range []core.Operation{attach, describe} {
		for _, tt := range tests {
			t.Run(op.Action+"/"+tt.name, func(t *testing.T) {
				t.Parallel()
				srv := newServer(t, func(_ int, w http.ResponseWriter) {
					w.WriteHeader(tt.status)
					_, _ = io.WriteString(w, tt.body)
				})
				var out result
				_, err := callInto(t.Context(), newClient(t, srv.URL, common.WithMaxRetries(0)), op, nil, &out)
				require.Error(t, err)
				if tt.wantIs != nil {
					assert.ErrorIs(t, err, tt.wantIs)
				}
				// The service (or a gateway in front of it) got Attach, and
				// no valid answer says what it did.
				assert.Equal(t, !op.Idempotent, errors.Is(err, qerrors.ErrOutcomeUnknown), "%v", err)
				assert.Contains(t, err.Error(), tt.wantInMsg)
				assert.True(t, strings.HasPrefix(err.Error(), "vpc "+op.Action), err.Error())
				assert.Zero(t, out.TaskID)
			})
		}
	}
}

func TestDecodeAPIError(t *testing.T) {
	t.Parallel()
	for _, body := range []string{
		`{"code":4000,"message":"(9001)the CVM is already linked","codeDesc":"InstanceAlreadyLinked"}`,
		`{"code":"4000","message":"(9001)the CVM is already linked","codeDesc":"InstanceAlreadyLinked"}`,
	} {
		srv := newServer(t, answer(body))
		_, err := call(newClient(t, srv.URL), attach, nil)
		var apiErr *qerrors.APIError
		require.True(t, errors.As(err, &apiErr), "%v", err)
		assert.Equal(t, qerrors.APIError{Service: "vpc", Action: "AttachClassicLinkVpc", Code: 4000,
			CodeDesc: "InstanceAlreadyLinked", Message: "(9001)the CVM is already linked"}, *apiErr)
		assert.ErrorIs(t, err, qerrors.ErrInstanceAlreadyLinked)
		assert.ErrorIs(t, err, qerrors.ErrInvalidParameter)
	}
}

func TestDecodeBodyLimit(t *testing.T) {
	t.Parallel()
	big := `{"code":0,"pad":"` + strings.Repeat("x", 8<<20) + `"}`
	for _, op := range []core.Operation{attach, describe} {
		srv := newServer(t, answer(big))
		_, err := call(newClient(t, srv.URL), op, nil)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "larger than 8388608 bytes")
		assert.ErrorIs(t, err, qerrors.ErrMalformedResponse)
		assert.Equal(t, !op.Idempotent, errors.Is(err, qerrors.ErrOutcomeUnknown), "%v", err)
		assert.Len(t, srv.requests(), 1, "an oversized body is not retried")
	}
}

// Answers are read into pooled buffers: what a call returns (its result,
// its envelope, an error quoting the body) stays its own while later calls
// reuse the buffer, concurrently too.
func TestAnswersOutliveTheirBuffer(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.URL.Query().Get("vpcId")
		if n, ok := strings.CutPrefix(id, "bad-"); ok {
			w.WriteHeader(http.StatusBadRequest)
			_, _ = fmt.Fprintf(w, "no such vpc %s%s", n, strings.Repeat(".", 150)) // a buffer the later answers fit in
			return
		}
		_, _ = fmt.Fprintf(w, `{"code":0,"message":"m%[1]s","codeDesc":"Success","taskId":%[1]s}`, strings.TrimPrefix(id, "vpc-"))
	}))
	t.Cleanup(srv.Close)
	c := newClient(t, srv.URL)

	_, failed := call(c, describe, params{VpcID: "bad-1234567"}.form())
	require.Error(t, failed)
	want := failed.Error()
	require.Contains(t, want, "no such vpc 1234567")
	var status *qerrors.StatusError
	require.ErrorAs(t, failed, &status)
	wantBody := strings.Clone(status.Body)

	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 50 {
				n := int64(1 + g*1000 + i)
				var out result
				env, err := callInto(t.Context(), c, describe, params{VpcID: fmt.Sprintf("vpc-%d", n)}.form(), &out)
				if assert.NoError(t, err) {
					assert.Equal(t, n, out.TaskID.N)
					assert.Equal(t, fmt.Sprintf("m%d", n), env.Message)
				}
			}
		})
	}
	wg.Wait()
	assert.Equal(t, want, failed.Error(), "the error quotes its own copy of the body")
	assert.Equal(t, wantBody, status.Body)
}
