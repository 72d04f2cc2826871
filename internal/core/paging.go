package core

import (
	"context"
	"iter"
	"strconv"

	"github.com/qcloudkit/qcloud-sdk-go/common"
)

// OffsetPages iterates over the items of an Offset/Limit action op, page
// after page from offset on: page fetches the page at an offset and
// returns its items and the total count; key, when set, names an item,
// which must not come twice. It stops after the last page, at the first error (which
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
				if err != nil || key == nil {
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

// Offset is the type of an Offset or Limit member: a number, or a number
// written as a string (12 VPC actions).
type Offset interface{ string | int64 | uint64 }

// OffsetOf reads the Offset an iteration starts from: 0 when unset.
func OffsetOf[T Offset](v common.Value[T]) (uint64, error) {
	x, ok := v.Get()
	if !ok {
		return 0, nil
	}
	switch x := any(x).(type) {
	case string:
		n, err := strconv.ParseUint(x, 10, 64)
		if err != nil {
			return 0, Invalid("Offset", "%q: want a number of items to skip", x)
		}
		return n, nil
	case int64:
		if x < 0 {
			return 0, Invalid("Offset", "%d must not be negative", x)
		}
		return uint64(x), nil
	case uint64:
		return x, nil
	}
	return 0, nil // no other type satisfies Offset
}

// OffsetValue is offset n as the member's type.
func OffsetValue[T Offset](n uint64) common.Value[T] {
	var v T
	switch p := any(&v).(type) {
	case *string:
		*p = strconv.FormatUint(n, 10)
	case *int64:
		*p = int64(n)
	case *uint64:
		*p = n
	}
	return common.Some(v)
}
