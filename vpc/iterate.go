package vpc

import (
	"context"
	"iter"
)

// ClassicLinks iterates over every link that matches in (nil for all),
// fetching pages of in.Limit links (when 0, the protocol's largest page:
// MaxDescribeLimit or MaxDescribeLimit3) lazily, from in.Offset on. It stops
// at the first error, which it yields with a zero ClassicLink, and when ctx
// ends. Under API 2.0, without an OrderDirection, it lists in ascending
// createTime, so that links made while it runs do not shift the pages still
// to come; API 3.0 has no ordering. A link removed while it runs can make
// it skip one, as offset paging is all the API offers.
//
//	for link, err := range client.ClassicLinks(ctx, nil) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(link.InstanceID, link.VpcID)
//	}
func (c *Client) ClassicLinks(ctx context.Context, in *DescribeVpcClassicLinkInput) iter.Seq2[ClassicLink, error] {
	page := DescribeVpcClassicLinkInput{}
	if in != nil {
		page = *in
	}
	api3 := c.api3()
	if page.Limit == 0 {
		page.Limit = MaxDescribeLimit
		if api3 {
			page.Limit = MaxDescribeLimit3
		}
	}
	if page.OrderDirection == "" && !api3 { // API 3.0 has no ordering
		page.OrderDirection = OrderAsc
	}
	return func(yield func(ClassicLink, error) bool) {
		for {
			if err := ctx.Err(); err != nil {
				yield(ClassicLink{}, err)
				return
			}
			out, err := c.DescribeVpcClassicLink(ctx, &page)
			if err != nil {
				yield(ClassicLink{}, err)
				return
			}
			for _, l := range out.ClassicLinks {
				if !yield(l, nil) {
					return
				}
			}
			page.Offset += len(out.ClassicLinks)
			if len(out.ClassicLinks) == 0 || page.Offset >= out.TotalCount {
				return
			}
		}
	}
}
