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
		seen := map[string]bool{}
		for {
			items, total, err := fetch(ctx, func(ctx context.Context) ([]Item, uint64, error) { return page(ctx, offset) })
			if err == nil && len(items) == 0 && offset < total {
				err = c.Malformed(*op, "an empty page at offset %d of %d", offset, total)
			}
			if err == nil {
				err = repeated(c, op, items, key, seen, "at offset "+strconv.FormatUint(offset, 10))
			}
			if !yieldPage(items, err, yield) {
				return
			}
			offset += uint64(len(items))
			if len(items) == 0 || offset >= total {
				return
			}
		}
	}
}

// TokenPages iterates over the items of a NextToken action op, page after
// page from token on ("" for the first page): page fetches the page a
// token names and returns its items and the next page's token, "" after
// the last page; key, when set, names an item, which must not come twice.
// It stops after the last page, at the first error (which it yields with
// a zero Item), when ctx ends, and on a page that the service cannot have
// meant (an item listed again, a token given again), which is
// errors.ErrMalformedResponse: it never pages on forever.
func TokenPages[Item any](ctx context.Context, c *Client, op *Operation, token string,
	page func(ctx context.Context, token string) ([]Item, string, error), key func(Item) string) iter.Seq2[Item, error] {
	return func(yield func(Item, error) bool) {
		seen, tokens := map[string]bool{}, map[string]bool{token: true}
		for {
			items, next, err := fetch(ctx, func(ctx context.Context) ([]Item, string, error) { return page(ctx, token) })
			if err == nil && tokens[next] && next != "" {
				err = c.Malformed(*op, "a NextToken given again: a repeated page")
			}
			if err == nil {
				err = repeated(c, op, items, key, seen, "after "+strconv.Itoa(len(tokens))+" pages")
			}
			if !yieldPage(items, err, yield) || next == "" {
				return
			}
			tokens[next], token = true, next
		}
	}
}

// fetch gets a page, unless ctx has ended.
func fetch[Item, Next any](ctx context.Context, page func(context.Context) ([]Item, Next, error)) ([]Item, Next, error) {
	if err := ctx.Err(); err != nil {
		var zero Next
		return nil, zero, err
	}
	return page(ctx)
}

// repeated is a Malformed error when key names an item of items that seen
// holds, and records the others in seen.
func repeated[Item any](c *Client, op *Operation, items []Item, key func(Item) string, seen map[string]bool, where string) error {
	if key == nil {
		return nil
	}
	for _, it := range items {
		k := key(it)
		if seen[k] {
			return c.Malformed(*op, "%s listed again %s: a repeated page", k, where)
		}
		seen[k] = true
	}
	return nil
}

// yieldPage yields err with a zero Item when it is set, else the items; it
// reports whether the iteration goes on.
func yieldPage[Item any](items []Item, err error, yield func(Item, error) bool) bool {
	if err != nil {
		var zero Item
		yield(zero, err)
		return false
	}
	for _, it := range items {
		if !yield(it, nil) {
			return false
		}
	}
	return true
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

// TokenValue is a NextToken member set to token, or unset for "" (the
// first page).
func TokenValue(token string) common.Value[string] {
	if token == "" {
		return common.Value[string]{}
	}
	return common.Some(token)
}
