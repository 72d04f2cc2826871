package vpc_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
)

// answering returns an API 2.0 client (unless opts say otherwise) of a
// server that always answers body.
func answering(t *testing.T, body string, opts ...common.Option) *vpc.Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, body) }))
	t.Cleanup(srv.Close)
	opts = append([]common.Option{common.WithAPI(common.API2), common.WithEndpoint(srv.URL), common.WithMaxRetries(0)}, opts...)
	c, err := vpc.NewClient(auth.NewCredential("AKIDx", "key"), "ap-guangzhou", opts...)
	require.NoError(t, err)
	return c
}

func TestDescribeDecoding(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	out, err := answering(t, `{"code":"0","totalCount":"1","data":[{"lanIp":"10.0.0.1","uniqVpcId":"vpc-2ari9m7h","vpcId":"gz_vpc_15",
		"classicLinkId":"vcx-opgnzgo9","createTime":"2016-01-21 14:59:37","instanceId":"ins-df454d","instanceName":"web"}]}`).
		DescribeVpcClassicLink(ctx, nil)
	require.NoError(t, err)
	require.Equal(t, 1, out.TotalCount)
	assert.Equal(t, vpc.ClassicLink{ClassicLinkID: "vcx-opgnzgo9", VpcID: "vpc-2ari9m7h", LegacyVpcID: "gz_vpc_15",
		InstanceID: "ins-df454d", InstanceName: "web", LanIP: "10.0.0.1",
		CreateTime: time.Date(2016, 1, 21, 6, 59, 37, 0, time.UTC).In(time.FixedZone("CST", 8*60*60))}, out.ClassicLinks[0])
	assert.Equal(t, "2016-01-21T06:59:37Z", out.ClassicLinks[0].CreateTime.UTC().Format(time.RFC3339), "14:59:37 CST is 06:59:37 UTC")

	for _, body := range []string{
		`{"code":0,"data":[]}`, // no totalCount must not read as 0
		`{"code":0,"totalCount":1,"data":[{"classicLinkId":"vcx-1","createTime":"yesterday"}]}`,
		`{"code":0,"totalCount":"many","data":[]}`,
	} {
		_, err := answering(t, body).DescribeVpcClassicLink(ctx, nil)
		assert.ErrorIs(t, err, qerrors.ErrMalformedResponse, body)
	}
}

func TestTaskResultDecoding(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	res, err := answering(t, `{"code":0,"data":{"status":"1","output":{"errorCode":"1001","errorMsg":"busy"}}}`).DescribeVpcTaskResult(ctx, "7")
	require.NoError(t, err)
	assert.Equal(t, vpc.TaskResult{TaskID: "7", Status: vpc.TaskFailed, ErrorCode: 1001, ErrorMessage: "busy"}, *res)

	for _, body := range []string{`{"code":0}`, `{"code":0,"data":{}}`, `{"code":0,"data":null}`} {
		_, err := answering(t, body).DescribeVpcTaskResult(ctx, "7")
		assert.ErrorIs(t, err, qerrors.ErrMalformedResponse, "%s must not read as success", body)
	}
	_, err = answering(t, `{"code":0,"data":{"status":7}}`).WaitForTask(ctx, "7", instant())
	assert.ErrorIs(t, err, qerrors.ErrMalformedResponse, "an unknown status ends the wait")
	assert.Contains(t, err.Error(), "unknown task status 7")
}

// A success that lacks the task id loses the task: it is malformed, and for
// a call that changes state, its outcome is unknown.
func TestLinkAnswerWithoutTaskID(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, body := range []string{`{"code":0}`, `{"code":0,"taskId":null}`, `{"code":0,"taskId":0}`,
		`{"code":0,"taskId":-5}`, `{"code":"0","taskId":"0"}`, `{"code":0,"taskId":"x"}`} {
		c := answering(t, body)
		out, err := c.AttachClassicLinkVpc(ctx, attachOne)
		assert.Nil(t, out, body)
		assert.ErrorIs(t, err, qerrors.ErrMalformedResponse, body)
		assert.ErrorIs(t, err, qerrors.ErrOutcomeUnknown, body)
		assert.Contains(t, err.Error(), `ClassicLinksOf("vpc-2ari9m7h"`, "says how to find out")
		_, err = c.DetachClassicLinkVpc(ctx, (*vpc.DetachClassicLinkVpcInput)(attachOne))
		assert.ErrorIs(t, err, qerrors.ErrOutcomeUnknown, body)
	}
}

func TestDescribeRejectsImpossibleCounts(t *testing.T) {
	t.Parallel()
	for _, body := range []string{`{"code":0,"totalCount":-1,"data":[]}`, `{"code":0,"totalCount":"-3","data":[]}`,
		`{"code":0,"totalCount":0,"data":[{"classicLinkId":"vcx-1"}]}`} {
		_, err := answering(t, body).DescribeVpcClassicLink(context.Background(), nil)
		assert.ErrorIs(t, err, qerrors.ErrMalformedResponse, body)
		assert.NotErrorIs(t, err, qerrors.ErrOutcomeUnknown, "a Describe changes nothing")
	}
}

// An API 3.0 answer that writes numbers and bools as strings (as some of
// the vendor's own examples do) decodes into the typed output, the values
// in their types; a string that is no number is still refused.
func TestGeneratedOutputReadsStringScalars(t *testing.T) {
	t.Parallel()
	out, err := answering(t, `{"Response":{"TotalCount":"1","VpcSet":[{"VpcId":"vpc-1","IsDefault":"True","EnableMulticast":"false","EnableDhcp":"TRUE"}],"RequestId":"r"}}`,
		common.WithAPI(common.API3)).DescribeVpcs(t.Context(), nil)
	require.NoError(t, err)
	assert.Equal(t, uint64(1), out.TotalCount)
	require.Len(t, out.VpcSet, 1)
	assert.Equal(t, vpc.Vpc{VpcID: "vpc-1", IsDefault: true, EnableDhcp: true}, out.VpcSet[0])
	assert.Equal(t, "r", out.RequestID)

	_, err = answering(t, `{"Response":{"TotalCount":"one","RequestId":"r"}}`, common.WithAPI(common.API3)).DescribeVpcs(t.Context(), nil)
	assert.ErrorIs(t, err, qerrors.ErrMalformedResponse)
}
