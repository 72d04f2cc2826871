package auth

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"net/url"
	"slices"
	"strings"
)

// SignatureMethod selects the HMAC of the v2 signature.
type SignatureMethod string

// The signature methods of the v2 protocol.
const (
	HmacSHA1   SignatureMethod = "HmacSHA1"
	HmacSHA256 SignatureMethod = "HmacSHA256"
)

// Valid reports whether m is one of the two methods.
func (m SignatureMethod) Valid() bool { return m == HmacSHA1 || m == HmacSHA256 }

// StringToSign builds the v2 string to sign: the upper-case method, the
// host, the path, "?" and every parameter but Signature as name=value pairs
// joined by "&", sorted byte-wise by name, with "_" in names replaced by "."
// and values left raw (unencoded). Only the first value of a name is used.
func StringToSign(httpMethod, host, path string, params url.Values) string {
	type pair struct{ name, value string }
	pairs := make([]pair, 0, len(params))
	size := len(httpMethod) + len(host) + len(path) + 1
	for name, vs := range params {
		if name == "Signature" || len(vs) == 0 {
			continue
		}
		pairs = append(pairs, pair{strings.ReplaceAll(name, "_", "."), vs[0]})
		size += len(name) + len(vs[0]) + 2
	}
	slices.SortFunc(pairs, func(a, b pair) int { return strings.Compare(a.name, b.name) })

	var b strings.Builder
	b.Grow(size)
	b.WriteString(strings.ToUpper(httpMethod))
	b.WriteString(host)
	b.WriteString(path)
	b.WriteByte('?')
	for i, p := range pairs {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p.name)
		b.WriteByte('=')
		b.WriteString(p.value)
	}
	return b.String()
}

// Sign returns the standard base64 (with padding) of the HMAC of
// stringToSign keyed by secretKey: HMAC-SHA256 for [HmacSHA256], HMAC-SHA1
// for anything else, as the service does.
func Sign(stringToSign, secretKey string, m SignatureMethod) string {
	h := sha1.New
	if m == HmacSHA256 {
		h = sha256.New
	}
	mac := hmac.New(h, []byte(secretKey))
	mac.Write([]byte(stringToSign))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}
