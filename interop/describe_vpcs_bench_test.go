package interop

import (
	"context"
	"fmt"
	"testing"

	tc "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tcvpc "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/vpc/v20170312"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
)

// describeVpcsAnswer is the benchmark server's DescribeVpcs answer: two
// VPCs, every member of the model's Vpc set.
const describeVpcsAnswer = `{"Response":{"TotalCount":2,"VpcSet":[` +
	`{"VpcName":"prod","VpcId":"vpc-2ari9m7h","CidrBlock":"10.0.0.0/16","IsDefault":false,"EnableMulticast":false,"CreatedTime":"2021-01-03 22:25:45","DnsServerSet":["183.60.83.19","183.60.82.98"],"DomainName":"","DhcpOptionsId":"","EnableDhcp":true,"Ipv6CidrBlock":"","TagSet":[{"Key":"env","Value":"prod"}],"AssistantCidrSet":[],"EnableRouteVpcPublish":false,"Ipv6CidrBlockSet":[],"EnableRouteVpcPublishIpv6":false},` +
	`{"VpcName":"staging","VpcId":"vpc-5t8kd0qa","CidrBlock":"172.16.0.0/16","IsDefault":true,"EnableMulticast":false,"CreatedTime":"2021-01-04 08:00:00","DnsServerSet":["183.60.83.19"],"DomainName":"","DhcpOptionsId":"","EnableDhcp":true,"Ipv6CidrBlock":"","TagSet":[],"AssistantCidrSet":[],"EnableRouteVpcPublish":false,"Ipv6CidrBlockSet":[],"EnableRouteVpcPublishIpv6":false}` +
	`],"RequestId":"354f4ac3-8546-4516-8c8a-69e3ab73aa8a"}}`

// BenchmarkDescribeVpcsAPI3 compares one DescribeVpcs (a filter, a page of
// two VPCs decoded) by the official 3.0 client and by this SDK's generated
// method, against the same server in a child process.
func BenchmarkDescribeVpcsAPI3(b *testing.B) {
	base := benchServer(b)
	ctx := context.Background()
	b.Run("official", func(b *testing.B) {
		official := official3(b, base, benchCred, "TC3-HMAC-SHA256", "POST")
		run(b, func() error {
			req := tcvpc.NewDescribeVpcsRequest()
			req.Filters = []*tcvpc.Filter{{Name: tc.StringPtr("vpc-name"), Values: tc.StringPtrs([]string{"prod"})}}
			req.Limit = tc.StringPtr("20")
			out, err := official.DescribeVpcs(req)
			if err == nil && len(out.Response.VpcSet) != 2 {
				err = fmt.Errorf("%d VPCs", len(out.Response.VpcSet))
			}
			return err
		})
	})
	b.Run("qcloud", func(b *testing.B) {
		ours, err := vpc.NewClient(benchCred, "ap-guangzhou", common.WithEndpoint(base))
		if err != nil {
			b.Fatal(err)
		}
		run(b, func() error {
			out, err := ours.DescribeVpcs(ctx, &vpc.DescribeVpcsInput{Filters: []vpc.Filter{{Name: "vpc-name", Values: []string{"prod"}}}, Limit: common.Some("20")})
			if err == nil && len(out.VpcSet) != 2 {
				err = fmt.Errorf("%d VPCs", len(out.VpcSet))
			}
			return err
		})
	})
}
