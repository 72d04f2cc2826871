package vpctest_test

import (
	"bytes"
	"cmp"
	"encoding/json"
	"io"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/internal/testsig"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

// request3 is a TC3 request to build and send by hand.
type request3 struct {
	method, action, query, body string
	cred                        auth.Credential
	ts                          time.Time
	edit                        func(*http.Request) // after signing
	// service and hostOnly sign another scope's service than "vpc", and
	// the host without its port.
	service  string
	hostOnly bool
}

// answer3 is a decoded 3.0 Response.
type answer3 map[string]any

func (a answer3) code() string {
	e, _ := a["Error"].(map[string]any)
	c, _ := e["Code"].(string)
	return c
}

// send3 signs r with TC3 and returns the Response object.
func send3(t *testing.T, srv *vpctest.Server, r request3) answer3 {
	t.Helper()
	if r.method == "" {
		r.method = http.MethodPost
	}
	if r.ts.IsZero() {
		r.ts = time.Now()
	}
	if r.cred.SecretID == "" {
		r.cred = srv.Credential()
	}
	url := srv.URL() + "/"
	if r.query != "" {
		url += "?" + r.query
	}
	req, err := http.NewRequest(r.method, url, strings.NewReader(r.body))
	require.NoError(t, err)
	ct := "application/json"
	if r.method == http.MethodGet {
		ct = "application/x-www-form-urlencoded"
	}
	host := strings.TrimPrefix(srv.URL(), "http://")
	if r.hostOnly {
		host, _, _ = strings.Cut(host, ":")
	}
	service := cmp.Or(r.service, "vpc")
	_, ch := testsig.TC3Hashes(r.method, r.query, ct, host, []byte(r.body))
	ts := r.ts.Unix()
	date := time.Unix(ts, 0).UTC().Format("2006-01-02")
	req.Header.Set("Content-Type", ct)
	req.Header.Set("X-TC-Action", r.action)
	req.Header.Set("X-TC-Version", "2017-03-12")
	req.Header.Set("X-TC-Region", "ap-guangzhou")
	req.Header.Set("X-TC-Timestamp", strconv.FormatInt(ts, 10))
	if r.cred.Token != "" {
		req.Header.Set("X-TC-Token", r.cred.Token)
	}
	req.Header.Set("Authorization", "TC3-HMAC-SHA256 Credential="+r.cred.SecretID+"/"+date+"/"+service+"/tc3_request, SignedHeaders=content-type;host, Signature="+
		testsig.TC3Signature(r.cred.SecretKey, service, ts, ch))
	if r.edit != nil {
		r.edit(req)
	}
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var env struct{ Response answer3 }
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&env))
	require.NotEmpty(t, env.Response["RequestId"], "every 3.0 answer has a RequestId")
	return env.Response
}

func TestAuthenticationTC3(t *testing.T) {
	t.Parallel()
	temp := auth.NewTokenCredential("AKIDtemp3000000000001", "temp3Key", "temp3Token")
	srv := newServer(t, vpctest.WithCredential(permanent), vpctest.WithCredential(temp))
	describe := `{"Limit":"20"}`
	tests := []struct {
		name string
		r    request3
		want string // "" for success
	}{
		{"POST", request3{action: "DescribeClassicLinkInstances", body: describe, cred: permanent}, ""},
		{"GET", request3{method: "GET", action: "DescribeClassicLinkInstances", query: "Limit=20", cred: permanent}, ""},
		{"token", request3{action: "DescribeClassicLinkInstances", body: describe, cred: temp}, ""},
		{"token missing", request3{action: "DescribeClassicLinkInstances", body: describe, cred: auth.NewCredential(temp.SecretID, temp.SecretKey)}, "AuthFailure.TokenFailure"},
		{"unexpected token", request3{action: "DescribeClassicLinkInstances", body: describe, cred: auth.NewTokenCredential(permanent.SecretID, permanent.SecretKey, "x")}, "AuthFailure.TokenFailure"},
		{"wrong key", request3{action: "DescribeClassicLinkInstances", body: describe, cred: auth.NewCredential(permanent.SecretID, "nope")}, "AuthFailure.SignatureFailure"},
		{"unknown SecretId", request3{action: "DescribeClassicLinkInstances", body: describe, cred: auth.NewCredential("AKIDnobody", "k")}, "AuthFailure.SecretIdNotFound"},
		{"6 minutes old", request3{action: "DescribeClassicLinkInstances", body: describe, cred: permanent, ts: time.Now().Add(-6 * time.Minute)}, "AuthFailure.SignatureExpire"},
		{"body changed after signing", request3{action: "DescribeClassicLinkInstances", body: describe, cred: permanent,
			edit: func(r *http.Request) { r.Body = io.NopCloser(strings.NewReader(`{"Limit":"21"}`)) }}, "AuthFailure.SignatureFailure"},
		{"charset appended after signing", request3{action: "DescribeClassicLinkInstances", body: describe, cred: permanent,
			edit: func(r *http.Request) { r.Header.Set("Content-Type", "application/json; charset=utf-8") }}, "AuthFailure.SignatureFailure"},
		{"scope date of UTC+8", request3{action: "DescribeClassicLinkInstances", body: describe, cred: permanent, edit: func(r *http.Request) {
			a := r.Header.Get("Authorization")
			utc8 := time.Now().In(time.FixedZone("CST", 8*3600)).AddDate(0, 0, 1).Format("2006-01-02")
			r.Header.Set("Authorization", strings.Replace(a, time.Now().UTC().Format("2006-01-02"), utc8, 1))
		}}, "AuthFailure.SignatureFailure"},
		{"no X-TC-Action", request3{body: describe, cred: permanent}, "MissingParameter"},
		{"unknown action", request3{action: "DescribeVpcClassicLink", body: describe, cred: permanent}, "InvalidAction"},
		{"wrong version", request3{action: "DescribeClassicLinkInstances", body: describe, cred: permanent,
			edit: func(r *http.Request) { r.Header.Set("X-TC-Version", "2020-01-01") }}, "NoSuchVersion"},
		{"not TC3", request3{action: "DescribeClassicLinkInstances", body: describe, cred: permanent,
			edit: func(r *http.Request) { r.Header.Set("Authorization", "Basic x") }}, "AuthFailure.InvalidAuthorization"},
		{"unsigned, with X-TC headers", request3{action: "DescribeClassicLinkInstances", body: describe, cred: permanent,
			edit: func(r *http.Request) { r.Header.Del("Authorization") }}, "AuthFailure.SignatureFailure"},
		// Tencent's Node SDK, pointed at http://127.0.0.1:port, signs the
		// endpoint's first label as the service and the host without its port.
		{"as the Node SDK signs", request3{action: "DescribeClassicLinkInstances", body: describe, cred: permanent, service: "127", hostOnly: true}, ""},
		{"the Node SDK's service, the host with its port", request3{action: "DescribeClassicLinkInstances", body: describe, cred: permanent, service: "127"}, ""},
		{"another service", request3{action: "DescribeClassicLinkInstances", body: describe, cred: permanent, service: "cvm"}, "AuthFailure.SignatureFailure"},
		{"another host", request3{action: "DescribeClassicLinkInstances", body: describe, cred: permanent,
			edit: func(r *http.Request) { r.Host = "127.0.0.2:1" }}, "AuthFailure.SignatureFailure"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.want, send3(t, srv, tt.r).code())
		})
	}
}

func TestActionsAPI3(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	now := time.Now()
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	srv := newServer(t, vpctest.WithClock(clock), vpctest.WithTaskPolls(1_000_000), vpctest.WithTaskDuration(time.Minute))
	attach := send3(t, srv, request3{action: "AttachClassicLinkVpc", body: `{"VpcId":"vpc-2ari9m7h","InstanceIds":["ins-df454d","ins-1a2b3c4d"]}`})
	require.Empty(t, attach.code())
	task := attach["RequestId"].(string)
	running := send3(t, srv, request3{action: "DescribeVpcTaskResult", body: `{"TaskId":"` + task + `"}`})
	assert.Equal(t, "RUNNING", running["Status"])
	assert.Equal(t, "ResourceInUse", send3(t, srv, request3{action: "DetachClassicLinkVpc",
		body: `{"VpcId":"vpc-2ari9m7h","InstanceIds":["ins-df454d"]}`}).code(), "locked while its task runs")
	mu.Lock()
	now = now.Add(time.Minute)
	mu.Unlock()
	assert.Equal(t, "SUCCESS", send3(t, srv, request3{action: "DescribeVpcTaskResult", body: `{"TaskId":"` + task + `"}`})["Status"])

	list := send3(t, srv, request3{action: "DescribeClassicLinkInstances",
		body: `{"Filters":[{"Name":"vm-ip","Values":["10.66.1.11","10.9.9.9"]}],"Offset":"0","Limit":"100"}`})
	assert.Equal(t, float64(1), list["TotalCount"])
	assert.Equal(t, []any{map[string]any{"VpcId": "vpc-2ari9m7h", "InstanceId": "ins-1a2b3c4d"}}, list["ClassicLinkInstanceSet"])
	get := send3(t, srv, request3{method: "GET", action: "DescribeClassicLinkInstances", query: "Filters.0.Name=vpc-id&Filters.0.Values.0=vpc-5t8kd0qa"})
	assert.Equal(t, float64(0), get["TotalCount"], "AND across filters, one VPC")

	for body, want := range map[string]string{
		`{"Limit":20}`:    "InvalidParameterValue",
		`{"Offset":0}`:    "InvalidParameterValue",
		`{"Limit":"101"}`: "InvalidParameterValue.LimitExceeded",
		`{"Offset":"-1"}`: "InvalidParameterValue.Range",
		`{"Filters":[{"Name":"zone","Values":["x"]}]}`: "InvalidParameter.FilterNotSupported",
		`{"Filters":[{"Name":"vpc-id","Values":[]}]}`:  "InvalidParameter.FilterValuesNotList",
		`[1,2]`: "InvalidParameter",
	} {
		assert.Equal(t, want, send3(t, srv, request3{action: "DescribeClassicLinkInstances", body: body}).code(), body)
	}
	for body, want := range map[string]string{
		`{"VpcId":"vpc-2ari9m7h","InstanceIds":["ins-df454d"]}`:   "UnsupportedOperation.ClassicInstanceIdAlreadyExists",
		`{"VpcId":"vpc-00000000","InstanceIds":["ins-5e6f7a8b"]}`: "ResourceNotFound",
		`{"VpcId":"vpc-2ari9m7h","InstanceIds":["ins-nothere"]}`:  "ResourceNotFound",
		`{"InstanceIds":["ins-5e6f7a8b"]}`:                        "MissingParameter",
		`{"VpcId":"vpc-2ari9m7h"}`:                                "MissingParameter",
	} {
		assert.Equal(t, want, send3(t, srv, request3{action: "AttachClassicLinkVpc", body: body}).code(), body)
	}
	assert.Equal(t, "ResourceNotFound", send3(t, srv, request3{action: "DescribeVpcTaskResult", body: `{"TaskId":"no-such-task"}`}).code())
	assert.Equal(t, "MissingParameter", send3(t, srv, request3{action: "DescribeVpcTaskResult", body: `{}`}).code())
}

// Faults apply under 3.0 with 3.0 answers; the record shows 3.0 requests.
func TestFaultsAndRecordAPI3(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	require.NoError(t, srv.InjectFault(vpctest.ActionDescribeClassicLinkInstances, 1, vpctest.Fault{Code: 4400, CodeDesc: "RequestLimitExceeded"}))
	require.NoError(t, srv.InjectFault(vpctest.ActionDescribeClassicLinkInstances, 1, vpctest.Fault{Code: 6000}))
	assert.Equal(t, "RequestLimitExceeded", send3(t, srv, request3{action: "DescribeClassicLinkInstances", body: `{}`}).code())
	assert.Equal(t, "InternalError", send3(t, srv, request3{action: "DescribeClassicLinkInstances", body: `{}`}).code(), "the class of a bare numeric code")
	require.NoError(t, srv.InjectFault("", 1, vpctest.Fault{Malformed: true}))
	req, _ := http.NewRequest(http.MethodPost, srv.URL()+"/", bytes.NewReader([]byte(`{}`)))
	req.Header.Set("Authorization", "TC3-HMAC-SHA256 Credential=x/y")
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	var v any
	assert.Error(t, json.NewDecoder(resp.Body).Decode(&v), "a malformed 3.0 body")
	resp.Body.Close()

	reqs := srv.Requests()
	require.Len(t, reqs, 3)
	assert.Equal(t, 3, reqs[0].API)
	assert.Equal(t, "DescribeClassicLinkInstances", reqs[0].Action)
}

// A small body of deep or long names is refused before it costs the fake
// more than a few times its size: it is read into parameters before the
// request is authenticated.
func TestHostileJSONBodiesAreBounded(t *testing.T) {
	srv := newServer(t)
	deep := `{"A":` + strings.Repeat("[", 9000) + strings.Repeat("]", 9000) + `}`
	key := strings.Repeat("k", 20_000)
	long := strings.Repeat(`{"`+key+`":`, 40) + `"v"` + strings.Repeat("}", 40)
	wide := `{"F":[` + strings.TrimSuffix(strings.Repeat(`{"`+key[:800]+`":{"`+key[:800]+`":"v"}},`, 500), ",") + `]}`
	for _, tt := range []struct{ name, body, want string }{
		{"deep", deep, "InvalidParameter"}, {"long names", long, "InvalidParameter"}, {"wide, within the bound (and unknown to the model)", wide, "UnknownParameter"},
	} {
		name, body := tt.name, tt.body
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		code := send3(t, srv, request3{action: "DescribeClassicLinkInstances", body: body}).code()
		runtime.ReadMemStats(&after)
		assert.Equal(t, tt.want, code, name)
		assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(64<<20), "%s: %d-byte body", name, len(body))
	}
}

// Every API 3.0 call is checked against the VPC API's model before it
// runs, as the service checks it.
func TestModelChecksEveryCall(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	for _, tt := range []struct {
		name string
		r    request3
		want string
	}{
		{"unknown action", request3{action: "DescribeNothing", body: `{}`}, "InvalidAction"},
		{"unknown member", request3{action: "DescribeVpcs", body: `{"VpcIdz":["vpc-1"]}`}, "UnknownParameter"},
		{"unknown nested member", request3{action: "DescribeVpcs", body: `{"Filters":[{"Name":"vpc-id","Valuez":["x"]}]}`}, "UnknownParameter"},
		{"missing required member", request3{action: "DescribeSubnets", body: `{"Filters":[{"Name":"vpc-id"}]}`}, "MissingParameter"},
		{"a number for a string", request3{action: "DescribeVpcs", body: `{"Limit":10}`}, "InvalidParameterValue"},
		{"a string for a list", request3{action: "DescribeVpcs", body: `{"VpcIds":"vpc-1"}`}, "InvalidParameterValue"},
		{"a string for a number", request3{action: "CreateSubnet", body: `{"VpcId":"vpc-2ari9m7h","SubnetName":"a","CidrBlock":"10.0.1.0/24","Zone":"ap-guangzhou-3","CdcId":"x","Tags":[{"Key":"k","Value":1}]}`}, "InvalidParameterValue"},
		{"GET: a word for a number", request3{method: "GET", action: "DescribeAddresses", query: "Offset=ten"}, "InvalidParameterValue"},
		{"GET: unknown member", request3{method: "GET", action: "DescribeSecurityGroups", query: "Offsett=1"}, "UnknownParameter"},
		{"accepted, answered from the example", request3{action: "DescribeSecurityGroups", body: `{"Offset":"0","Limit":"20"}`}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.want, send3(t, srv, tt.r).code())
		})
	}
}

// An action the fake keeps no state for answers its example, or what a
// test registers with Stub, through the SDK's typed method.
func TestStubbedAnswers(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	c := client(t, srv, common.WithAPI(common.API3))
	out, err := c.DescribeSubnets(t.Context(), &vpc.DescribeSubnetsInput{})
	require.NoError(t, err)
	assert.NotEmpty(t, out.SubnetSet, "the vendor's example answer")
	assert.NotEmpty(t, out.RequestID)

	require.NoError(t, srv.Stub("DescribeSubnets", vpc.DescribeSubnetsOutput{TotalCount: 1, SubnetSet: []vpc.Subnet{{SubnetID: "subnet-test0001", VpcID: "vpc-2ari9m7h"}}}))
	out, err = c.DescribeSubnets(t.Context(), nil)
	require.NoError(t, err)
	require.Len(t, out.SubnetSet, 1)
	assert.Equal(t, "subnet-test0001", out.SubnetSet[0].SubnetID)
	assert.ErrorContains(t, srv.Stub("DescribeNothing", map[string]any{}), "unknown action")
}
