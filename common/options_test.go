package common_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
)

func TestNewClientRejectsBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		creds   auth.Provider
		region  string
		opts    []common.Option
		wantErr string
	}{
		{"nil provider", nil, "ap-guangzhou", nil, "nil credential provider"},
		{"empty key", auth.NewCredential(testID, ""), "ap-guangzhou", nil, "SecretKey is empty"},
		{"empty region", testCred, "", nil, "region is empty"},
		{"odd region", testCred, "ap guangzhou", nil, "want lower-case letters"},
		{"signature method", testCred, "gz", []common.Option{common.WithSignatureMethod("MD5")}, "signature method"},
		{"http method", testCred, "gz", []common.Option{common.WithHTTPMethod("PUT")}, "HTTP method"},
		{"negative retries", testCred, "gz", []common.Option{common.WithMaxRetries(-1)}, "max retries"},
		{"huge retries", testCred, "gz", []common.Option{common.WithMaxRetries(1000)}, "max retries"},
		{"retry wait", testCred, "gz", []common.Option{common.WithRetryWait(time.Second, time.Millisecond)}, "retry wait"},
		{"negative timeout", testCred, "gz", []common.Option{common.WithTimeout(-time.Second)}, "timeout"},
		{"endpoint scheme", testCred, "gz", []common.Option{common.WithEndpoint("ftp://x")}, "scheme"},
		{"endpoint host", testCred, "gz", []common.Option{common.WithEndpoint("http://")}, "no host"},
		{"endpoint path", testCred, "gz", []common.Option{common.WithEndpoint("http://h/v2/index.php")}, "only scheme and host"},
		{"endpoint parse", testCred, "gz", []common.Option{common.WithEndpoint("http://[::1")}, "endpoint"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, err := common.NewClient("vpc", tt.creds, tt.region, tt.opts...)
			require.Error(t, err)
			assert.Nil(t, c)
			assert.Contains(t, err.Error(), tt.wantErr)
		})
	}
}

func TestNewClientOptionsApply(t *testing.T) {
	t.Parallel()
	srv := newServer(t, answer(`{"code":0}`))
	user := &http.Client{Timeout: time.Hour}
	c, err := common.NewClient("vpc", testCred, "bj", common.WithEndpoint(srv.URL+"/"), common.WithHTTPClient(user))
	require.NoError(t, err)
	assert.Equal(t, "bj", c.Region())
	_, err = c.Call(context.Background(), describe, nil, nil)
	require.NoError(t, err)
	assert.Nil(t, user.Transport, "the caller's client is not mutated")
	assert.Equal(t, time.Hour, user.Timeout)
	assert.Nil(t, user.CheckRedirect)
	reqs := srv.requests()
	require.Len(t, reqs, 1)
	assert.Equal(t, "HmacSHA256", reqs[0].Params.Get("SignatureMethod"), "the default method")
	assert.Equal(t, http.MethodGet, reqs[0].Method, "the default HTTP method")
	assert.Equal(t, "bj", reqs[0].Params.Get("Region"))
}
