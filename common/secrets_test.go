package common_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
)

// syncBuffer is a bytes.Buffer safe for the concurrent writes of a logger.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestNoSecretsInErrorsOrLogs(t *testing.T) {
	t.Parallel()
	cred := auth.NewTokenCredential(testID, testKey, testToken)
	// A 500 whose body quotes the request, as some proxies do.
	echo := newServer(t, func(_ int, w http.ResponseWriter) {
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintf(w, "error for /v2/index.php?SecretId=%s&Token=%s&Signature=abc%%3D", testID, testToken)
	})
	tests := []struct{ name, endpoint string }{
		{"refused connection", "http://" + closedAddr(t)},
		{"HTTP 500", echo.URL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var logs syncBuffer
			logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
			c, err := common.NewClient("vpc", cred, "ap-guangzhou",
				common.WithEndpoint(tt.endpoint), common.WithLogger(logger), fastRetries)
			require.NoError(t, err)
			var out result
			_, err = c.Call(t.Context(), attach, params{VpcID: "vpc-1", IDs: ids(2)}, &out)
			require.Error(t, err)

			outputs := []string{
				err.Error(), fmt.Sprintf("%v", err), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err),
				fmt.Sprintf("%#v %+v", c, c), logs.String(),
			}
			for _, out := range outputs {
				for _, secret := range []string{testID, testKey, testToken, "Signature=abc", "abc%3D"} {
					assert.NotContains(t, out, secret)
				}
			}
			assert.Contains(t, logs.String(), "action=AttachClassicLinkVpc", "the debug log does say something")
			assert.Equal(t, 4, strings.Count(logs.String(), "qcloud retryable failure"), "one line per retryable failure, the last included")
			assert.Equal(t, 4, strings.Count(logs.String(), "msg=\"qcloud request\""), "one line per attempt")
		})
	}
}
