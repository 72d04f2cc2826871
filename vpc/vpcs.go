package vpc

import (
	"context"
	"iter"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
)

// describeVpcsOp is DescribeVpcs: read-only, Offset/Limit paging.
var describeVpcsOp = core.Operation{Action: "DescribeVpcs", Idempotent: true, Paging: core.OffsetLimit}

// DescribeVpcsInput selects VPCs; every field is optional, and a zero one
// is not sent.
type DescribeVpcsInput struct {
	// VpcIDs keeps these VPCs, at most 100 (example: vpc-azd4dt1c). It
	// cannot be given with Filters.
	VpcIDs []string `json:"VpcIds,omitempty"`
	// Filters keep the VPCs that match every filter (any of its Values):
	// vpc-name, is-default, vpc-id, cidr-block, tag-key, tag:<key>.
	Filters []Filter `json:"Filters,omitempty"`
	// Offset skips that many VPCs (example: 0).
	Offset uint64 `json:"Offset,omitempty,string"`
	// Limit is the page size, at most 100; 0 means the service's default,
	// 20 (example: 10).
	Limit uint64 `json:"Limit,omitempty,string"`
}

// Filter is one condition of a Describe action: Name, and the Values it
// may take.
type Filter struct {
	// Name is the filter's name (required; example: tag-key).
	Name string `json:"Name"`
	// Values are the values it matches (required; example: TagKeyA).
	Values []string `json:"Values"`
}

// DescribeVpcsOutput is one page of VPCs.
type DescribeVpcsOutput struct {
	// TotalCount is how many VPCs match, on every page.
	TotalCount uint64 `json:"TotalCount"`
	// VpcSet are the VPCs of this page.
	VpcSet []Vpc `json:"VpcSet"`
	// RequestID is the call's RequestId.
	RequestID string `json:"RequestId"`
}

// Vpc is a VPC as DescribeVpcs lists it. Its AssistantCidrSet (secondary
// blocks and their subnets) is not decoded yet.
type Vpc struct {
	// VpcName is its name (example: VPC-1).
	VpcName string `json:"VpcName"`
	// VpcID is its id (example: vpc-azd4dt1c).
	VpcID string `json:"VpcId"`
	// CidrBlock is its IPv4 block (example: 10.0.0.0/16).
	CidrBlock string `json:"CidrBlock"`
	// IsDefault says whether it is the region's default VPC.
	IsDefault bool `json:"IsDefault"`
	// EnableMulticast says whether multicast is on.
	EnableMulticast bool `json:"EnableMulticast"`
	// CreatedTime is when it was made, as the service writes it (example:
	// 2021-01-03 22:25:45, China Standard Time).
	CreatedTime string `json:"CreatedTime"`
	// DnsServerSet are its DNS servers (example: 8.8.8.8).
	DnsServerSet []string `json:"DnsServerSet"`
	// DomainName is its DHCP domain name.
	DomainName string `json:"DomainName"`
	// DhcpOptionsID is its DHCP options set (example: dopt-8g7k5qfq).
	DhcpOptionsID string `json:"DhcpOptionsId"`
	// EnableDhcp says whether DHCP is on.
	EnableDhcp bool `json:"EnableDhcp"`
	// Ipv6CidrBlock is its IPv6 block, if any (example: 3402:4e00:20:1200::/56).
	Ipv6CidrBlock string `json:"Ipv6CidrBlock"`
	// TagSet are its tags.
	TagSet []Tag `json:"TagSet"`
	// EnableRouteVpcPublish says whether its routes are published (IPv4).
	EnableRouteVpcPublish bool `json:"EnableRouteVpcPublish"`
	// EnableRouteVpcPublishIpv6 says the same for IPv6.
	EnableRouteVpcPublishIpv6 bool `json:"EnableRouteVpcPublishIpv6"`
	// Ipv6CidrBlockSet are its IPv6 blocks by ISP.
	Ipv6CidrBlockSet []ISPIPv6CidrBlock `json:"Ipv6CidrBlockSet"`
}

// Tag is a resource tag.
type Tag struct {
	// Key is the tag's key (required; example: tag-key).
	Key string `json:"Key"`
	// Value is its value (example: tag-value).
	Value string `json:"Value,omitempty"`
}

// ISPIPv6CidrBlock is an IPv6 block of one ISP.
type ISPIPv6CidrBlock struct {
	// IPv6CidrBlock is the block (example: 2402:4e00:1717:8200::/56).
	IPv6CidrBlock string `json:"IPv6CidrBlock"`
	// ISPType is the ISP (example: BGP).
	ISPType string `json:"ISPType"`
	// AddressType is the kind of address (example: GUA).
	AddressType string `json:"AddressType"`
}

// DescribeVpcs lists VPCs of the client's region, one page at a time
// ([Client.Vpcs] iterates over all of them). API 3.0 only. It may answer
// InternalError.ModuleError, InvalidParameter.Coexist,
// InvalidParameter.FilterInvalidKey, InvalidParameter.FilterNotDict,
// InvalidParameter.FilterValuesNotList, InvalidParameterValue.LimitExceeded,
// InvalidParameterValue.Malformed,
// InvalidParameterValue.NotUtf8EncodingError, InvalidParameterValue.Range,
// ResourceNotFound and UnsupportedOperation.
// https://console.cloud.tencent.com/api/explorer?Product=vpc&Version=2017-03-12&Action=DescribeVpcs
func (c *Client) DescribeVpcs(ctx context.Context, in *DescribeVpcsInput, opts ...common.CallOption) (*DescribeVpcsOutput, error) {
	return core.Call[DescribeVpcsOutput](ctx, c.core, &describeVpcsOp, in, opts...)
}

// Vpcs iterates over every VPC that in selects (nil for all), page after
// page from in.Offset on; it stops at the first error, which it yields with
// a zero Vpc, and on a page that lists a VPC again.
func (c *Client) Vpcs(ctx context.Context, in *DescribeVpcsInput) iter.Seq2[Vpc, error] {
	page := DescribeVpcsInput{}
	if in != nil {
		page = *in
	}
	return core.OffsetPages(ctx, c.core, &describeVpcsOp, page.Offset, func(ctx context.Context, offset uint64) ([]Vpc, uint64, error) {
		page.Offset = offset
		out, err := c.DescribeVpcs(ctx, &page)
		if err != nil {
			return nil, 0, err
		}
		return out.VpcSet, out.TotalCount, nil
	}, func(v Vpc) string { return v.VpcID })
}
