package vpc

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
	"github.com/qcloudkit/qcloud-sdk-go/internal/wire"
)

// The largest pages of DescribeVpcClassicLink: 50 under API 2.0, 100 under
// API 3.0 (DescribeClassicLinkInstances).
const (
	MaxDescribeLimit  = 50
	MaxDescribeLimit3 = 100
)

// Order directions of DescribeVpcClassicLink, by createTime (API 2.0 only).
const (
	OrderAsc  = "asc"
	OrderDesc = "desc"
)

// DescribeVpcClassicLinkInput filters and pages the list of links. Every
// field is optional. Under API 3.0, which cannot express ClassicLinkID,
// OrderField and OrderDirection, setting them is a ValidationError, never
// silently dropped.
type DescribeVpcClassicLinkInput struct {
	// VpcID keeps the links of one VPC (unified id, or under API 2.0 also
	// the old one); the vpc-id filter under API 3.0.
	VpcID string
	// ClassicLinkID keeps one link (vcx-opgnzgo9). API 2.0 only.
	ClassicLinkID string
	// LanIP keeps the link of the instance with this private IP; the vm-ip
	// filter under API 3.0.
	LanIP string
	// Offset skips that many links (default 0).
	Offset int
	// Limit is the page size, 1 to MaxDescribeLimit (API 2.0) or
	// MaxDescribeLimit3 (API 3.0); 0 means the service's default, 20.
	Limit int
	// OrderField may only be "createTime" (or empty). API 2.0 only.
	OrderField string
	// OrderDirection is OrderAsc or OrderDesc (the service's default). API
	// 2.0 only.
	OrderDirection string
}

// ClassicLink is one classic-network instance linked to a VPC. API 3.0
// gives only VpcID and InstanceID; the other fields are zero under it.
type ClassicLink struct {
	// ClassicLinkID is the link's id, such as vcx-opgnzgo9 (API 2.0 only).
	ClassicLinkID string
	// VpcID is the unified VPC id (unVpcId or uniqVpcId under 2.0, VpcId under 3.0).
	VpcID string
	// LegacyVpcID is the old VPC id (vpcId on the wire), such as gz_vpc_15
	// (API 2.0 only).
	LegacyVpcID string
	// InstanceID is the classic instance's id.
	InstanceID string
	// InstanceName and LanIP describe the classic instance (API 2.0 only).
	InstanceName, LanIP string
	// CreateTime is when the link was made, parsed in China Standard Time
	// (API 2.0 only).
	CreateTime time.Time
}

// DescribeVpcClassicLinkOutput is one page of links.
type DescribeVpcClassicLinkOutput struct {
	// TotalCount is the number of links that match, over all pages.
	TotalCount int
	// ClassicLinks is this page.
	ClassicLinks []ClassicLink
	// CodeDesc and Message are the API 2.0 response's own.
	CodeDesc, Message string
	// RequestID is the API 3.0 RequestId ("" under API 2.0).
	RequestID string
}

var describeOp = core.Operation{Action: "DescribeVpcClassicLink", Action3: "DescribeClassicLinkInstances", Idempotent: true}

// describeParams3 are DescribeClassicLinkInstances' parameters; Offset and
// Limit are strings on the wire.
type describeParams3 struct {
	Filters []Filter `json:"Filters,omitempty"`
	Offset  string   `json:"Offset,omitempty"`
	Limit   string   `json:"Limit,omitempty"`
}

type describeResponse3 struct {
	wire.Envelope3
	TotalCount             *int `json:"TotalCount"`
	ClassicLinkInstanceSet []struct {
		VpcID      string `json:"VpcId"`
		InstanceID string `json:"InstanceId"`
	} `json:"ClassicLinkInstanceSet"`
}

// validateDescribe checks what every protocol can send; each protocol's
// mapping refuses what it cannot express.
func validateDescribe(in *DescribeVpcClassicLinkInput) error {
	if in.VpcID != "" {
		if err := checkID("VpcID", in.VpcID); err != nil {
			return err
		}
	}
	if in.ClassicLinkID != "" {
		if err := checkID("ClassicLinkID", in.ClassicLinkID); err != nil {
			return err
		}
	}
	if in.LanIP != "" {
		if err := checkLanIP(in.LanIP); err != nil {
			return err
		}
	}
	switch {
	case in.Offset < 0:
		return core.Invalid("Offset", "%d must not be negative", in.Offset)
	case in.Limit < 0:
		return core.Invalid("Limit", "%d: want 1 or more, or 0 for the default", in.Limit)
	case in.OrderField != "" && in.OrderField != "createTime":
		return core.Invalid("OrderField", "%q: only createTime is supported", in.OrderField)
	case in.OrderDirection != "" && in.OrderDirection != OrderAsc && in.OrderDirection != OrderDesc:
		return core.Invalid("OrderDirection", "%q: want asc or desc", in.OrderDirection)
	}
	return nil
}

// checkLimit refuses a page larger than a protocol's largest.
func checkLimit(limit, largest int) error {
	if limit > largest {
		return core.Invalid("Limit", "%d: want 1 to %d, or 0 for the default", limit, largest)
	}
	return nil
}

// describeBinding is DescribeVpcClassicLink on both protocols.
var describeBinding = core.Binding[DescribeVpcClassicLinkInput, DescribeVpcClassicLinkOutput]{Op: &describeOp, API3: &describe3, API2: &describe2}

// describe3 maps DescribeVpcClassicLink onto DescribeClassicLinkInstances:
// VpcID is the vpc-id filter, LanIP the vm-ip filter; it has no link id
// and no ordering, which are refused, never silently dropped.
var describe3 = core.Mapping[DescribeVpcClassicLinkInput, DescribeVpcClassicLinkOutput]{
	Params: func(in *DescribeVpcClassicLinkInput) (any, error) {
		switch {
		case in.VpcID != "" && !strings.HasPrefix(in.VpcID, "vpc-"):
			return nil, core.Invalid("VpcID", "%q: API 3.0 takes only the unified id (vpc-xxxxxxxx); DescribeVpcs maps an old id to it", in.VpcID)
		case in.ClassicLinkID != "":
			return nil, core.Invalid("ClassicLinkID", "API 3.0 (DescribeClassicLinkInstances) cannot filter by link id; filter by VpcID or LanIP")
		case in.OrderField != "" || in.OrderDirection != "":
			return nil, core.Invalid("OrderField", "API 3.0 (DescribeClassicLinkInstances) has no ordering; leave OrderField and OrderDirection empty")
		}
		if err := checkLimit(in.Limit, MaxDescribeLimit3); err != nil {
			return nil, err
		}
		var p describeParams3
		if in.VpcID != "" {
			p.Filters = append(p.Filters, Filter{Name: "vpc-id", Values: []string{in.VpcID}})
		}
		if in.LanIP != "" {
			p.Filters = append(p.Filters, Filter{Name: "vm-ip", Values: []string{in.LanIP}})
		}
		if in.Offset != 0 {
			p.Offset = strconv.Itoa(in.Offset)
		}
		if in.Limit != 0 {
			p.Limit = strconv.Itoa(in.Limit)
		}
		return p, nil
	},
	Result: func() any { return new(describeResponse3) },
	Output: func(c *core.Client, _ *DescribeVpcClassicLinkInput, result any, env core.Envelope) (*DescribeVpcClassicLinkOutput, error) {
		resp := result.(*describeResponse3)
		switch {
		case resp.TotalCount == nil:
			return nil, c.Malformed(describeOp, "no TotalCount")
		case *resp.TotalCount < 0 || *resp.TotalCount < len(resp.ClassicLinkInstanceSet):
			return nil, c.Malformed(describeOp, "TotalCount %d with %d links on the page", *resp.TotalCount, len(resp.ClassicLinkInstanceSet))
		}
		out := &DescribeVpcClassicLinkOutput{TotalCount: *resp.TotalCount, RequestID: env.RequestID,
			ClassicLinks: make([]ClassicLink, len(resp.ClassicLinkInstanceSet))}
		for i, l := range resp.ClassicLinkInstanceSet {
			out.ClassicLinks[i] = ClassicLink{VpcID: l.VpcID, InstanceID: l.InstanceID}
		}
		return out, nil
	},
	ForPaging: func(in *DescribeVpcClassicLinkInput) {
		if in.Limit == 0 {
			in.Limit = MaxDescribeLimit3
		}
	},
}

// DescribeVpcClassicLink returns one page of links. [Client.ClassicLinks]
// iterates over all pages.
func (c *Client) DescribeVpcClassicLink(ctx context.Context, in *DescribeVpcClassicLinkInput, opts ...common.CallOption) (*DescribeVpcClassicLinkOutput, error) {
	if in == nil {
		in = &DescribeVpcClassicLinkInput{}
	}
	if err := validateDescribe(in); err != nil {
		return nil, err
	}
	return core.Invoke(ctx, c.core, &describeBinding, in, opts...)
}
