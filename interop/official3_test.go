package interop

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	tc "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tcerr "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
	tcvpc "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/vpc/v20170312"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

// official3 returns the official 3.0 VPC client aimed at base (scheme and
// host), signing with signMethod ("TC3-HMAC-SHA256" or "HmacSHA256") over
// httpMethod.
func official3(t testing.TB, base string, cred auth.Credential, signMethod, httpMethod string) *tcvpc.Client {
	t.Helper()
	cp := profile.NewClientProfile()
	cp.SignMethod = signMethod
	cp.HttpProfile.ReqMethod = httpMethod
	cp.HttpProfile.Scheme = "http"
	cp.HttpProfile.Endpoint = strings.TrimPrefix(base, "http://")
	cp.DisableRegionBreaker = true
	c, err := tcvpc.NewClient(tc.NewTokenCredential(cred.SecretID, cred.SecretKey, cred.Token), "ap-guangzhou", cp)
	require.NoError(t, err)
	return c
}

// The official 3.0 client runs the four actions against vpctest over TC3
// (POST and GET) and the v1 HmacSHA256 signature, with and without a
// token: every call is accepted and its typed response decodes.
func TestOfficial3ClientIsAcceptedByVpctest(t *testing.T) {
	t.Parallel()
	for _, sig := range []string{"TC3-HMAC-SHA256", "HmacSHA256"} {
		for _, httpMethod := range []string{"POST", "GET"} {
			for _, withToken := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/%s/token=%t", sig, httpMethod, withToken), func(t *testing.T) {
					t.Parallel()
					cred := auth.NewCredential("AKIDinterop3Permanent00000000000", "interop3SecretKey")
					if withToken {
						cred = auth.NewTokenCredential("AKIDinterop3Temporary00000000000", "interop3TempKey", "interop3SessionToken")
					}
					srv := vpctest.NewServer(vpctest.WithCredential(cred), vpctest.WithTaskPolls(0))
					defer srv.Close()
					c := official3(t, srv.URL(), cred, sig, httpMethod)

					att := tcvpc.NewAttachClassicLinkVpcRequest()
					att.VpcId = tc.StringPtr("vpc-2ari9m7h")
					att.InstanceIds = tc.StringPtrs([]string{"ins-df454d", "ins-1a2b3c4d"})
					attResp, err := c.AttachClassicLinkVpc(att)
					require.NoError(t, err)
					require.NotNil(t, attResp.Response.RequestId)

					task := tcvpc.NewDescribeVpcTaskResultRequest()
					task.TaskId = attResp.Response.RequestId
					taskResp, err := c.DescribeVpcTaskResult(task)
					require.NoError(t, err)
					assert.Equal(t, "SUCCESS", *taskResp.Response.Status)

					desc := tcvpc.NewDescribeClassicLinkInstancesRequest()
					desc.Filters = []*tcvpc.FilterObject{{Name: tc.StringPtr("vpc-id"), Values: tc.StringPtrs([]string{"vpc-2ari9m7h"})}}
					desc.Limit = tc.StringPtr("100")
					descResp, err := c.DescribeClassicLinkInstances(desc)
					require.NoError(t, err)
					assert.Equal(t, uint64(2), *descResp.Response.TotalCount)
					require.Len(t, descResp.Response.ClassicLinkInstanceSet, 2)
					assert.Equal(t, "vpc-2ari9m7h", *descResp.Response.ClassicLinkInstanceSet[0].VpcId)

					det := tcvpc.NewDetachClassicLinkVpcRequest()
					det.VpcId = tc.StringPtr("vpc-2ari9m7h")
					det.InstanceIds = tc.StringPtrs([]string{"ins-df454d"})
					_, err = c.DetachClassicLinkVpc(det)
					require.NoError(t, err)

					reqs := srv.Requests()
					require.Len(t, reqs, 4)
					for _, r := range reqs {
						assert.Equal(t, 3, r.API)
						assert.Equal(t, httpMethod, r.Method)
					}
					assert.Equal(t, "DescribeClassicLinkInstances", reqs[2].Action)
				})
			}
		}
	}
}

func TestOfficial3ClientWithWrongKeyIsRejected(t *testing.T) {
	t.Parallel()
	srv := vpctest.NewServer()
	defer srv.Close()
	wrong := auth.NewCredential(vpctest.DefaultCredential.SecretID, "not-the-key")
	for _, sig := range []string{"TC3-HMAC-SHA256", "HmacSHA256"} {
		req := tcvpc.NewAttachClassicLinkVpcRequest()
		req.VpcId = tc.StringPtr("vpc-2ari9m7h")
		req.InstanceIds = tc.StringPtrs([]string{"ins-df454d"})
		_, err := official3(t, srv.URL(), wrong, sig, "POST").AttachClassicLinkVpc(req)
		var sdkErr *tcerr.TencentCloudSDKError
		require.ErrorAs(t, err, &sdkErr, sig)
		assert.Equal(t, "AuthFailure.SignatureFailure", sdkErr.GetCode(), sig)
		assert.NotEmpty(t, sdkErr.GetRequestId())
	}
}

// captured is one request as a capturing server saw it.
type captured struct {
	method, query, body string
	header              http.Header
}

// capturing answers every request with a 3.0 success and records it.
func capturing(t *testing.T) (*httptest.Server, func() []captured) {
	var mu sync.Mutex
	var reqs []captured
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		reqs = append(reqs, captured{r.Method, r.URL.RawQuery, string(b), r.Header.Clone()})
		mu.Unlock()
		_, _ = io.WriteString(w, `{"Response":{"RequestId":"354f4ac3-8546-4516-8c8a-69e3ab73aa8a"}}`)
	}))
	t.Cleanup(srv.Close)
	return srv, func() []captured {
		mu.Lock()
		defer mu.Unlock()
		return append([]captured(nil), reqs...)
	}
}

// For the same request in the same second, this SDK's TC3 request is the
// official client's: the same body or query, the same signed headers and
// the same Authorization, signature included.
func TestTC3SignatureEqualsOfficial(t *testing.T) {
	t.Parallel()
	cred := auth.NewTokenCredential("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "tok+en/=1")
	for _, httpMethod := range []string{"POST", "GET"} {
		t.Run(httpMethod, func(t *testing.T) {
			t.Parallel()
			srv, requests := capturing(t)
			theirs := official3(t, srv.URL, cred, "TC3-HMAC-SHA256", httpMethod)
			ours, err := vpc.NewClient(cred, "ap-guangzhou", common.WithAPI(common.API3),
				common.WithEndpoint(srv.URL), common.WithHTTPMethod(httpMethod))
			require.NoError(t, err)
			ids := []string{"ins-0x5msjda", "ins-r8hr2upy"}
			// Both in the same second: a second boundary between the two is
			// rare, and a few tries make it vanish.
			for try := 0; try < 5; try++ {
				req := tcvpc.NewAttachClassicLinkVpcRequest()
				req.VpcId = tc.StringPtr("vpc-gjui0b5t")
				req.InstanceIds = tc.StringPtrs(ids)
				_, err := theirs.AttachClassicLinkVpc(req)
				require.NoError(t, err)
				_, err = ours.AttachClassicLinkVpc(context.Background(), &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-gjui0b5t", InstanceIDs: ids})
				require.NoError(t, err)
				reqs := requests()
				o, m := reqs[len(reqs)-2], reqs[len(reqs)-1]
				if o.header.Get("X-TC-Timestamp") != m.header.Get("X-TC-Timestamp") {
					time.Sleep(10 * time.Millisecond)
					continue
				}
				assert.Equal(t, o.body, m.body)
				assert.Equal(t, o.query, m.query)
				for _, h := range []string{"Content-Type", "X-TC-Action", "X-TC-Version", "X-TC-Region", "X-TC-Token", "Authorization"} {
					assert.Equal(t, o.header.Get(h), m.header.Get(h), h)
				}
				assert.NotEmpty(t, m.header.Get("Authorization"))
				return
			}
			t.Fatal("no two requests in the same second in 5 tries")
		})
	}
}

// DescribeVpcs, the first action on the descriptor core: the official
// client's call is accepted by vpctest and lists what this SDK lists, and
// for the same values this SDK sends the official client's JSON body.
func TestDescribeVpcsAgainstOfficial(t *testing.T) {
	t.Parallel()
	srv := vpctest.NewServer()
	defer srv.Close()
	theirs := official3(t, srv.URL(), srv.Credential(), "TC3-HMAC-SHA256", "POST")
	request := func() *tcvpc.DescribeVpcsRequest { // one per call: a request keeps the host it was sent to
		req := tcvpc.NewDescribeVpcsRequest()
		req.Filters = []*tcvpc.Filter{{Name: tc.StringPtr("vpc-name"), Values: tc.StringPtrs([]string{"prod", "staging"})}}
		req.Limit = tc.StringPtr("10")
		return req
	}
	resp, err := theirs.DescribeVpcs(request())
	require.NoError(t, err)
	ours, err := vpc.NewClient(srv.Credential(), "ap-guangzhou", common.WithEndpoint(srv.URL()))
	require.NoError(t, err)
	in := &vpc.DescribeVpcsInput{Filters: []vpc.Filter{{Name: "vpc-name", Values: []string{"prod", "staging"}}}, Limit: common.Some("10")}
	out, err := ours.DescribeVpcs(context.Background(), in)
	require.NoError(t, err)
	require.Equal(t, uint64(len(out.VpcSet)), *resp.Response.TotalCount)
	require.NotEmpty(t, out.VpcSet)
	for i, v := range resp.Response.VpcSet {
		assert.Equal(t, *v.VpcId, out.VpcSet[i].VpcID)
		assert.Equal(t, *v.VpcName, out.VpcSet[i].VpcName)
		assert.Equal(t, *v.CidrBlock, out.VpcSet[i].CidrBlock)
		assert.Equal(t, *v.CreatedTime, out.VpcSet[i].CreatedTime)
	}

	capture, requests := capturing(t)
	theirs = official3(t, capture.URL, srv.Credential(), "TC3-HMAC-SHA256", "POST")
	ours, err = vpc.NewClient(srv.Credential(), "ap-guangzhou", common.WithEndpoint(capture.URL))
	require.NoError(t, err)
	_, _ = theirs.DescribeVpcs(request())
	_, _ = ours.DescribeVpcs(context.Background(), in)
	reqs := requests()
	require.Len(t, reqs, 2)
	assert.JSONEq(t, reqs[0].body, reqs[1].body)
	assert.Equal(t, reqs[0].body, reqs[1].body, "byte for byte")
}
