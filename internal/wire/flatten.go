package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
)

// Flatten writes API 3.0 parameters (a value that encodes as a JSON
// object, or nil) as the query of a GET or a form: nested names joined with
// ".", list elements numbered from 0 (InstanceIds.0, Filters.0.Values.0),
// as the service reads them. JSON null is left out. Nesting deeper than
// MaxDepth is an error.
func Flatten(in any) (url.Values, error) { return FlattenBounded(in, 0) }

// MaxDepth bounds the nesting of flattened parameters; the deepest of the
// API's (Filters.0.Values.0) has four levels.
const MaxDepth = 32

// FlattenBounded is Flatten for parameters from anywhere: the names built
// on the way (every level's, not only the leaves') and the values may add
// up to at most maxBytes (0: no bound), so that a small body of deep or
// long names cannot make it build gigabytes of names.
func FlattenBounded(in any, maxBytes int) (url.Values, error) {
	v := url.Values{}
	if in == nil {
		return v, nil
	}
	b, ok := in.(json.RawMessage)
	if !ok {
		var err error
		if b, err = json.Marshal(in); err != nil {
			return nil, err
		}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return nil, err
	}
	if tree == nil { // a nil pointer: no parameters
		return v, nil
	}
	obj, ok := tree.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("API 3.0 parameters must be a JSON object, not %T", tree)
	}
	f := flattener{v: v, budget: maxBytes, bounded: maxBytes > 0}
	for k, x := range obj {
		if err := f.value(k, x, 1); err != nil {
			return nil, err
		}
	}
	return v, nil
}

type flattener struct {
	v       url.Values
	budget  int
	bounded bool
}

func (f *flattener) spend(n int) error {
	if f.budget -= n; f.bounded && f.budget < 0 {
		return errors.New("the parameters' names and values are too large once flattened")
	}
	return nil
}

func (f *flattener) value(name string, x any, depth int) error {
	if depth > MaxDepth {
		return fmt.Errorf("parameters nested deeper than %d levels", MaxDepth)
	}
	if err := f.spend(len(name)); err != nil {
		return err
	}
	switch x := x.(type) {
	case map[string]any:
		for k, y := range x {
			if err := f.value(name+"."+k, y, depth+1); err != nil {
				return err
			}
		}
	case []any:
		for i, y := range x {
			if err := f.value(name+"."+strconv.Itoa(i), y, depth+1); err != nil {
				return err
			}
		}
	case string:
		f.v.Set(name, x)
		return f.spend(len(x))
	case json.Number:
		f.v.Set(name, x.String())
	case bool:
		f.v.Set(name, strconv.FormatBool(x))
	}
	// null: omitted, as an absent parameter
	return nil
}
