package core_test

import (
	"bytes"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
	"github.com/qcloudkit/qcloud-sdk-go/internal/testsig"
)

// inspecting is a RoundTripper that wraps the client's transport, as a
// recorder or a tracing transport does, and looks at each request the way
// such code does: through http.Header's methods.
type inspecting struct {
	t    *testing.T
	next http.RoundTripper
	seen int
}

func (i *inspecting) RoundTrip(req *http.Request) (*http.Response, error) {
	i.seen++
	for key := range req.Header {
		assert.Equal(i.t, http.CanonicalHeaderKey(key), key, "a header key Header.Get cannot find")
	}
	for _, key := range []string{"X-TC-Action", "X-TC-Timestamp", "X-TC-Version", "X-TC-Region", "X-TC-Token", "Authorization"} {
		assert.NotEmpty(i.t, req.Header.Get(key), key)
	}
	var body []byte
	if req.Body != nil {
		var err error
		body, err = io.ReadAll(req.Body)
		require.NoError(i.t, err)
		req.Body = io.NopCloser(bytes.NewReader(body))
	}
	id, err := testsig.VerifyTC3(req, body, testKey, "vpc")
	assert.NoError(i.t, err, "the request as a transport sees it verifies")
	assert.Equal(i.t, testID, id)
	return i.next.RoundTrip(req)
}

// Every request handed to a transport is a well-formed http.Request: a
// RoundTripper around the client's reads its headers with Header.Get and
// can verify its signature.
func TestTransportSeesCanonicalRequests(t *testing.T) {
	t.Parallel()
	for _, method := range []string{http.MethodPost, http.MethodGet} {
		t.Run(method, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t, answer(`{"Response":{"RequestId":"r-1"}}`))
			tr := &inspecting{t: t, next: http.DefaultTransport}
			c, err := core.New(vpcService, auth.NewTokenCredential(testID, testKey, testToken), "ap-guangzhou",
				common.WithAPI(common.API3), common.WithHTTPMethod(method), common.WithEndpoint(srv.URL),
				common.WithHTTPClient(&http.Client{Transport: tr}))
			require.NoError(t, err)
			_, err = c.Do(t.Context(), &core.Request{Op: describe, Params: struct{ VpcId string }{"vpc-1"}})
			require.NoError(t, err)
			assert.Equal(t, 1, tr.seen)
		})
	}
}
