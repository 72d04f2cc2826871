package core

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
)

// Content types of API 3.0 requests. The one sent is the one signed, byte
// for byte (a library that appends "; charset=utf-8" breaks the signature).
const (
	contentTypeJSON = "application/json"
	contentTypeForm = "application/x-www-form-urlencoded"
)

// canonicalHashTC3 returns the hex SHA-256 of the TC3 canonical request
// (docs/wire.md, 3.2), signed over content-type and host.
func canonicalHashTC3(method, query, contentType, host string, payload []byte) string {
	payloadHash := sha256.Sum256(payload)
	b := make([]byte, 0, len(method)+len(query)+len(contentType)+len(host)+128)
	b = append(b, method...)
	b = append(b, "\n/\n"...)
	b = append(b, query...)
	b = append(b, "\ncontent-type:"...)
	b = append(b, contentType...)
	b = append(b, "\nhost:"...)
	for i := range len(host) {
		b = append(b, lower(host[i]))
	}
	b = append(b, "\n\ncontent-type;host\n"...)
	b = hex.AppendEncode(b, payloadHash[:])
	sum := sha256.Sum256(b)
	var out [2 * sha256.Size]byte
	hex.Encode(out[:], sum[:])
	return string(out[:])
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// signTC3 puts the call's body or query and the TC3 headers of one attempt
// at timestamp ts on out, and returns the signature.
func (c *Client) signTC3(out *http.Request, st *callState, cred auth.Credential, ts int64) string {
	tsText := c.setTC3Request(out, st, ts)
	date := utcDate(ts)
	var b strings.Builder
	b.Grow(len("TC3-HMAC-SHA256 Credential=, SignedHeaders=content-type;host, Signature=") + len(cred.SecretID) +
		len(date) + len(c.service.Name) + len("//tc3_request") + 2*sha256.Size + len(tsText) + 3)
	b.WriteString("TC3-HMAC-SHA256\n")
	b.WriteString(tsText)
	b.WriteByte('\n')
	scopeAt := b.Len()
	b.WriteString(date)
	b.WriteByte('/')
	b.WriteString(c.service.Name)
	b.WriteString("/tc3_request")
	scope := b.String()[scopeAt:]
	b.WriteByte('\n')
	b.WriteString(st.enc.canonicalHash)
	signature := auth.SignTC3(cred.SecretKey, date, c.service.Name, b.String())

	b.Reset()
	b.Grow(len("TC3-HMAC-SHA256 Credential=/, SignedHeaders=content-type;host, Signature=") + len(cred.SecretID) + len(scope) + len(signature))
	b.WriteString("TC3-HMAC-SHA256 Credential=")
	b.WriteString(cred.SecretID)
	b.WriteByte('/')
	b.WriteString(scope)
	b.WriteString(", SignedHeaders=content-type;host, Signature=")
	b.WriteString(signature)
	st.setHeader(out.Header, "Authorization", b.String())
	if cred.Token != "" { // each attempt has a header of its own: none from the one before
		st.setHeader(out.Header, "X-Tc-Token", cred.Token)
	}
	return signature
}

// setTC3Request puts the call's body or query and the headers of an
// attempt at timestamp ts on out (the others are the client's fixed
// ones), and returns the timestamp as sent.
func (c *Client) setTC3Request(out *http.Request, st *callState, ts int64) string {
	if out.Method == http.MethodPost {
		st.setBody(out, st.enc.body)
	} else {
		out.URL.RawQuery = st.enc.query
	}
	tsText := strconv.FormatInt(ts, 10)
	st.setHeader(out.Header, "X-Tc-Action", st.action)
	st.setHeader(out.Header, "X-Tc-Timestamp", tsText)
	return tsText
}

// markUnsigned makes out an unsigned API 3.0 request (Authorization: SKIP),
// as AssumeRoleWithWebIdentity is: the call proves itself by its parameters.
func (c *Client) markUnsigned(out *http.Request, st *callState, ts int64) {
	c.setTC3Request(out, st, ts)
	st.setHeader(out.Header, "Authorization", "SKIP")
}

// lastDate caches the UTC date of the last day a timestamp fell on, as
// every attempt of a day needs the same string.
var lastDate atomic.Pointer[struct {
	day  int64
	date string
}]

// utcDate returns the YYYY-MM-DD UTC date of Unix time ts.
func utcDate(ts int64) string {
	day := ts / 86400
	if d := lastDate.Load(); d != nil && d.day == day {
		return d.date
	}
	date := time.Unix(ts, 0).UTC().Format(time.DateOnly)
	lastDate.Store(&struct {
		day  int64
		date string
	}{day, date})
	return date
}

// contentType is the Content-Type of the client's API 3.0 requests.
func (c *Client) contentType() string {
	if c.method == http.MethodPost && c.sigMethod == auth.TC3HmacSHA256 {
		return contentTypeJSON
	}
	return contentTypeForm
}
