package core

import (
	"context"
	"strconv"

	"github.com/qcloudkit/qcloud-sdk-go/common"
)

// The iterators' loops are apart from the item type, so that each
// iterator adds only its small closures to a program, not a loop of its
// own: page fetches a page into the iterator's items and returns their
// number, key names item i (nil: items have no name of their own) and
// emit yields it, false when the caller stopped. They return the error to
// yield, or nil. They stop after the last page, at the first error, when
// ctx ends, and on a page that the service cannot have meant (an item
// listed again, an empty page before the total, a NextToken given again),
// which is errors.ErrMalformedResponse. By offset over items with ids, a
// server cannot make them page on forever; over items without ids, the
// total it gives bounds them; by token, a server that makes up new tokens
// and items forever is bounded only by ctx.

// WalkOffsets pages an Offset/Limit action op from offset on: page fetches
// the page at an offset and returns its length and the total count.
func (c *Client) WalkOffsets(ctx context.Context, op *Operation, offset uint64,
	page func(ctx context.Context, offset uint64) (int, uint64, error), key func(int) string, emit func(int) bool) error {
	seen := map[string]bool{}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		n, total, err := page(ctx, offset)
		if err != nil {
			return err
		}
		if n == 0 && offset < total {
			return c.Malformed(*op, "an empty page at offset %d of %d", offset, total)
		}
		if k, again := repeated(n, key, seen); again {
			return c.Malformed(*op, "%s listed again at offset %d: a repeated page", k, offset)
		}
		if !emitAll(n, emit) {
			return nil
		}
		offset += uint64(n)
		if n == 0 || offset >= total {
			return nil
		}
	}
}

// WalkTokens pages a NextToken action op from token on ("" for the first
// page): page fetches the page a token names and returns its length and
// the next page's token, "" after the last page.
func (c *Client) WalkTokens(ctx context.Context, op *Operation, token string,
	page func(ctx context.Context, token string) (int, string, error), key func(int) string, emit func(int) bool) error {
	seen, tokens := map[string]bool{}, map[string]bool{token: true}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		n, next, err := page(ctx, token)
		if err != nil {
			return err
		}
		if next != "" && tokens[next] {
			return c.Malformed(*op, "a NextToken given again after %d pages: a repeated page", len(tokens))
		}
		if k, again := repeated(n, key, seen); again {
			return c.Malformed(*op, "%s listed again after %d pages: a repeated page", k, len(tokens))
		}
		if !emitAll(n, emit) || next == "" {
			return nil
		}
		tokens[next], token = true, next
	}
}

// repeated returns the name of a page's first item that seen holds, and
// records the others in seen.
func repeated(n int, key func(int) string, seen map[string]bool) (string, bool) {
	if key == nil {
		return "", false
	}
	for i := range n {
		k := key(i)
		if seen[k] {
			return k, true
		}
		seen[k] = true
	}
	return "", false
}

// emitAll yields a page's n items; it reports whether the caller wants more.
func emitAll(n int, emit func(int) bool) bool {
	for i := range n {
		if !emit(i) {
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
