package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/qcloudkit/qcloud-sdk-go/common"
)

// Unmarshal decodes the JSON b into out (a pointer), as json.Unmarshal
// does, and also when the service writes a scalar in another type than its
// model says (the vendor's own examples write numbers and bools as
// strings, and numbers where strings belong): when the first decoding
// refuses a type, b is rewritten to the types of out (a number from a
// string holding one, a bool from "true" or "false" in any case, a string
// from a number or bool, an integer from a whole number written 1.0 or
// 1e3) and decoded again. Where no rewriting helps, the
// error is the first decoding's. With strict, members out lacks are
// refused, for the tests.
func Unmarshal(b []byte, out any, strict bool) error {
	err := decode(b, out, strict)
	var typeErr *json.UnmarshalTypeError
	if !errors.As(err, &typeErr) {
		return err
	}
	var tree any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if dec.Decode(&tree) != nil {
		return err
	}
	fixed, changed := coerce(tree, reflect.TypeOf(out), 0)
	if !changed {
		return err
	}
	again, merr := json.Marshal(fixed)
	if merr != nil {
		return err
	}
	reflect.ValueOf(out).Elem().SetZero()
	if err2 := decode(again, out, strict); err2 != nil {
		return err
	}
	return nil
}

func decode(b []byte, out any, strict bool) error {
	if !strict {
		return json.Unmarshal(b, out)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(out)
}

var unmarshalerType = reflect.TypeFor[json.Unmarshaler]()

// valueType is an instance of common.Value, whose one field is the value:
// its package and the start of its name tell every instance.
var valueType = reflect.TypeFor[common.Value[bool]]()

// coerce rewrites the decoded JSON v to Go type t's scalar types where it
// can, and reports whether it changed anything. It goes no deeper than
// MaxDepth.
func coerce(v any, t reflect.Type, depth int) (any, bool) {
	if depth > MaxDepth {
		return v, false
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.PkgPath() == valueType.PkgPath() && strings.HasPrefix(t.Name(), "Value[") && t.Kind() == reflect.Struct && t.NumField() > 0 {
		return coerce(v, t.Field(0).Type, depth+1)
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		return v, false // reads its own forms (common.DateTime)
	}
	switch x := v.(type) {
	case map[string]any:
		return coerceObject(x, t, depth)
	case []any:
		if t.Kind() != reflect.Slice && t.Kind() != reflect.Array {
			return v, false
		}
		changed := false
		for i := range x {
			var c bool
			x[i], c = coerce(x[i], t.Elem(), depth+1)
			changed = changed || c
		}
		return x, changed
	case string:
		return coerceString(x, t)
	case json.Number:
		switch t.Kind() {
		case reflect.String:
			return x.String(), true
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			return integral(x)
		}
	case bool:
		if t.Kind() == reflect.String {
			return strconv.FormatBool(x), true
		}
	}
	return v, false
}

// integral writes a whole number given as 1.0 or 1e3 as an integer, exact
// only below 2^53, where every float64 integer is.
func integral(n json.Number) (any, bool) {
	f, err := n.Float64()
	if err != nil || f != math.Trunc(f) || math.Abs(f) >= 1<<53 {
		return n, false
	}
	return json.Number(strconv.FormatFloat(f, 'f', -1, 64)), true
}

// coerceObject rewrites the members of object x that struct (or map) type
// t has, matched as encoding/json matches them.
func coerceObject(x map[string]any, t reflect.Type, depth int) (any, bool) {
	changed := false
	switch t.Kind() {
	case reflect.Map:
		for k, m := range x {
			var c bool
			x[k], c = coerce(m, t.Elem(), depth+1)
			changed = changed || c
		}
	case reflect.Struct:
		for k, m := range x {
			f, ok := field(t, k)
			if !ok {
				continue
			}
			var c bool
			x[k], c = coerce(m, f.Type, depth+1)
			changed = changed || c
		}
	}
	return x, changed
}

// coerceString reads s as t's scalar, when t is a number or a bool.
func coerceString(s string, t reflect.Type) (any, bool) {
	s = strings.TrimSpace(s)
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		if s != "" && (s[0] == '-' || '0' <= s[0] && s[0] <= '9') && json.Valid([]byte(s)) {
			return json.Number(s), true
		}
	case reflect.Bool:
		switch strings.ToLower(s) {
		case "true":
			return true, true
		case "false":
			return false, true
		}
	}
	return s, false
}

// field returns struct t's field that JSON member name decodes into: by
// its json tag's name, or its Go name, the exact match first, then one
// equal under case folding, as encoding/json matches; the fields of an
// untagged embedded struct count as t's own.
func field(t reflect.Type, name string) (reflect.StructField, bool) {
	var folded reflect.StructField
	found := false
	for i := range t.NumField() {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.Anonymous && tag == "" && f.Type.Kind() == reflect.Struct {
			if g, ok := field(f.Type, name); ok && !found {
				folded, found = g, true
			}
			continue
		}
		if !f.IsExported() || tag == "-" {
			continue
		}
		if tag == "" {
			tag = f.Name
		}
		if tag == name {
			return f, true
		}
		if !found && strings.EqualFold(tag, name) {
			folded, found = f, true
		}
	}
	return folded, found
}
