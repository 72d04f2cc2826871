// Package sign holds the parameter machinery of the v2-style signature
// (API 2.0, and API 3.0's "v1"): the order of the string to sign, which
// reads "." as "_", and the names that order cannot tell apart. Package
// auth's StringToSign is built on it; the client core sorts a call's
// parameters once and merges in each attempt's.
package sign

import (
	"net/url"
	"slices"
	"strings"
)

// Param is one name=value parameter of the v2-style signature.
type Param struct{ Name, Value string }

// compareNames orders parameter names as the signature does: byte-wise,
// with "." read as "_" (docs/wire.md, 2.3); names equal under that
// reading are ordered by their own spelling, so the order is total.
func compareNames(a, b string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if x, y := underscore(a[i]), underscore(b[i]); x != y {
			return int(x) - int(y)
		}
	}
	if c := len(a) - len(b); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// sameName reports whether a and b are one name to the service, which
// reads "." as "_".
func sameName(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range len(a) {
		if underscore(a[i]) != underscore(b[i]) {
			return false
		}
	}
	return true
}

// underscore reads c as the service does in a name: "." as "_".
func underscore(c byte) byte {
	if c == '.' {
		return '_'
	}
	return c
}

// SortParams sorts params in the order of the string to sign and returns
// two names that are the same once "_" and "." are read alike (a_b, a.b),
// or "", "" if there are none: such a pair cannot be signed unambiguously,
// and a request that holds one must be refused before it is sent.
func SortParams(params []Param) (string, string) {
	slices.SortFunc(params, func(a, b Param) int { return compareNames(a.Name, b.Name) })
	for i := 1; i < len(params); i++ {
		if a, b := params[i-1].Name, params[i].Name; a != b && sameName(a, b) {
			return a, b
		}
	}
	return "", ""
}

// WriteStringToSign writes the string to sign of the parameters of a and
// b, each sorted with [SortParams], to sb, as auth.StringToSign builds it: a
// service client can sort its call's own parameters once, merge in those
// of each attempt (Timestamp, Nonce, ...) and go on to write the query in
// the same buffer. Signature is never signed.
func WriteStringToSign(sb *strings.Builder, httpMethod, host, path string, a, b []Param) {
	for i := range len(httpMethod) { // upper case, without a copy
		c := httpMethod[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		sb.WriteByte(c)
	}
	sb.WriteString(host)
	sb.WriteString(path)
	sb.WriteByte('?')
	first := true
	write := func(p Param) {
		if p.Name == "Signature" {
			return
		}
		if !first {
			sb.WriteByte('&')
		}
		first = false
		for i := range len(p.Name) { // "_" is written as "."
			c := p.Name[i]
			if c == '_' {
				c = '.'
			}
			sb.WriteByte(c)
		}
		sb.WriteByte('=')
		sb.WriteString(p.Value)
	}
	for len(a) > 0 || len(b) > 0 {
		if len(b) == 0 || len(a) > 0 && compareNames(a[0].Name, b[0].Name) <= 0 {
			write(a[0])
			a = a[1:]
		} else {
			write(b[0])
			b = b[1:]
		}
	}
}

// Params lists the first value of each name of params.
func Params(params url.Values) []Param {
	out := make([]Param, 0, len(params))
	for name, vs := range params {
		if len(vs) > 0 {
			out = append(out, Param{name, vs[0]})
		}
	}
	return out
}

// CollidingNames returns two parameter names of params that are the same
// once "_" and "." are read alike (a_b and a.b), or "", "" if there are none.
// Such a pair cannot be signed unambiguously: the service reads both as one
// name, so a request that holds one must be refused before it is sent.
func CollidingNames(params url.Values) (string, string) { return SortParams(Params(params)) }
