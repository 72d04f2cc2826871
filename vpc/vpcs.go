package vpc

import (
	"context"
	"iter"
	"strconv"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
)

// Vpcs iterates over every VPC that in selects (nil for all), page after
// page from in.Offset on; it stops at the first error, which it yields with
// a zero Vpc, and on a page that lists a VPC again.
func (c *Client) Vpcs(ctx context.Context, in *DescribeVpcsInput) iter.Seq2[Vpc, error] {
	page := DescribeVpcsInput{}
	if in != nil {
		page = *in
	}
	var start uint64
	if s, ok := page.Offset.Get(); ok {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			return func(yield func(Vpc, error) bool) {
				yield(Vpc{}, core.Invalid("Offset", "%q: want a number of VPCs to skip", s))
			}
		}
		start = n
	}
	return core.OffsetPages(ctx, c.core, &opDescribeVpcs, start, func(ctx context.Context, offset uint64) ([]Vpc, uint64, error) {
		page.Offset = common.Some(strconv.FormatUint(offset, 10))
		out, err := c.DescribeVpcs(ctx, &page)
		if err != nil {
			return nil, 0, err
		}
		return out.VpcSet, out.TotalCount, nil
	}, func(v Vpc) string { return v.VpcID })
}
