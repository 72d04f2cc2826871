package vpc

import (
	"context"
	"iter"

	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
)

// ClassicLinks iterates over every link that matches in (nil for all),
// fetching pages of in.Limit links (when 0, the protocol's largest page:
// MaxDescribeLimit or MaxDescribeLimit3) lazily, from in.Offset on. It stops
// at the first error, which it yields with a zero ClassicLink, and when ctx
// ends. Under API 2.0, without an OrderDirection, it lists in ascending
// createTime, so that links made while it runs do not shift the pages still
// to come; API 3.0 has no ordering. A link removed while it runs can make
// it skip one, as offset paging is all the API offers. A page that lists an
// instance again (an instance links to one VPC only, so a link shows once)
// or a count that one VPC cannot hold (more than MaxLinksPerVPC) is
// errors.ErrMalformedResponse: the iterator never pages on forever.
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
	core.ForPaging(c.core, &describeBinding, &page)
	return func(yield func(ClassicLink, error) bool) {
		seen := map[string]bool{} // instance ids listed so far
		for {
			if err := ctx.Err(); err != nil {
				yield(ClassicLink{}, err)
				return
			}
			out, err := c.DescribeVpcClassicLink(ctx, &page)
			if err == nil {
				err = c.checkPage(&page, out, seen)
			}
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

// checkPage refuses a page that the service cannot have meant: one that
// lists an instance listed before (a repeated page), or, for one VPC, a
// count above what a VPC holds. seen collects the page's instances.
func (c *Client) checkPage(in *DescribeVpcClassicLinkInput, out *DescribeVpcClassicLinkOutput, seen map[string]bool) error {
	if in.VpcID != "" && out.TotalCount > MaxLinksPerVPC {
		return c.core.Malformed(describeOp, "%d links in VPC %s, which holds at most %d", out.TotalCount, in.VpcID, MaxLinksPerVPC)
	}
	for _, l := range out.ClassicLinks {
		if seen[l.InstanceID] {
			return c.core.Malformed(describeOp, "instance %s listed again at offset %d: a repeated page", l.InstanceID, in.Offset)
		}
		seen[l.InstanceID] = true
	}
	return nil
}
