package core_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
	"github.com/qcloudkit/qcloud-sdk-go/internal/wire"
)

func TestCallWire(t *testing.T) {
	t.Parallel()
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		for _, sig := range []auth.SignatureMethod{auth.HmacSHA1, auth.HmacSHA256} {
			// The last token needs escaping: the query is then an escaped copy
			// of the pairs signed, not the same bytes.
			for _, token := range []string{"", testToken, "tok/en+0003=a&c%41"} {
				t.Run(fmt.Sprintf("%s/%s/token=%q", method, sig, token), func(t *testing.T) {
					t.Parallel()
					srv := newServer(t, answer(`{"code":0,"message":"","codeDesc":"Success","taskId":135254}`))
					c, err := core.New(vpcService, auth.NewTokenCredential(testID, testKey, token), "ap-guangzhou",
						common.WithAPI(common.API2), common.WithEndpoint(srv.URL), common.WithSignatureMethod(sig), common.WithHTTPMethod(method))
					require.NoError(t, err)

					id, err := call(c, attach, params{VpcID: "vpc-2ari9m7h", IDs: ids(12)}.form())
					require.NoError(t, err)
					assert.Equal(t, int64(135254), id)

					reqs := srv.requests()
					require.Len(t, reqs, 1)
					r := reqs[0]
					assert.Equal(t, method, r.Method)
					assert.Equal(t, "/v2/index.php", r.Path)
					assert.NoError(t, r.SigErr)
					assert.True(t, strings.HasPrefix(r.UserAgent, "qcloud-sdk-go/"), r.UserAgent)
					p := r.Params
					assert.Equal(t, "AttachClassicLinkVpc", p.Get("Action"))
					assert.Equal(t, "ap-guangzhou", p.Get("Region"))
					assert.Equal(t, testID, p.Get("SecretId"))
					assert.Equal(t, string(sig), p.Get("SignatureMethod"))
					assert.Regexp(t, `^[1-9][0-9]{9}$`, p.Get("Timestamp"))
					assert.Regexp(t, `^[1-9][0-9]*$`, p.Get("Nonce"))
					assert.NotEmpty(t, p.Get("Signature"))
					assert.Equal(t, "vpc-2ari9m7h", p.Get("vpcId"))
					for i := range 12 {
						assert.Equal(t, fmt.Sprintf("ins-%08d", i), p.Get(fmt.Sprintf("instanceIds.%d", i)))
					}
					assert.Empty(t, p.Get("instanceIds.12"))
					if token == "" {
						assert.NotContains(t, p, "Token", "an empty token is neither sent nor signed")
					} else {
						assert.Equal(t, token, p.Get("Token"))
					}
					// Action, Region, Timestamp, Nonce, SecretId, SignatureMethod,
					// Signature (and Token), vpcId and 12 ids: nothing else.
					want := 7 + 1 + 12
					if token != "" {
						want++
					}
					assert.Len(t, p, want, "no stray parameters")
				})
			}
		}
	}
}

// Values that need encoding travel once-encoded and are signed raw.
func TestCallWireSpecialValues(t *testing.T) {
	t.Parallel()
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		t.Run(method, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t, answer(`{"code":0}`))
			c := newClient(t, srv.URL, common.WithHTTPMethod(method))
			in := params{
				VpcID: "gz_vpc_15 & more=1+2/中文%41",
				Zone:  "ap guangzhou_1",
				IDs:   []string{"a b", "c&d", "e=f", "g+h", "i%2Fj", "名字", "k", "l", "m", "n", "o", "p"},
			}
			_, err := call(c, attach, in.form())
			require.NoError(t, err)
			reqs := srv.requests()
			require.Len(t, reqs, 1)
			p := reqs[0].Params
			assert.NoError(t, reqs[0].SigErr)
			assert.Equal(t, in.VpcID, p.Get("vpcId"))
			assert.Equal(t, in.Zone, p.Get("Placement_Zone"), "the name travels with _, it is signed with .")
			for i, id := range in.IDs {
				assert.Equal(t, id, p.Get(fmt.Sprintf("instanceIds.%d", i)))
			}
		})
	}
}

func TestCallFreshNonceEveryCall(t *testing.T) {
	t.Parallel()
	srv := newServer(t, answer(`{"code":0}`))
	c := newClient(t, srv.URL)
	for range 20 {
		_, err := call(c, describe, nil)
		require.NoError(t, err)
	}
	nonces := map[string]bool{}
	for _, r := range srv.requests() {
		nonces[r.Params.Get("Nonce")] = true
	}
	assert.Len(t, nonces, 20)
}

// Names that the service reads as one (it reads . as _) cannot be signed
// unambiguously: such a call is refused before anything is sent.
func TestCallRefusesCollidingNames(t *testing.T) {
	t.Parallel()
	srv := newServer(t, answer(`{"code":0}`))
	colliding := wire.Form{"Placement.Zone": {"a"}, "Placement_Zone": {"b"}}
	_, err := callInto(t.Context(), newClient(t, srv.URL), describe, colliding, nil)
	require.ErrorIs(t, err, qerrors.ErrInvalidInput)
	assert.Contains(t, err.Error(), "Placement.Zone and Placement_Zone")
	assert.Empty(t, srv.requests())
}

// The call's Action and Region are the client's, whatever the parameters hold.
func TestCommonParametersWin(t *testing.T) {
	t.Parallel()
	srv := newServer(t, answer(`{"code":0}`))
	sneaky := wire.Form{"Action": {"DeleteVpc"}, "Region": {"ap-beijing"}}
	_, err := callInto(t.Context(), newClient(t, srv.URL), describe, sneaky, nil)
	require.NoError(t, err)
	reqs := srv.requests()
	require.Len(t, reqs, 1)
	assert.Equal(t, []string{"DescribeVpcClassicLink"}, reqs[0].Params["Action"])
	assert.Equal(t, []string{"ap-guangzhou"}, reqs[0].Params["Region"])
	assert.NoError(t, reqs[0].SigErr)
}

// A cookie jar's cookies reach every attempt once, signed as before, and
// never a call of a client without the jar: requests share headers only
// where nothing adds to them.
func TestCallCarriesCookieJarCookies(t *testing.T) {
	t.Parallel()
	respond := func(n int, w http.ResponseWriter) {
		if n == 1 {
			w.WriteHeader(http.StatusServiceUnavailable) // retried: the second attempt needs them too
			return
		}
		_, _ = io.WriteString(w, `{"code":0,"codeDesc":"Success","taskId":1,"Response":{"RequestId":"r"}}`)
	}
	type request struct {
		header http.Header
		sigErr error
	}
	for _, api := range []common.API{common.API2, common.API3} {
		t.Run(fmt.Sprintf("api=%d", api), func(t *testing.T) {
			t.Parallel()
			var endpoint string
			var requests func() []request
			if api == common.API2 {
				srv := newServer(t, respond)
				endpoint, requests = srv.URL, func() (out []request) {
					for _, r := range srv.requests() {
						out = append(out, request{r.Header, r.SigErr})
					}
					return out
				}
			} else {
				srv := newServer3(t, respond)
				endpoint, requests = srv.URL, func() (out []request) {
					for _, r := range srv.requests() {
						out = append(out, request{r.Header, r.SigErr})
					}
					return out
				}
			}
			jar, err := cookiejar.New(nil)
			require.NoError(t, err)
			u, err := url.Parse(endpoint)
			require.NoError(t, err)
			jar.SetCookies(u, []*http.Cookie{{Name: "session", Value: "jar-cookie"}})
			withJar := newClient(t, endpoint, common.WithAPI(api), common.WithHTTPClient(&http.Client{Jar: jar}))
			plain := newClient(t, endpoint, common.WithAPI(api))

			_, err = call(withJar, describe, params{VpcID: "vpc-1"}.form())
			require.NoError(t, err)
			_, err = call(plain, describe, params{VpcID: "vpc-1"}.form())
			require.NoError(t, err)

			reqs := requests()
			require.Len(t, reqs, 3)
			for _, r := range reqs {
				assert.NoError(t, r.sigErr)
				assert.True(t, strings.HasPrefix(r.header.Get("User-Agent"), "qcloud-sdk-go/"), r.header)
			}
			assert.Equal(t, []string{"session=jar-cookie"}, reqs[0].header.Values("Cookie"))
			assert.Equal(t, []string{"session=jar-cookie"}, reqs[1].header.Values("Cookie"), "the retry's")
			assert.Empty(t, reqs[2].header.Values("Cookie"))
		})
	}
}

// API 2.0 parameters are a wire.Form: anything else is refused, unsent.
func TestCallRefusesParametersOfAnotherType(t *testing.T) {
	t.Parallel()
	srv := newServer(t, answer(`{"code":0}`))
	_, err := callInto(t.Context(), newClient(t, srv.URL), describe, struct{ VpcID string }{"vpc-1"}, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "want a wire.Form")
	assert.Empty(t, srv.requests())
}
