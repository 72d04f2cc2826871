package core

import (
	"context"
	"strconv"

	"github.com/qcloudkit/qcloud-sdk-go/common"
)

// Walk follows the pages of one iteration, apart from the item type, so
// that an iterator adds only its own short loop to a program:
//
//	w := core.WalkOffsets(c, &op, page.Offset)
//	for w.Next(ctx) {
//		page.Offset = core.OffsetValue[int64](w.Offset())
//		out, err := call(ctx, &page)
//		if err != nil {
//			w.Fail(err)
//			break
//		}
//		if !w.OffsetPage(len(out.Items), uint64(out.TotalCount), key) {
//			break
//		}
//		// yield out.Items
//	}
//	// yield w.Err(), if any
//
// A walk ends after the last page, at the first error, when ctx ends, and
// on a page that the service cannot have meant (an item listed again, an
// empty page before the total, a NextToken given again), which is
// errors.ErrMalformedResponse. A server that makes up new items with a
// total ever larger, or new tokens and items, forever is bounded only by
// ctx.
type Walk struct {
	c      *Client
	op     *Operation
	offset uint64
	token  string
	pages  int
	seen   map[string]bool // the items' names so far
	tokens map[string]bool // the NextTokens so far
	done   bool
	err    error
}

// WalkOffsets starts a walk of the Offset/Limit action op from offset
// (unset: 0); an offset that is not a number of items ends it at once.
func WalkOffsets[T Offset](c *Client, op *Operation, offset common.Value[T]) Walk {
	n, err := offsetOf(offset)
	return Walk{c: c, op: op, offset: n, err: err}
}

// WalkTokens starts a walk of the NextToken action op from token (unset:
// the first page).
func WalkTokens(c *Client, op *Operation, token common.Value[string]) Walk {
	t, _ := token.Get()
	return Walk{c: c, op: op, token: t}
}

// Next reports whether there is a page to fetch, at Offset or Token.
func (w *Walk) Next(ctx context.Context) bool {
	if w.err == nil && !w.done {
		w.err = ctx.Err()
	}
	return w.err == nil && !w.done
}

// Offset is the offset of the page to fetch.
func (w *Walk) Offset() uint64 { return w.offset }

// Token is the NextToken of the page to fetch ("" for the first).
func (w *Walk) Token() string { return w.token }

// Fail ends the walk with err, the error of fetching a page.
func (w *Walk) Fail(err error) { w.err = err }

// Err is the error that ended the walk, nil after the last page.
func (w *Walk) Err() error { return w.err }

// OffsetPage takes in the page just fetched at Offset: n items of total.
// key names item i (nil: items have no name of their own). It reports
// whether the page's items may be yielded; if not, Err says why.
func (w *Walk) OffsetPage(n int, total uint64, key func(int) string) bool {
	switch k, again := w.repeated(n, key); {
	case n == 0 && w.offset < total:
		w.err = w.c.Malformed(*w.op, "an empty page at offset %d of %d", w.offset, total)
	case again:
		w.err = w.c.Malformed(*w.op, "%s listed again at offset %d: a repeated page", k, w.offset)
	default:
		w.offset += uint64(n)
		w.done = n == 0 || w.offset >= total
	}
	return w.err == nil
}

// TokenPage takes in the page just fetched at Token: n items, and the
// next page's token ("" after the last page). key names item i (nil: items
// have no name of their own). It reports whether the page's items may be
// yielded; if not, Err says why.
func (w *Walk) TokenPage(n int, next string, key func(int) string) bool {
	w.pages++
	if w.tokens == nil {
		w.tokens = map[string]bool{w.token: true}
	}
	switch k, again := w.repeated(n, key); {
	case next != "" && w.tokens[next]:
		w.err = w.c.Malformed(*w.op, "a NextToken given again after %d pages: a repeated page", w.pages)
	case again:
		w.err = w.c.Malformed(*w.op, "%s listed again after %d pages: a repeated page", k, w.pages)
	default:
		w.tokens[next], w.token = true, next
		w.done = next == ""
	}
	return w.err == nil
}

// repeated returns the name of a page's first item that an earlier one
// had, and records the others.
func (w *Walk) repeated(n int, key func(int) string) (string, bool) {
	if key == nil {
		return "", false
	}
	if w.seen == nil {
		w.seen = map[string]bool{}
	}
	for i := range n {
		k := key(i)
		if w.seen[k] {
			return k, true
		}
		w.seen[k] = true
	}
	return "", false
}

// Offset is the type of an Offset or Limit member: a number, or a number
// written as a string (12 VPC actions).
type Offset interface{ string | int64 | uint64 }

// offsetOf reads the Offset an iteration starts from: 0 when unset.
func offsetOf[T Offset](v common.Value[T]) (uint64, error) {
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
