package auth

import (
	"cmp"
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/url"
	"slices"
	"strings"
)

// SignatureMethod selects how requests are signed.
type SignatureMethod string

// The signature methods: HmacSHA1 and HmacSHA256 are the v2 (and API 3.0
// "v1") signature of [StringToSign] and [Sign]; TC3HmacSHA256 is API 3.0's
// TC3 signature of [SignTC3].
const (
	HmacSHA1      SignatureMethod = "HmacSHA1"
	HmacSHA256    SignatureMethod = "HmacSHA256"
	TC3HmacSHA256 SignatureMethod = "TC3-HMAC-SHA256"
)

// Valid reports whether m is HmacSHA1 or HmacSHA256, the methods of the
// v2-style signature; TC3HmacSHA256 is checked apart, as only API 3.0 has it.
func (m SignatureMethod) Valid() bool { return m == HmacSHA1 || m == HmacSHA256 }

// StringToSign builds the v2 string to sign (PROTOCOL.md section 3): the
// upper-case method, the host, the path, "?" and every parameter but
// Signature as name=value pairs joined by "&", with "_" in names written as
// "." and values left raw (unencoded). Pairs are sorted byte-wise by the name
// with "." read as "_", as Tencent's own v2 SDKs and the service's front end
// do; names that only differ in "." and "_" (which [CollidingNames] reports)
// are ordered by their original spelling, so the result is deterministic.
// Only the first value of a name is used.
func StringToSign(httpMethod, host, path string, params url.Values) string {
	type pair struct{ key, name, value string }
	pairs := make([]pair, 0, len(params))
	size := len(httpMethod) + len(host) + len(path) + 1
	for name, vs := range params {
		if name == "Signature" || len(vs) == 0 {
			continue
		}
		pairs = append(pairs, pair{strings.ReplaceAll(name, ".", "_"), name, vs[0]})
		size += len(name) + len(vs[0]) + 2
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		return cmp.Or(strings.Compare(a.key, b.key), strings.Compare(a.name, b.name))
	})

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
		b.WriteString(strings.ReplaceAll(p.name, "_", "."))
		b.WriteByte('=')
		b.WriteString(p.value)
	}
	return b.String()
}

// CollidingNames returns two parameter names of params that are the same
// once "_" and "." are read alike (a_b and a.b), or "", "" if there are none.
// Such a pair cannot be signed unambiguously: the service reads both as one
// name, so a request that holds one must be refused before it is sent.
func CollidingNames(params url.Values) (string, string) {
	seen := make(map[string]string, len(params))
	for name := range params {
		key := strings.ReplaceAll(name, ".", "_")
		if other, ok := seen[key]; ok {
			return min(name, other), max(name, other)
		}
		seen[key] = name
	}
	return "", ""
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

// SignTC3 returns the TC3-HMAC-SHA256 signature (lower-case hex) of
// stringToSign, PROTOCOL3.md section 2: the signing key is derived from
// secretKey through date (the UTC date of the request's timestamp,
// YYYY-MM-DD), service ("vpc") and "tc3_request".
func SignTC3(secretKey, date, service, stringToSign string) string {
	key := hmacSHA256([]byte("TC3"+secretKey), date)
	key = hmacSHA256(key, service)
	key = hmacSHA256(key, "tc3_request")
	return hex.EncodeToString(hmacSHA256(key, stringToSign))
}

func hmacSHA256(key []byte, msg string) []byte {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(msg))
	return mac.Sum(nil)
}
