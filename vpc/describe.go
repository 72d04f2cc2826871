package vpc

import (
	"cmp"
	"context"
	"strconv"
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

// createTimeLocation is the zone of the service's createTime strings:
// China Standard Time (UTC+8), where the v2 API keeps its clocks.
var createTimeLocation = time.FixedZone("CST", 8*60*60)

const createTimeLayout = "2006-01-02 15:04:05"

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

type describeParams struct {
	VpcID          string `url:"vpcId,omitempty"`
	ClassicLinkID  string `url:"classicLinkId,omitempty"`
	LanIP          string `url:"lanIp,omitempty"`
	Offset         int    `url:"offset,omitempty"`
	Limit          int    `url:"limit,omitempty"`
	OrderField     string `url:"orderField,omitempty"`
	OrderDirection string `url:"orderDirection,omitempty"`
}

// filter3 is an API 3.0 filter: AND across filters, OR within Values.
type filter3 struct {
	Name   string   `json:"Name"`
	Values []string `json:"Values"`
}

// describeParams3 are DescribeClassicLinkInstances' parameters; Offset and
// Limit are strings on the wire.
type describeParams3 struct {
	Filters []filter3 `json:"Filters,omitempty"`
	Offset  string    `json:"Offset,omitempty"`
	Limit   string    `json:"Limit,omitempty"`
}

type describeResponse struct {
	wire.Envelope2
	TotalCount wire.Int `json:"totalCount"`
	Data       []struct {
		ClassicLinkID string `json:"classicLinkId"`
		UnVpcID       string `json:"unVpcId"`
		UniqVpcID     string `json:"uniqVpcId"`
		VpcID         string `json:"vpcId"`
		InstanceID    string `json:"instanceId"`
		InstanceName  string `json:"instanceName"`
		LanIP         string `json:"lanIp"`
		CreateTime    string `json:"createTime"`
	} `json:"data"`
}

type describeResponse3 struct {
	wire.Envelope3
	TotalCount             *int `json:"TotalCount"`
	ClassicLinkInstanceSet []struct {
		VpcID      string `json:"VpcId"`
		InstanceID string `json:"InstanceId"`
	} `json:"ClassicLinkInstanceSet"`
}

func (c *Client) validateDescribe(in *DescribeVpcClassicLinkInput) error {
	api3 := c.api3()
	if in.VpcID != "" {
		if err := c.checkVpcID(in.VpcID); err != nil {
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
	limit := MaxDescribeLimit
	if api3 {
		limit = MaxDescribeLimit3
	}
	switch {
	case in.Offset < 0:
		return core.Invalid("Offset", "%d must not be negative", in.Offset)
	case in.Limit < 0 || in.Limit > limit:
		return core.Invalid("Limit", "%d: want 1 to %d, or 0 for the default", in.Limit, limit)
	case api3 && in.ClassicLinkID != "":
		return core.Invalid("ClassicLinkID", "API 3.0 (DescribeClassicLinkInstances) cannot filter by link id; filter by VpcID or LanIP")
	case api3 && (in.OrderField != "" || in.OrderDirection != ""):
		return core.Invalid("OrderField", "API 3.0 (DescribeClassicLinkInstances) has no ordering; leave OrderField and OrderDirection empty")
	case in.OrderField != "" && in.OrderField != "createTime":
		return core.Invalid("OrderField", "%q: only createTime is supported", in.OrderField)
	case in.OrderDirection != "" && in.OrderDirection != OrderAsc && in.OrderDirection != OrderDesc:
		return core.Invalid("OrderDirection", "%q: want asc or desc", in.OrderDirection)
	}
	return nil
}

// params3 maps in onto DescribeClassicLinkInstances: VpcID is the vpc-id
// filter, LanIP the vm-ip filter.
func (in *DescribeVpcClassicLinkInput) params3() describeParams3 {
	var p describeParams3
	if in.VpcID != "" {
		p.Filters = append(p.Filters, filter3{Name: "vpc-id", Values: []string{in.VpcID}})
	}
	if in.LanIP != "" {
		p.Filters = append(p.Filters, filter3{Name: "vm-ip", Values: []string{in.LanIP}})
	}
	if in.Offset != 0 {
		p.Offset = strconv.Itoa(in.Offset)
	}
	if in.Limit != 0 {
		p.Limit = strconv.Itoa(in.Limit)
	}
	return p
}

// DescribeVpcClassicLink returns one page of links. [Client.ClassicLinks]
// iterates over all pages.
func (c *Client) DescribeVpcClassicLink(ctx context.Context, in *DescribeVpcClassicLinkInput, opts ...common.CallOption) (*DescribeVpcClassicLinkOutput, error) {
	if in == nil {
		in = &DescribeVpcClassicLinkInput{}
	}
	if err := c.validateDescribe(in); err != nil {
		return nil, err
	}
	var resp describeResponse
	var resp3 describeResponse3
	req := core.Request{Op: describeOp, Options: opts}
	if c.api3() {
		req.Params3, req.Result3 = in.params3(), &resp3
	} else {
		req.Params2, req.Result2 = describeParams(*in), &resp
	}
	env, err := c.core.Do(ctx, &req)
	if err != nil {
		return nil, err
	}
	if c.api3() {
		return c.describeOutput3(resp3, env)
	}
	switch {
	case !resp.TotalCount.Valid:
		return nil, c.core.Malformed(describeOp, "no totalCount")
	case resp.TotalCount.N < int64(len(resp.Data)):
		return nil, c.core.Malformed(describeOp, "totalCount %d with %d links on the page", resp.TotalCount.N, len(resp.Data))
	}
	out := &DescribeVpcClassicLinkOutput{
		TotalCount: int(resp.TotalCount.N), CodeDesc: env.CodeDesc, Message: env.Message,
		ClassicLinks: make([]ClassicLink, len(resp.Data)),
	}
	for i, d := range resp.Data {
		created, err := parseCreateTime(d.CreateTime)
		if err != nil {
			return nil, c.core.Malformed(describeOp, "link %s: %v", d.ClassicLinkID, err)
		}
		out.ClassicLinks[i] = ClassicLink{
			ClassicLinkID: d.ClassicLinkID, VpcID: cmp.Or(d.UnVpcID, d.UniqVpcID), LegacyVpcID: d.VpcID,
			InstanceID: d.InstanceID, InstanceName: d.InstanceName, LanIP: d.LanIP, CreateTime: created,
		}
	}
	return out, nil
}

func (c *Client) describeOutput3(resp describeResponse3, env core.Envelope) (*DescribeVpcClassicLinkOutput, error) {
	switch {
	case resp.TotalCount == nil:
		return nil, c.core.Malformed(describeOp, "no TotalCount")
	case *resp.TotalCount < 0 || *resp.TotalCount < len(resp.ClassicLinkInstanceSet):
		return nil, c.core.Malformed(describeOp, "TotalCount %d with %d links on the page", *resp.TotalCount, len(resp.ClassicLinkInstanceSet))
	}
	out := &DescribeVpcClassicLinkOutput{TotalCount: *resp.TotalCount, RequestID: env.RequestID,
		ClassicLinks: make([]ClassicLink, len(resp.ClassicLinkInstanceSet))}
	for i, l := range resp.ClassicLinkInstanceSet {
		out.ClassicLinks[i] = ClassicLink{VpcID: l.VpcID, InstanceID: l.InstanceID}
	}
	return out, nil
}

func parseCreateTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.ParseInLocation(createTimeLayout, s, createTimeLocation)
}
