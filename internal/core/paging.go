package core

import (
	"context"
	"iter"
)

// OffsetPages iterates over the items of an Offset/Limit action op, page
// after page from offset on: page fetches the page at an offset and
// returns its items and the total count; key names an item, which must
// not come twice. It stops after the last page, at the first error (which
// it yields with a zero Item), when ctx ends, and on a page that the
// service cannot have meant (an item listed again, an empty page before
// the total), which is errors.ErrMalformedResponse: it never pages on
// forever.
func OffsetPages[Item any](ctx context.Context, c *Client, op *Operation, offset uint64,
	page func(ctx context.Context, offset uint64) ([]Item, uint64, error), key func(Item) string) iter.Seq2[Item, error] {
	return func(yield func(Item, error) bool) {
		var zero Item
		seen := map[string]bool{}
		for {
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			items, total, err := page(ctx, offset)
			if err == nil && len(items) == 0 && offset < total {
				err = c.Malformed(*op, "an empty page at offset %d of %d", offset, total)
			}
			for _, it := range items {
				if err != nil {
					break
				}
				if k := key(it); seen[k] {
					err = c.Malformed(*op, "%s listed again at offset %d: a repeated page", k, offset)
				} else {
					seen[k] = true
				}
			}
			if err != nil {
				yield(zero, err)
				return
			}
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			offset += uint64(len(items))
			if len(items) == 0 || offset >= total {
				return
			}
		}
	}
}
