package interop

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	tc "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tcerr "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

// attachRequest is AttachClassicLinkVpc in the shape of the official SDK's
// generated models: `name` tags, lists as instanceIds.N.
type attachRequest struct {
	*tchttp.BaseRequest
	VpcID       *string   `name:"vpcId"`
	InstanceIDs []*string `name:"instanceIds"`
}

// v2Response is the flat v2 envelope, read by the official response parser.
type v2Response struct {
	*tchttp.BaseResponse
	Code     any    `json:"code"`
	CodeDesc string `json:"codeDesc"`
	Message  string `json:"message"`
	TaskID   any    `json:"taskId"`
}

func officialClient(t testing.TB, base string, cred auth.Credential, signMethod, httpMethod string) *tc.Client {
	t.Helper()
	cp := profile.NewClientProfile()
	cp.SignMethod = signMethod
	cp.HttpProfile.ReqMethod = httpMethod
	cp.HttpProfile.Scheme = "http"
	cp.HttpProfile.Endpoint = strings.TrimPrefix(base, "http://") + "/v2/index.php"
	return tc.NewCommonClient(tc.NewTokenCredential(cred.SecretID, cred.SecretKey, cred.Token), "ap-guangzhou", cp)
}

func attach(c *tc.Client, vpcID string, ids ...string) (*v2Response, error) {
	req := &attachRequest{BaseRequest: &tchttp.BaseRequest{}, VpcID: &vpcID}
	for _, id := range ids {
		req.InstanceIDs = append(req.InstanceIDs, &id)
	}
	req.Init().WithApiInfo("vpc", "", "AttachClassicLinkVpc")
	resp := &v2Response{BaseResponse: &tchttp.BaseResponse{}}
	return resp, c.Send(req, resp)
}

func TestOfficialClientIsAcceptedByVpctest(t *testing.T) {
	t.Parallel()
	for _, httpMethod := range []string{"GET", "POST"} {
		for _, sig := range []string{"HmacSHA1", "HmacSHA256"} {
			for _, withToken := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/%s/token=%t", httpMethod, sig, withToken), func(t *testing.T) {
					t.Parallel()
					cred := auth.NewCredential("AKIDinteropPermanent000000000000", "interopSecretKey")
					if withToken {
						cred = auth.NewTokenCredential("AKIDinteropTemporary000000000000", "interopTempKey", "interopSessionToken")
					}
					srv := vpctest.NewServer(vpctest.WithCredential(cred))
					defer srv.Close()

					resp, err := attach(officialClient(t, srv.URL(), cred, sig, httpMethod), "vpc-2ari9m7h", "ins-df454d", "ins-1a2b3c4d")
					require.NoError(t, err)
					assert.Equal(t, "0", fmt.Sprint(resp.Code), "%s: %s", resp.CodeDesc, resp.Message)
					assert.NotNil(t, resp.TaskID)

					reqs := srv.Requests()
					require.Len(t, reqs, 1)
					assert.Equal(t, httpMethod, reqs[0].Method)
					assert.Equal(t, sig, reqs[0].Params.Get("SignatureMethod"))
					assert.Equal(t, "ins-1a2b3c4d", reqs[0].Params.Get("instanceIds.1"))
				})
			}
		}
	}
}

func TestOfficialClientWithWrongKeyIsRejected(t *testing.T) {
	t.Parallel()
	srv := vpctest.NewServer()
	defer srv.Close()
	wrong := auth.NewCredential(vpctest.DefaultCredential.SecretID, "not-the-key")
	for _, sig := range []string{"HmacSHA1", "HmacSHA256"} {
		// The official SDK reads a v2 error envelope and reports its codeDesc.
		_, err := attach(officialClient(t, srv.URL(), wrong, sig, "GET"), "vpc-2ari9m7h", "ins-df454d")
		var sdkErr *tcerr.TencentCloudSDKError
		require.ErrorAs(t, err, &sdkErr, sig)
		assert.Equal(t, "AuthFailure.SignatureFailure", sdkErr.GetCode(), sig)
	}
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	for _, r := range reqs {
		assert.Equal(t, "***", r.Params.Get("Signature"), "the record masks the signature")
	}
}

func TestSignaturesEqualOfficialSign(t *testing.T) {
	t.Parallel()
	params := url.Values{
		"Action": {"AttachClassicLinkVpc"}, "Nonce": {"11886"}, "Region": {"ap-guangzhou"},
		"SecretId": {"AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA"}, "Timestamp": {"1465185768"},
		"vpcId": {"vpc-2ari9m7h"}, "instanceIds.0": {"ins-df454d"}, "instanceIds.10": {"ins-x"},
		"lanIp": {"10.0.0.1 & 中文 = +"},
	}
	for _, m := range []auth.SignatureMethod{auth.HmacSHA1, auth.HmacSHA256} {
		sts := auth.StringToSign("GET", "vpc.api.qcloud.com", "/v2/index.php", params)
		for _, key := range []string{"Gu5t9xGARNpq86cd98joQYCN3Cozk1qA", "k", strings.Repeat("long", 40)} {
			assert.Equal(t, tc.Sign(sts, key, string(m)), auth.Sign(sts, key, m), "%s with key %q", m, key)
		}
	}
}
