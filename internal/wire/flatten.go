package wire

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
)

// Flatten writes API 3.0 parameters (a value that encodes as a JSON
// object, or nil) as the query of a GET or a form: nested names joined with
// ".", list elements numbered from 0 (InstanceIds.0, Filters.0.Values.0),
// as the service reads them. JSON null is left out.
func Flatten(in any) (url.Values, error) {
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
	obj, ok := tree.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("API 3.0 parameters must be a JSON object, not %T", tree)
	}
	for k, x := range obj {
		flattenValue(v, k, x)
	}
	return v, nil
}

func flattenValue(v url.Values, name string, x any) {
	switch x := x.(type) {
	case map[string]any:
		for k, y := range x {
			flattenValue(v, name+"."+k, y)
		}
	case []any:
		for i, y := range x {
			flattenValue(v, name+"."+strconv.Itoa(i), y)
		}
	case string:
		v.Set(name, x)
	case json.Number:
		v.Set(name, x.String())
	case bool:
		v.Set(name, strconv.FormatBool(x))
	}
	// null: omitted, as an absent parameter
}
