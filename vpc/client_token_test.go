package vpc_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
)

// An action that takes a ClientToken gets one per call, the same on every
// retry, and is then retried like a read-only one (here after an HTTP 502,
// which ends a call that is not idempotent); a token the caller gives is
// kept, and the caller's input is not changed.
func TestClientTokenMakesARetrySafe(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var tokens []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body struct{ ClientToken string }
		b, _ := io.ReadAll(r.Body)
		_ = json.Unmarshal(b, &body)
		mu.Lock()
		tokens = append(tokens, body.ClientToken)
		n := len(tokens)
		mu.Unlock()
		if n%2 == 1 {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		_, _ = io.WriteString(w, `{"Response":{"AddressSet":["eip-1"],"TaskId":"7","RequestId":"r-1"}}`)
	}))
	t.Cleanup(srv.Close)
	c, err := vpc.NewClient(auth.NewCredential("AKIDx", "key"), "ap-guangzhou", common.WithEndpoint(srv.URL),
		common.WithRetryWait(time.Millisecond, 2*time.Millisecond))
	require.NoError(t, err)

	in := &vpc.AllocateAddressesInput{}
	out, err := c.AllocateAddresses(t.Context(), in)
	require.NoError(t, err)
	assert.Equal(t, []string{"eip-1"}, out.AddressSet)
	_, set := in.ClientToken.Get()
	assert.False(t, set, "the caller's input is not changed")
	_, err = c.AllocateAddresses(t.Context(), &vpc.AllocateAddressesInput{ClientToken: common.Some("mine-1")})
	require.NoError(t, err)

	require.Len(t, tokens, 4)
	assert.NotEmpty(t, tokens[0])
	assert.Equal(t, tokens[0], tokens[1], "the same token on the retry")
	assert.Equal(t, []string{"mine-1", "mine-1"}, tokens[2:])
}
