package vpctest

import (
	"net/url"
	"slices"
	"strings"

	"github.com/qcloudkit/qcloud-sdk-go/internal/fake"
)

// maxVpcIDs bounds the VpcIds of one DescribeVpcs.
const maxVpcIDs = 100

// describeVpcs3 answers DescribeVpcs (API 3.0 only): the VPCs of region,
// oldest first, selected by VpcIds or by Filters (vpc-id, vpc-name as a
// substring, cidr-block, is-default; AND across filters, OR within
// values), never both; Offset and Limit as strings, Limit at most 100.
// The caller holds s.mu.
func (s *Server) describeVpcs3(p url.Values, region string) (map[string]any, *fake.Error) {
	offset, limit, e := fake.Page(p, defaultDescribeLimit, 100)
	if e != nil {
		return nil, e
	}
	ids := fake.List(p, "VpcIds")
	filters, e := fake.Filters(p, "InvalidParameter.FilterInvalidKey", "vpc-id", "vpc-name", "cidr-block", "is-default")
	switch {
	case e != nil:
		return nil, e
	case len(ids) > 0 && len(filters) > 0:
		return nil, &fake.Error{Code3: "InvalidParameter.Coexist", Message: "VpcIds and Filters cannot be given together"}
	case len(ids) > maxVpcIDs:
		return nil, &fake.Error{Code3: "InvalidParameterValue.LimitExceeded", Message: "at most 100 VpcIds"}
	}
	for _, id := range ids {
		if !vpcIDPattern.MatchString(id) {
			return nil, &fake.Error{Code3: "InvalidParameterValue.Malformed", Message: "VpcIds: " + id + " is not a VPC id"}
		}
	}
	var found []*VPC
	for _, v := range s.vpcs {
		if v.Region == region && (len(ids) == 0 || slices.Contains(ids, v.ID)) && vpcMatches(v, filters) {
			found = append(found, v)
		}
	}
	page := found[min(offset, len(found)):min(offset+limit, len(found))]
	set := make([]map[string]any, len(page))
	for i, v := range page {
		set[i] = map[string]any{
			"VpcId": v.ID, "VpcName": v.Name, "CidrBlock": v.CIDR, "IsDefault": false, "EnableMulticast": false,
			"CreatedTime": v.created.In(chinaStandardTime).Format(createTimeLayout), "DnsServerSet": []string{"183.60.83.19", "183.60.82.98"},
			"DomainName": "", "DhcpOptionsId": "", "EnableDhcp": true, "Ipv6CidrBlock": "", "TagSet": []any{},
			"AssistantCidrSet": []any{}, "EnableRouteVpcPublish": false, "EnableRouteVpcPublishIpv6": false, "Ipv6CidrBlockSet": []any{},
		}
	}
	return map[string]any{"TotalCount": len(found), "VpcSet": set}, nil
}

// vpcMatches reports whether v passes every filter.
func vpcMatches(v *VPC, filters map[string][]string) bool {
	for name, values := range filters {
		ok := slices.ContainsFunc(values, func(x string) bool {
			switch name {
			case "vpc-id":
				return x == v.ID
			case "vpc-name":
				return strings.Contains(v.Name, x)
			case "cidr-block":
				return x == v.CIDR
			}
			return x == "false" // is-default: the fake has no default VPC
		})
		if !ok {
			return false
		}
	}
	return true
}
