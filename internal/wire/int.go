package wire

import (
	"bytes"
	"fmt"
	"strconv"
)

// Int is an integer that the service sends either as a JSON number or as a
// numeric string ("5100"), as v2 responses do for code and count fields.
// Valid reports whether the answer held one: an absent field or JSON null
// leaves it unset. (A value, not a pointer: decoding into a pointer costs
// an allocation.)
type Int struct {
	N     int64
	Valid bool
}

// UnmarshalJSON accepts 42, "42" and null.
func (n *Int) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		return nil
	}
	s := string(b)
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' {
		s = string(b[1 : len(b)-1])
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return fmt.Errorf("want an integer or a numeric string, got %.40s", b)
	}
	*n = Int{N: v, Valid: true}
	return nil
}
