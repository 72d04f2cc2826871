package fake

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
)

// Filters reads the Filters of an API 3.0 Describe action, name to values,
// and refuses, with code unknown, a name not among known.
func Filters(p url.Values, unknown string, known ...string) (map[string][]string, *Error) {
	filters := map[string][]string{}
	for i := 0; p.Has("Filters." + strconv.Itoa(i) + ".Name"); i++ {
		prefix := "Filters." + strconv.Itoa(i)
		name := p.Get(prefix + ".Name")
		if !slices.Contains(known, name) {
			return nil, &Error{Code3: unknown, Message: "filter " + name + " is not supported"}
		}
		values := List(p, prefix+".Values")
		if len(values) == 0 {
			return nil, &Error{Code3: "InvalidParameter.FilterValuesNotList", Message: "filter " + name + " has no Values list"}
		}
		filters[name] = values
	}
	return filters, nil
}

// List reads the API 3.0 list name.0, name.1, ... up to its first gap.
func List(p url.Values, name string) []string {
	var out []string
	for i := 0; p.Has(name + "." + strconv.Itoa(i)); i++ {
		out = append(out, p.Get(name+"."+strconv.Itoa(i)))
	}
	return out
}

// IntParam reads an optional API 3.0 integer that travels as a string:
// def when absent, an error outside lo..hi (a Limit above hi is
// InvalidParameterValue.LimitExceeded).
func IntParam(p url.Values, name string, def, lo, hi int) (int, *Error) {
	v := p.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	switch {
	case err != nil:
		return 0, &Error{Code3: "InvalidParameterValue", Message: fmt.Sprintf("%s %q is not an integer", name, v)}
	case n > hi && name == "Limit":
		return 0, &Error{Code3: "InvalidParameterValue.LimitExceeded", Message: fmt.Sprintf("Limit %d: at most %d", n, hi)}
	case n < lo || n > hi:
		return 0, &Error{Code3: "InvalidParameterValue.Range", Message: fmt.Sprintf("%s %d: want %d to %d", name, n, lo, hi)}
	}
	return n, nil
}

// Page reads the Offset and Limit of an API 3.0 Describe action, both
// strings on the wire: Offset from 0, Limit from 1 to largest, def when
// absent.
func Page(p url.Values, def, largest int) (offset, limit int, _ *Error) {
	offset, e := IntParam(p, "Offset", 0, 0, 1<<31-1)
	if e != nil {
		return 0, 0, e
	}
	limit, e = IntParam(p, "Limit", def, 1, largest)
	return offset, limit, e
}
