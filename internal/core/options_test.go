package core_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
)

func TestNewClientRejectsBadInput(t *testing.T) {
	t.Parallel()
	var nilCred *auth.Credential
	tests := []struct {
		name    string
		creds   auth.Provider
		region  string
		opts    []common.Option
		wantErr string
	}{
		{"nil provider", nil, "ap-guangzhou", nil, "credentials: nil credential provider"},
		{"typed nil provider", nilCred, "ap-guangzhou", nil, "credentials: nil credential provider"},
		{"typed nil func provider", (*failingProvider)(nil), "ap-guangzhou", nil, "nil credential provider"},
		{"empty key", auth.NewCredential(testID, ""), "ap-guangzhou", nil, "credentials: SecretKey is empty"},
		{"odd region", testCred, "ap guangzhou", nil, "want lower-case letters"},
		{"long region", testCred, strings.Repeat("a", 33), nil, "region: 33 characters: at most 32"},
		{"signature method", testCred, "gz", []common.Option{common.WithSignatureMethod("MD5")}, "WithSignatureMethod"},
		{"http method", testCred, "gz", []common.Option{common.WithHTTPMethod("PUT")}, `WithHTTPMethod: "PUT"`},
		{"negative retries", testCred, "gz", []common.Option{common.WithMaxRetries(-1)}, "WithMaxRetries: -1"},
		{"huge retries", testCred, "gz", []common.Option{common.WithMaxRetries(1000)}, "WithMaxRetries: 1000"},
		{"retry wait", testCred, "gz", []common.Option{common.WithRetryWait(time.Second, time.Millisecond)}, "WithRetryWait"},
		{"negative timeout", testCred, "gz", []common.Option{common.WithTimeout(-time.Second)}, "WithTimeout"},
		{"endpoint scheme", testCred, "gz", []common.Option{common.WithEndpoint("ftp://x")}, "scheme"},
		{"endpoint host", testCred, "gz", []common.Option{common.WithEndpoint("http://")}, "no host"},
		{"endpoint path", testCred, "gz", []common.Option{common.WithEndpoint("http://h/v2/index.php")}, "only scheme and host"},
		{"endpoint parse", testCred, "gz", []common.Option{common.WithEndpoint("http://[::1")}, "WithEndpoint: cannot parse"},
		{"endpoint user info", testCred, "gz", []common.Option{common.WithEndpoint("http://user:s3cret@proxy:8080")}, "user info"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, err := core.New(vpcService, tt.creds, tt.region, tt.opts...)
			require.Error(t, err)
			assert.Nil(t, c)
			assert.Contains(t, err.Error(), tt.wantErr)
			assert.ErrorIs(t, err, qerrors.ErrInvalidInput)
			assert.NotContains(t, err.Error(), "s3cret")
			assert.NotContains(t, err.Error(), "\n", "one problem, one line")
		})
	}
}

// The user info of an endpoint never shows, not even when it does not parse.
func TestNewClientNeverPrintsEndpointPassword(t *testing.T) {
	t.Parallel()
	for _, endpoint := range []string{"http://user:s3cret@proxy:8080", "http://user:s3cret@[::1", "ftp://user:s3cret@h", "http://user:s3cret@h/path"} {
		_, err := core.New(vpcService, testCred, "gz", common.WithEndpoint(endpoint))
		require.Error(t, err, endpoint)
		assert.NotContains(t, err.Error(), "s3cret", endpoint)
		assert.NotContains(t, fmt.Sprintf("%#v", err), "s3cret", endpoint)
	}
}

// Every problem is reported, each on a line of its own, each a ValidationError.
func TestNewClientListsEveryProblem(t *testing.T) {
	t.Parallel()
	_, err := core.New(vpcService, nil, "AP", common.WithHTTPMethod("PUT"), common.WithMaxRetries(-1))
	require.Error(t, err)
	lines := strings.Split(err.Error(), "\n")
	require.Len(t, lines, 5, err.Error())
	assert.Equal(t, "vpc: invalid client configuration (4 problems):", lines[0])
	assert.Equal(t, "\tcredentials: nil credential provider", lines[1])
	assert.Equal(t, "\tregion: \"AP\": want lower-case letters, digits and '-', like ap-guangzhou", lines[2])
	assert.Equal(t, "\tWithHTTPMethod: \"PUT\": want GET or POST", lines[3])
	assert.Equal(t, "\tWithMaxRetries: -1: want 0 to 20", lines[4])
	var ve *qerrors.ValidationError
	require.True(t, errors.As(err, &ve))
	assert.Equal(t, "credentials", ve.Field)

	// A bad protocol hides neither a bad signature nor invents a problem
	// with an option never given.
	_, err = core.New(vpcService, testCred, "ap-guangzhou", common.WithAPI(7), common.WithSignatureMethod("MD5"))
	require.Error(t, err)
	assert.Equal(t, "vpc: invalid client configuration (2 problems):\n"+
		"\tWithAPI: 7: want common.API3 or common.API2\n"+
		"\tWithSignatureMethod: \"MD5\": want TC3-HMAC-SHA256 (API 3.0), HmacSHA1 or HmacSHA256", err.Error())
}

func TestNewClientOptionsApply(t *testing.T) {
	t.Parallel()
	srv := newServer(t, answer(`{"code":0}`))
	user := &http.Client{Timeout: time.Hour}
	c, err := core.New(vpcService, testCred, "bj", common.WithAPI(common.API2), common.WithEndpoint(srv.URL+"/"), common.WithHTTPClient(user))
	require.NoError(t, err)
	assert.Equal(t, "bj", c.Region())
	_, err = callInto(context.Background(), c, describe, nil, nil)
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

// API 3.0 is the default: the protocol the live service answers, on its
// host, TC3-signed JSON over POST.
func TestNewClientDefaultsToAPI3(t *testing.T) {
	t.Parallel()
	var got *http.Request
	tr := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		got = r
		return nil, errors.New("stop here")
	})
	c, err := core.New(vpcService, testCred, "ap-guangzhou", common.WithHTTPClient(&http.Client{Transport: tr}), common.WithMaxRetries(0))
	require.NoError(t, err)
	assert.Equal(t, common.API3, c.API())
	_, err = c.Do(t.Context(), &core.Request{Op: describe})
	require.Error(t, err)
	require.NotNil(t, got)
	assert.Equal(t, "https://vpc.tencentcloudapi.com/", got.URL.String())
	assert.Equal(t, http.MethodPost, got.Method)
	assert.True(t, strings.HasPrefix(got.Header.Get("Authorization"), "TC3-HMAC-SHA256 "))
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
