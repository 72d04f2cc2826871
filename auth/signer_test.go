package auth_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/internal/testsig"
)

const (
	docSecretID  = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA"
	docSecretKey = "Gu5t9xGARNpq86cd98joQYCN3Cozk1qA"
)

// The three vectors published in Tencent Cloud's v2 signature documentation.
func TestSignPublishedVectors(t *testing.T) {
	t.Parallel()
	sha256Params := url.Values{
		"Action": {"DescribeInstances"}, "InstanceIds.0": {"ins-09dx96dg"}, "Nonce": {"11886"},
		"Region": {"ap-guangzhou"}, "SecretId": {docSecretID}, "SignatureMethod": {"HmacSHA256"},
		"Timestamp": {"1465185768"},
	}
	sha1Params := url.Values{}
	for k, v := range sha256Params {
		sha1Params[k] = v
	}
	sha1Params.Set("SignatureMethod", "HmacSHA1")

	tests := []struct {
		name    string
		params  url.Values
		method  auth.SignatureMethod
		wantSTS string
		wantSig string
	}{
		{
			name: "1 HMAC-SHA1 without SignatureMethod",
			params: url.Values{
				"Action": {"DescribeInstances"}, "Nonce": {"11886"}, "Region": {"gz"}, "SecretId": {docSecretID},
				"Timestamp": {"1465185768"}, "instanceIds.0": {"ins-09dx96dg"}, "limit": {"20"}, "offset": {"0"},
				"Signature": {"ignored"},
			},
			method:  auth.HmacSHA1,
			wantSTS: "GETcvm.api.qcloud.com/v2/index.php?Action=DescribeInstances&Nonce=11886&Region=gz&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA&Timestamp=1465185768&instanceIds.0=ins-09dx96dg&limit=20&offset=0",
			wantSig: "NSI3UqqD99b/UJb4tbG/xZpRW64=",
		},
		{
			name:    "2 HMAC-SHA256",
			params:  sha256Params,
			method:  auth.HmacSHA256,
			wantSTS: "GETcvm.api.qcloud.com/v2/index.php?Action=DescribeInstances&InstanceIds.0=ins-09dx96dg&Nonce=11886&Region=ap-guangzhou&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA&SignatureMethod=HmacSHA256&Timestamp=1465185768",
			wantSig: "0EEm/HtGRr/VJXTAD9tYMth1Bzm3lLHz5RCDv1GdM8s=",
		},
		{
			name:    "3 HMAC-SHA1 with SignatureMethod",
			params:  sha1Params,
			method:  auth.HmacSHA1,
			wantSTS: "GETcvm.api.qcloud.com/v2/index.php?Action=DescribeInstances&InstanceIds.0=ins-09dx96dg&Nonce=11886&Region=ap-guangzhou&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA&SignatureMethod=HmacSHA1&Timestamp=1465185768",
			wantSig: "nPVnY6njQmwQ8ciqbPl5Qe+Oru4=",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sts := auth.StringToSign("get", "cvm.api.qcloud.com", "/v2/index.php", tt.params)
			assert.Equal(t, tt.wantSTS, sts)
			assert.Equal(t, tt.wantSig, auth.Sign(sts, docSecretKey, tt.method))
		})
	}
	assert.Equal(t, "NSI3UqqD99b%2FUJb4tbG%2FxZpRW64%3D", url.QueryEscape("NSI3UqqD99b/UJb4tbG/xZpRW64="))
}

func TestStringToSignRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		params url.Values
		want   string
	}{
		{"underscore in names becomes a dot, not in values",
			url.Values{"Placement_Zone": {"ap_gz_1"}, "Action": {"X"}},
			"POSTh/p?Action=X&Placement.Zone=ap_gz_1"},
		{"byte-wise order: upper case first, instanceIds.10 before instanceIds.2",
			url.Values{"vpcId": {"v"}, "instanceIds.2": {"c"}, "instanceIds.10": {"b"}, "instanceIds.1": {"a"}, "Timestamp": {"1"}},
			"POSTh/p?Timestamp=1&instanceIds.1=a&instanceIds.10=b&instanceIds.2=c&vpcId=v"},
		{"values stay raw",
			url.Values{"a": {"x y&z=1+2/中文"}},
			"POSTh/p?a=x y&z=1+2/中文"},
		{"Signature is never signed",
			url.Values{"Signature": {"s"}, "a": {"1"}},
			"POSTh/p?a=1"},
		{"sorted with . read as _: aZ before a_b (0x5A < 0x5F), though . sorts before Z",
			url.Values{"a_b": {"1"}, "aZ": {"2"}, "a.c": {"3"}},
			"POSTh/p?aZ=2&a.b=1&a.c=3"},
		{"empty value is signed as sent",
			url.Values{"a": {""}, "b": {"1"}},
			"POSTh/p?a=&b=1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.want, auth.StringToSign("post", "h", "/p", tt.params))
		})
	}
}

func TestSignMethodsDiffer(t *testing.T) {
	t.Parallel()
	sha1 := auth.Sign("GETh/p?a=1", "k", auth.HmacSHA1)
	sha256 := auth.Sign("GETh/p?a=1", "k", auth.HmacSHA256)
	assert.Len(t, sha1, 28, "base64 of 20 bytes")
	assert.Len(t, sha256, 44, "base64 of 32 bytes")
	assert.Equal(t, sha1, auth.Sign("GETh/p?a=1", "k", "other"), "anything but HmacSHA256 means SHA1")
}

// Colliding names (a_b and a.b) cannot be signed unambiguously; the string
// to sign must still be the same every time, whatever the map order.
func TestStringToSignDeterministicForCollidingNames(t *testing.T) {
	t.Parallel()
	params := url.Values{"a_b": {"1"}, "a.b": {"2"}, "c": {"3"}, "x_y": {"4"}, "x.y": {"5"}}
	first := auth.StringToSign("GET", "h", "/p", params)
	for range 1000 {
		require.Equal(t, first, auth.StringToSign("GET", "h", "/p", params))
	}
	assert.Equal(t, "GETh/p?a.b=2&a.b=1&c=3&x.y=5&x.y=4", first, "ties are broken by the name as given")
}

// The two vectors of Tencent Cloud's TC3 documentation; the
// canonical request is built by internal/testsig, written apart from auth.
func TestSignTC3PublishedVectors(t *testing.T) {
	t.Parallel()
	const key = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE" // of SecretId AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE
	body := `{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}`
	require.Len(t, body, 86)
	ph, ch := testsig.TC3Hashes("POST", "", "application/json; charset=utf-8", "cvm.tencentcloudapi.com", []byte(body))
	assert.Equal(t, "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064", ph)
	assert.Equal(t, "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031", ch)
	sts := "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n" + ch
	assert.Equal(t, "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
		auth.SignTC3(key, "2019-02-25", "cvm", sts), "the UTC date, not the UTC+8 one")

	_, ch = testsig.TC3Hashes("GET", "Limit=10&Offset=0", "application/x-www-form-urlencoded", "cvm.tencentcloudapi.com", nil)
	sts = "TC3-HMAC-SHA256\n1539084154\n2018-10-09/cvm/tc3_request\n" + ch
	assert.Equal(t, "5da7a33f6993f0614b047e5df4582db9e9bf4672ba50567dba16c6ccf174c474", auth.SignTC3(key, "2018-10-09", "cvm", sts))
	assert.Equal(t, testsig.TC3Signature(key, "cvm", 1539084154, ch), auth.SignTC3(key, "2018-10-09", "cvm", sts))
}

// The package doc's signing snippet signs what an independent verifier
// accepts.
func TestSnippetSign(t *testing.T) {
	t.Parallel()
	const secretKey = "snippetSecretKey0001"
	params := url.Values{"Action": {"DescribeVpcClassicLink"}, "Region": {"ap-guangzhou"}, "Timestamp": {"1465185768"},
		"Nonce": {"11886"}, "SecretId": {"AKIDsnippet0001"}, "SignatureMethod": {"HmacSHA256"}}
	// snippet begin
	sts := auth.StringToSign("GET", "vpc.api.qcloud.com", "/v2/index.php", params)
	params.Set("Signature", auth.Sign(sts, secretKey, auth.HmacSHA256))
	// snippet end
	r := httptest.NewRequest(http.MethodGet, "https://vpc.api.qcloud.com/v2/index.php?"+params.Encode(), nil)
	p, err := testsig.Params(r)
	require.NoError(t, err)
	assert.NoError(t, testsig.Verify(r, p, secretKey))
}
