package vpc

import (
	"cmp"
	"context"
	"time"

	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
	"github.com/qcloudkit/qcloud-sdk-go/internal/wire"
)

// MaxDescribeLimit is the largest page DescribeVpcClassicLink returns.
const MaxDescribeLimit = 50

// Order directions of DescribeVpcClassicLink, by createTime.
const (
	OrderAsc  = "asc"
	OrderDesc = "desc"
)

// CreateTimeLocation is the zone of the service's createTime strings:
// China Standard Time (UTC+8), where the v2 API keeps its clocks.
var CreateTimeLocation = time.FixedZone("CST", 8*60*60)

const createTimeLayout = "2006-01-02 15:04:05"

// DescribeVpcClassicLinkInput filters and pages the list of links. Every
// field is optional.
type DescribeVpcClassicLinkInput struct {
	// VpcID keeps the links of one VPC (unified or old id).
	VpcID string
	// ClassicLinkID keeps one link (vcx-opgnzgo9).
	ClassicLinkID string
	// LanIP keeps the link of the instance with this private IP.
	LanIP string
	// Offset skips that many links (default 0).
	Offset int
	// Limit is the page size, 1 to MaxDescribeLimit; 0 means the service's default, 20.
	Limit int
	// OrderField may only be "createTime" (or empty).
	OrderField string
	// OrderDirection is OrderAsc or OrderDesc (the service's default).
	OrderDirection string
}

// ClassicLink is one classic-network instance linked to a VPC.
type ClassicLink struct {
	// ClassicLinkID is the link's id, such as vcx-opgnzgo9.
	ClassicLinkID string
	// VpcID is the unified VPC id (unVpcId or uniqVpcId on the wire).
	VpcID string
	// LegacyVpcID is the old VPC id (vpcId on the wire), such as gz_vpc_15.
	LegacyVpcID string
	// InstanceID, InstanceName and LanIP describe the classic instance.
	InstanceID, InstanceName, LanIP string
	// CreateTime is when the link was made, parsed in CreateTimeLocation.
	CreateTime time.Time
}

// DescribeVpcClassicLinkOutput is one page of links.
type DescribeVpcClassicLinkOutput struct {
	// TotalCount is the number of links that match, over all pages.
	TotalCount int
	// ClassicLinks is this page.
	ClassicLinks []ClassicLink
	// CodeDesc and Message are the response's own.
	CodeDesc, Message string
}

var describeOp = core.Operation{Action: "DescribeVpcClassicLink", Idempotent: true}

type describeParams struct {
	VpcID          string `url:"vpcId,omitempty"`
	ClassicLinkID  string `url:"classicLinkId,omitempty"`
	LanIP          string `url:"lanIp,omitempty"`
	Offset         int    `url:"offset,omitempty"`
	Limit          int    `url:"limit,omitempty"`
	OrderField     string `url:"orderField,omitempty"`
	OrderDirection string `url:"orderDirection,omitempty"`
}

type describeResponse struct {
	TotalCount *wire.Int `json:"totalCount"`
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

func (in *DescribeVpcClassicLinkInput) validate() error {
	for _, f := range []struct{ name, v string }{{"VpcID", in.VpcID}, {"ClassicLinkID", in.ClassicLinkID}} {
		if f.v != "" {
			if err := checkID(f.name, f.v); err != nil {
				return err
			}
		}
	}
	if in.LanIP != "" {
		if err := checkLanIP(in.LanIP); err != nil {
			return err
		}
	}
	switch {
	case in.Offset < 0:
		return qerrors.Invalid("Offset", "%d must not be negative", in.Offset)
	case in.Limit < 0 || in.Limit > MaxDescribeLimit:
		return qerrors.Invalid("Limit", "%d: want 1 to %d, or 0 for the default", in.Limit, MaxDescribeLimit)
	case in.OrderField != "" && in.OrderField != "createTime":
		return qerrors.Invalid("OrderField", "%q: only createTime is supported", in.OrderField)
	case in.OrderDirection != "" && in.OrderDirection != OrderAsc && in.OrderDirection != OrderDesc:
		return qerrors.Invalid("OrderDirection", "%q: want asc or desc", in.OrderDirection)
	}
	return nil
}

// DescribeVpcClassicLink returns one page of links. [Client.ClassicLinks]
// iterates over all pages.
func (c *Client) DescribeVpcClassicLink(ctx context.Context, in *DescribeVpcClassicLinkInput) (*DescribeVpcClassicLinkOutput, error) {
	if in == nil {
		in = &DescribeVpcClassicLinkInput{}
	}
	if err := in.validate(); err != nil {
		return nil, err
	}
	var resp describeResponse
	env, err := c.core.Do(ctx, &core.Request{Op: describeOp, Params2: describeParams(*in), Result2: &resp})
	if err != nil {
		return nil, err
	}
	switch {
	case resp.TotalCount == nil:
		return nil, c.core.Malformed(describeOp, "no totalCount")
	case *resp.TotalCount < 0 || *resp.TotalCount < wire.Int(len(resp.Data)):
		return nil, c.core.Malformed(describeOp, "totalCount %d with %d links on the page", *resp.TotalCount, len(resp.Data))
	}
	out := &DescribeVpcClassicLinkOutput{
		TotalCount: int(*resp.TotalCount), CodeDesc: env.CodeDesc, Message: env.Message,
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

func parseCreateTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.ParseInLocation(createTimeLayout, s, CreateTimeLocation)
}
