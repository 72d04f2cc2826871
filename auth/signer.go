package auth

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"hash"
	"net/url"
	"strings"
	"sync"

	"github.com/qcloudkit/qcloud-sdk-go/internal/sign"
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

// StringToSign builds the v2 string to sign (docs/wire.md, 2.3): the
// upper-case method, the host, the path, "?" and every parameter but
// Signature as name=value pairs joined by "&", with "_" in names written as
// "." and values left raw (unencoded). Pairs are sorted byte-wise by the name
// with "." read as "_", as Tencent's own v2 SDKs and the service's front end
// do; names that only differ in "." and "_" (which the service reads as
// one, so that a client must refuse them) are ordered by their original
// spelling, so the result is deterministic.
// Only the first value of a name is used.
func StringToSign(httpMethod, host, path string, params url.Values) string {
	sorted := sign.Params(params)
	sign.SortParams(sorted)
	size := len(httpMethod) + len(host) + len(path) + 1
	for _, p := range sorted {
		size += len(p.Name) + len(p.Value) + 2
	}
	var sb strings.Builder
	sb.Grow(size)
	sign.WriteStringToSign(&sb, httpMethod, host, path, sorted, nil)
	return sb.String()
}

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
