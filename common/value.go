package common

import "encoding/json"

// Value is an optional input of an action: the zero Value is unset and is
// not sent; Some(v) is set and sends v, even a zero v (false, 0, ""). It is
// the one mechanism of every optional member of the generated inputs, and
// of the optional objects, bools and numbers of the objects an input may
// hold; required members are plain values, and lists are unset when nil.
//
//	in := &vpc.CreateVpcInput{VpcName: "web", CidrBlock: "10.0.0.0/16", EnableMulticast: common.Some("false")}
type Value[T any] struct {
	v   T
	set bool
}

// Some returns a Value set to v.
func Some[T any](v T) Value[T] { return Value[T]{v: v, set: true} }

// Get returns the value and whether it is set.
func (o Value[T]) Get() (T, bool) { return o.v, o.set }

// IsZero reports whether o is unset: encoding/json leaves a member tagged
// omitzero out then.
func (o Value[T]) IsZero() bool { return !o.set }

// MarshalJSON encodes the value.
func (o Value[T]) MarshalJSON() ([]byte, error) { return json.Marshal(o.v) }

// UnmarshalJSON sets o to the value encoded in b.
func (o *Value[T]) UnmarshalJSON(b []byte) error {
	if err := json.Unmarshal(b, &o.v); err != nil {
		return err
	}
	o.set = true
	return nil
}
