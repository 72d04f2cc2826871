package vpctest_test

import (
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

// envelope is a decoded answer of the fake.
type envelope map[string]any

func (e envelope) code() string { return strings.Trim(string(mustJSON(e["code"])), `"`) }

func (e envelope) desc() string { s, _ := e["codeDesc"].(string); return s }

func mustJSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

// params returns the common parameters of action, unsigned.
func params(action string, extra ...string) url.Values {
	p := url.Values{
		"Action": {action}, "Region": {"ap-guangzhou"},
		"Timestamp":       {strconv.FormatInt(time.Now().Unix(), 10)},
		"Nonce":           {strconv.FormatInt(rand.Int64N(1<<62)+1, 10)},
		"SignatureMethod": {"HmacSHA256"},
	}
	for i := 0; i+1 < len(extra); i += 2 {
		p.Set(extra[i], extra[i+1])
	}
	return p
}

// sign adds SecretId (and Token) of cred and signs p for method and srv.
func sign(srv *vpctest.Server, cred auth.Credential, method string, p url.Values) url.Values {
	p.Set("SecretId", cred.SecretID)
	if cred.Token != "" {
		p.Set("Token", cred.Token)
	}
	host := strings.TrimPrefix(strings.TrimPrefix(srv.URL(), "http://"), "https://")
	p.Set("Signature", auth.Sign(auth.StringToSign(method, host, "/v2/index.php", p), cred.SecretKey,
		auth.SignatureMethod(p.Get("SignatureMethod"))))
	return p
}

// send sends p as method and decodes the envelope.
func send(t *testing.T, srv *vpctest.Server, method string, p url.Values) envelope {
	t.Helper()
	var resp *http.Response
	var err error
	if method == http.MethodPost {
		resp, err = srv.Client().PostForm(srv.URL()+"/v2/index.php", p)
	} else {
		resp, err = srv.Client().Get(srv.URL() + "/v2/index.php?" + p.Encode())
	}
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var e envelope
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&e))
	return e
}

// call signs with the server's credential and sends a GET.
func call(t *testing.T, srv *vpctest.Server, action string, extra ...string) envelope {
	t.Helper()
	return send(t, srv, http.MethodGet, sign(srv, srv.Credential(), http.MethodGet, params(action, extra...)))
}

func newServer(t *testing.T, opts ...vpctest.Option) *vpctest.Server {
	t.Helper()
	srv := vpctest.NewServer(opts...)
	t.Cleanup(srv.Close)
	return srv
}

func client(t *testing.T, srv *vpctest.Server, opts ...common.Option) *vpc.Client {
	t.Helper()
	c, err := vpc.NewClient(srv.Credential(), "ap-guangzhou", append([]common.Option{
		common.WithAPI(common.API2), common.WithEndpoint(srv.URL()), common.WithHTTPClient(srv.Client()),
		common.WithRetryWait(time.Millisecond, 2*time.Millisecond),
	}, opts...)...)
	require.NoError(t, err)
	return c
}

func commonEndpoint(srv *vpctest.Server) common.Option { return common.WithEndpoint(srv.URL()) }
