package interop

import (
	"context"
	"fmt"
	"testing"

	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

// describeRequest is DescribeVpcClassicLink for the official client.
type describeRequest struct {
	*tchttp.BaseRequest
	VpcID *string `name:"vpcId"`
	Limit *int64  `name:"limit"`
}

type describeResponse struct {
	*tchttp.BaseResponse
	Code       any              `json:"code"`
	TotalCount any              `json:"totalCount"`
	Data       []map[string]any `json:"data"`
}

// BenchmarkDescribeVpcClassicLink compares one DescribeVpcClassicLink call
// (sign, send, decode 4 links) by this SDK and by the official one, both
// signing HmacSHA256 GETs to the same vpctest server on loopback.
func BenchmarkDescribeVpcClassicLink(b *testing.B) {
	srv := vpctest.NewServer(vpctest.WithTaskPolls(0))
	defer srv.Close()
	ours, err := vpc.NewClient(srv.Credential(), "ap-guangzhou", common.WithAPI(common.API2), common.WithEndpoint(srv.URL()))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	in := &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d", "ins-1a2b3c4d", "ins-5e6f7a8b", "ins-9c0d1e2f"}}
	if _, err := ours.AttachClassicLinkVpcAndWait(ctx, in); err != nil {
		b.Fatal(err)
	}

	b.Run("qcloud-sdk-go", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			out, err := ours.DescribeVpcClassicLink(ctx, &vpc.DescribeVpcClassicLinkInput{VpcID: "vpc-2ari9m7h", Limit: 50})
			if err != nil || out.TotalCount != 4 {
				b.Fatal(err, out)
			}
		}
	})
	b.Run("tencentcloud-sdk-go", func(b *testing.B) {
		official := officialClient(b, srv.URL(), srv.Credential(), "HmacSHA256", "GET")
		vpcID, limit := "vpc-2ari9m7h", int64(50)
		b.ReportAllocs()
		for b.Loop() {
			req := &describeRequest{BaseRequest: &tchttp.BaseRequest{}, VpcID: &vpcID, Limit: &limit}
			req.Init().WithApiInfo("vpc", "", "DescribeVpcClassicLink")
			resp := &describeResponse{BaseResponse: &tchttp.BaseResponse{}}
			if err := official.Send(req, resp); err != nil || fmt.Sprint(resp.TotalCount) != "4" {
				b.Fatal(err, resp.TotalCount)
			}
		}
	})
}
