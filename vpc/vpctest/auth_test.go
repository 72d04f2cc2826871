package vpctest_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

var (
	permanent = auth.NewCredential("AKIDpermanent00000000000000000000", "permanentKey")
	temporary = auth.NewTokenCredential("AKIDtemporary00000000000000000000", "temporaryKey", "sessionToken")
)

func TestAuthentication(t *testing.T) {
	t.Parallel()
	srv := newServer(t, vpctest.WithCredential(permanent), vpctest.WithCredential(temporary))
	ts := func(d time.Duration) string { return strconv.FormatInt(time.Now().Add(d).Unix(), 10) }
	describe := func(cred auth.Credential, method string, before, after func(url.Values)) url.Values {
		p := params("DescribeVpcClassicLink")
		if before != nil {
			before(p)
		}
		sign(srv, cred, method, p)
		if after != nil {
			after(p)
		}
		return p
	}
	tests := []struct {
		name     string
		method   string
		p        url.Values
		wantCode string
		wantDesc string
	}{
		{"GET HmacSHA256", "GET", describe(permanent, "GET", nil, nil), "0", "Success"},
		{"POST HmacSHA256", "POST", describe(permanent, "POST", nil, nil), "0", "Success"},
		{"HmacSHA1 sent", "GET", describe(permanent, "GET", func(p url.Values) { p.Set("SignatureMethod", "HmacSHA1") }, nil), "0", "Success"},
		{"no SignatureMethod means SHA1", "GET", describe(permanent, "GET", func(p url.Values) { p.Del("SignatureMethod") }, nil), "0", "Success"},
		{"temporary key with token", "GET", describe(temporary, "GET", nil, nil), "0", "Success"},
		{"wrong signature", "GET", describe(permanent, "GET", nil, func(p url.Values) { p.Set("Signature", "AAAA") }), "4100", "AuthFailure.SignatureFailure"},
		{"wrong key", "GET", describe(auth.NewCredential(permanent.SecretID, "otherKey"), "GET", nil, nil), "4100", "AuthFailure.SignatureFailure"},
		{"signed for POST, sent as GET", "GET", describe(permanent, "POST", nil, nil), "4100", "AuthFailure.SignatureFailure"},
		{"parameter changed after signing", "GET", describe(permanent, "GET", nil, func(p url.Values) { p.Set("vpcId", "vpc-2ari9m7h") }), "4100", "AuthFailure.SignatureFailure"},
		{"unknown SecretId", "GET", describe(auth.NewCredential("AKIDnobody", "k"), "GET", nil, nil), "4104", "AuthFailure.SecretIdNotFound"},
		{"token missing", "GET", describe(auth.NewCredential(temporary.SecretID, temporary.SecretKey), "GET", nil, nil), "4100", "AuthFailure.TokenFailure"},
		{"wrong token", "GET", describe(auth.NewTokenCredential(temporary.SecretID, temporary.SecretKey, "other"), "GET", nil, nil), "4100", "AuthFailure.TokenFailure"},
		{"unexpected token", "GET", describe(auth.NewTokenCredential(permanent.SecretID, permanent.SecretKey, "t"), "GET", nil, nil), "4100", "AuthFailure.TokenFailure"},
		{"Timestamp 3 h old", "GET", describe(permanent, "GET", func(p url.Values) { p.Set("Timestamp", ts(-3*time.Hour)) }, nil), "4500", "RequestReplayed"},
		{"Timestamp 3 h ahead", "GET", describe(permanent, "GET", func(p url.Values) { p.Set("Timestamp", ts(3*time.Hour)) }, nil), "4500", "RequestReplayed"},
		{"Timestamp 1 h old is fine", "GET", describe(permanent, "GET", func(p url.Values) { p.Set("Timestamp", ts(-time.Hour)) }, nil), "0", "Success"},
		{"Nonce not a number", "GET", describe(permanent, "GET", func(p url.Values) { p.Set("Nonce", "x1") }, nil), "4000", "InvalidParameter"},
		{"Nonce zero", "GET", describe(permanent, "GET", func(p url.Values) { p.Set("Nonce", "0") }, nil), "4000", "InvalidParameter"},
	}
	for _, name := range []string{"Action", "Region", "Timestamp", "Nonce", "SecretId", "Signature"} {
		tests = append(tests, struct {
			name     string
			method   string
			p        url.Values
			wantCode string
			wantDesc string
		}{"missing " + name, "GET", describe(permanent, "GET", nil, func(p url.Values) { p.Del(name) }), "4000", "InvalidParameter"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e := send(t, srv, tt.method, tt.p)
			assert.Equal(t, tt.wantCode, e.code(), "%v", e)
			assert.Equal(t, tt.wantDesc, e.desc())
		})
	}
}

func TestNonceReplayIsRejected(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	p := sign(srv, srv.Credential(), http.MethodGet, params("AttachClassicLinkVpc", "vpcId", "vpc-2ari9m7h", "instanceIds.0", "ins-df454d"))
	assert.Equal(t, "0", send(t, srv, http.MethodGet, p).code())
	replay := send(t, srv, http.MethodGet, p)
	assert.Equal(t, "4500", replay.code())
	assert.Equal(t, "RequestReplayed", replay.desc())

	// The same Nonce with another SecretId is another request.
	other := auth.NewCredential("AKIDsecond", "secondKey")
	srv2 := newServer(t, vpctest.WithCredential(other), vpctest.WithCredential(vpctest.DefaultCredential))
	q := params("DescribeVpcClassicLink")
	q2 := url.Values{}
	for k, v := range q {
		q2[k] = v
	}
	assert.Equal(t, "0", send(t, srv2, http.MethodGet, sign(srv2, other, http.MethodGet, q)).code())
	assert.Equal(t, "0", send(t, srv2, http.MethodGet, sign(srv2, vpctest.DefaultCredential, http.MethodGet, q2)).code())
}

// Replay is keyed on (SecretId, Timestamp, Nonce): a client that draws its
// Nonce from a small range, as Tencent's Node SDK does (1..65535), repeats
// one within two hours without replaying anything.
func TestSameNonceWithAnotherTimestampIsNoReplay(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	first := params("DescribeVpcClassicLink")
	first.Set("Nonce", "11886")
	assert.Equal(t, "0", sendSigned(t, srv, first).code())
	later := params("DescribeVpcClassicLink")
	later.Set("Nonce", "11886")
	later.Set("Timestamp", strconv.FormatInt(time.Now().Unix()-60, 10))
	assert.Equal(t, "0", sendSigned(t, srv, later).code(), "same Nonce, another Timestamp")
	again := params("DescribeVpcClassicLink")
	again.Set("Nonce", "11886")
	again.Set("Timestamp", later.Get("Timestamp"))
	assert.Equal(t, "4500", sendSigned(t, srv, again).code(), "same Nonce and Timestamp, new signature: still a replay")
}

// Names that collide once . and _ are read alike are refused, as the
// service's front end cannot tell them apart.
func TestCollidingNamesAreRefused(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	e := sendSigned(t, srv, params("DescribeVpcClassicLink", "lan_ip", "10.0.0.1", "lan.ip", "10.0.0.2"))
	assert.Equal(t, "4000", e.code())
	assert.Contains(t, e["message"], "lan.ip and lan_ip")
}

// sendSigned signs p with the server's credential and sends it as a GET.
func sendSigned(t *testing.T, srv *vpctest.Server, p url.Values) envelope {
	t.Helper()
	return send(t, srv, http.MethodGet, sign(srv, srv.Credential(), http.MethodGet, p))
}

func TestReplayWindowFollowsServerClock(t *testing.T) {
	t.Parallel()
	now := time.Now()
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); defer mu.Unlock(); now = now.Add(d) }
	srv := newServer(t, vpctest.WithClock(clock))
	p := sign(srv, srv.Credential(), http.MethodGet, params("DescribeVpcClassicLink"))
	assert.Equal(t, "0", send(t, srv, http.MethodGet, p).code())
	advance(3 * time.Hour)
	assert.Equal(t, "4500", send(t, srv, http.MethodGet, p).code(), "stale by its Timestamp now")
	fresh := params("DescribeVpcClassicLink")
	fresh.Set("Timestamp", strconv.FormatInt(clock().Unix(), 10))
	assert.Equal(t, "0", send(t, srv, http.MethodGet, sign(srv, srv.Credential(), http.MethodGet, fresh)).code(),
		"the window follows the server's clock")
}

func TestEmptyWorldRejectsDefaultCredential(t *testing.T) {
	t.Parallel()
	srv := newServer(t, vpctest.WithEmptyWorld())
	assert.Equal(t, vpctest.DefaultCredential, srv.Credential())
	assert.Equal(t, "4104", call(t, srv, "DescribeVpcClassicLink").code())

	own := auth.NewCredential("AKIDmine", "mine")
	srv2 := newServer(t, vpctest.WithEmptyWorld(), vpctest.WithCredential(own))
	assert.Equal(t, own, srv2.Credential())
	e := call(t, srv2, "DescribeVpcClassicLink")
	assert.Equal(t, "0", e.code())
	assert.Equal(t, "0", fmt.Sprint(e["totalCount"]))
	assert.Equal(t, "4000", call(t, srv2, "AttachClassicLinkVpc", "vpcId", "vpc-2ari9m7h", "instanceIds.0", "ins-df454d").code(),
		"no VPCs in an empty world")
}

func TestTLSServer(t *testing.T) {
	t.Parallel()
	srv := vpctest.NewTLSServer()
	defer srv.Close()
	require.Contains(t, srv.URL(), "https://")
	c := client(t, srv)
	out, err := c.DescribeVpcClassicLink(t.Context(), nil)
	require.NoError(t, err)
	assert.Zero(t, out.TotalCount)
}

// The signature covers the Host the client sent: one signed for the real
// service's host fails here.
func TestSignatureCoversHost(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	cred := srv.Credential()
	p := params("DescribeVpcClassicLink")
	p.Set("SecretId", cred.SecretID)
	p.Set("Signature", auth.Sign(auth.StringToSign("GET", "vpc.api.qcloud.com", "/v2/index.php", p), cred.SecretKey, auth.HmacSHA256))
	assert.Equal(t, "4100", send(t, srv, http.MethodGet, p).code())
}
