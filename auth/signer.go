package auth

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"hash"
	"net/url"
	"slices"
	"strings"
	"sync"
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

// Param is one name=value parameter of the v2-style signature.
type Param struct{ Name, Value string }

// compareNames orders parameter names as the signature does: byte-wise,
// with "." read as "_" (docs/wire.md, 2.3); names equal under that
// reading are ordered by their own spelling, so the order is total.
func compareNames(a, b string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		x, y := a[i], b[i]
		if x == '.' {
			x = '_'
		}
		if y == '.' {
			y = '_'
		}
		if x != y {
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
		x, y := a[i], b[i]
		if x == '.' {
			x = '_'
		}
		if y == '.' {
			y = '_'
		}
		if x != y {
			return false
		}
	}
	return true
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
// b, each sorted with [SortParams], to sb, as [StringToSign] builds it: a
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

// paramsOf lists the first value of each name of params.
func paramsOf(params url.Values) []Param {
	out := make([]Param, 0, len(params))
	for name, vs := range params {
		if len(vs) > 0 {
			out = append(out, Param{name, vs[0]})
		}
	}
	return out
}

// StringToSign builds the v2 string to sign (docs/wire.md, 2.3): the
// upper-case method, the host, the path, "?" and every parameter but
// Signature as name=value pairs joined by "&", with "_" in names written as
// "." and values left raw (unencoded). Pairs are sorted byte-wise by the name
// with "." read as "_", as Tencent's own v2 SDKs and the service's front end
// do; names that only differ in "." and "_" (which [CollidingNames] reports)
// are ordered by their original spelling, so the result is deterministic.
// Only the first value of a name is used.
func StringToSign(httpMethod, host, path string, params url.Values) string {
	sorted := paramsOf(params)
	SortParams(sorted)
	size := len(httpMethod) + len(host) + len(path) + 1
	for _, p := range sorted {
		size += len(p.Name) + len(p.Value) + 2
	}
	var sb strings.Builder
	sb.Grow(size)
	WriteStringToSign(&sb, httpMethod, host, path, sorted, nil)
	return sb.String()
}

// CollidingNames returns two parameter names of params that are the same
// once "_" and "." are read alike (a_b and a.b), or "", "" if there are none.
// Such a pair cannot be signed unambiguously: the service reads both as one
// name, so a request that holds one must be refused before it is sent.
func CollidingNames(params url.Values) (string, string) { return SortParams(paramsOf(params)) }

// Sign returns the standard base64 (with padding) of the HMAC of
// stringToSign keyed by secretKey: HMAC-SHA256 for [HmacSHA256], HMAC-SHA1
// for anything else, as the service does.
func Sign(stringToSign, secretKey string, m SignatureMethod) string {
	h := sha1.New
	if m == HmacSHA256 {
		h = sha256.New
	}
	mac := macs.get(secretKey, m, h)
	defer macs.put(mac)
	sum := mac.sum(stringToSign)
	var out [base64Len]byte
	n := base64.StdEncoding.EncodedLen(len(sum))
	base64.StdEncoding.Encode(out[:n], sum)
	return string(out[:n])
}

// base64Len is the base64 length of the longest MAC (SHA-256, 32 bytes).
const base64Len = (sha256.Size + 2) / 3 * 4

// SignTC3 returns the TC3-HMAC-SHA256 signature (lower-case hex) of
// stringToSign, docs/wire.md, 3.2: the signing key is derived from
// secretKey through date (the UTC date of the request's timestamp,
// YYYY-MM-DD), service ("vpc") and "tc3_request". The derived key of the
// last (secretKey, date, service) is kept, as it changes once a day.
func SignTC3(secretKey, date, service, stringToSign string) string {
	key := tc3Keys.get(secretKey, date, service)
	mac := macs.get(key, TC3HmacSHA256, sha256.New)
	defer macs.put(mac)
	var out [2 * sha256.Size]byte
	hex.Encode(out[:], mac.sum(stringToSign))
	return string(out[:])
}

func hmacSHA256(key []byte, msg string) []byte {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(msg))
	return mac.Sum(nil)
}

// tc3KeyCache keeps the last derived TC3 signing key.
type tc3KeyCache struct {
	mu                       sync.Mutex
	secretKey, date, service string
	key                      string
}

var tc3Keys tc3KeyCache

func (c *tc3KeyCache) get(secretKey, date, service string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.key == "" || c.secretKey != secretKey || c.date != date || c.service != service {
		k := hmacSHA256([]byte("TC3"+secretKey), date)
		k = hmacSHA256(k, service)
		c.secretKey, c.date, c.service, c.key = secretKey, date, service, string(hmacSHA256(k, "tc3_request"))
	}
	return c.key
}

// pooledMAC is an HMAC with its key and a buffer for the message, reused
// while the key stays the same: a fresh HMAC costs several allocations.
type pooledMAC struct {
	key string
	m   SignatureMethod
	mac hash.Hash
	buf []byte
	out [sha256.Size]byte
}

// sum returns the MAC of msg, in p's own buffer: valid until p is reused.
func (p *pooledMAC) sum(msg string) []byte {
	p.mac.Reset()
	p.buf = append(p.buf[:0], msg...)
	p.mac.Write(p.buf)
	if cap(p.buf) > 64<<10 { // do not keep a huge buffer around
		p.buf = nil
	}
	return p.mac.Sum(p.out[:0])
}

type macPool struct{ pool sync.Pool }

var macs macPool

func (p *macPool) get(key string, m SignatureMethod, h func() hash.Hash) *pooledMAC {
	if v, ok := p.pool.Get().(*pooledMAC); ok && v.key == key && v.m == m {
		return v
	}
	return &pooledMAC{key: key, m: m, mac: hmac.New(h, []byte(key))}
}

func (p *macPool) put(v *pooledMAC) { p.pool.Put(v) }
