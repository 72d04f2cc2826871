package core

import (
	"math"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/internal/sign"
)

// signForm adds the common parameters of one attempt at timestamp ts to the
// call's unsigned ones, signs them with the v2-style signature (API 2.0,
// and API 3.0's "v1") and puts them on out: the query of a GET, the form
// body of a POST. It returns the signature. The call's own parameters were
// sorted once; an attempt merges in only its own.
func (c *Client) signForm(out *http.Request, st *callState, cred auth.Credential, ts int64) string {
	// The nonce (63 bits, as the official SDK: no repeat in two hours) and
	// the timestamp, in one string.
	var digits [2 * 20]byte
	b := strconv.AppendInt(digits[:0], rand.Int64N(math.MaxInt64)+1, 10)
	split := len(b)
	numbers := string(strconv.AppendInt(b, ts, 10))
	// In the order of the string to sign.
	own := [5]sign.Param{{Name: "Nonce", Value: numbers[:split]}, {Name: "SecretId", Value: cred.SecretID},
		{Name: "SignatureMethod", Value: string(c.sigMethod)}, {Name: "Timestamp", Value: numbers[split:]}, {Name: "Token", Value: cred.Token}}
	attempt := own[:]
	if cred.Token == "" {
		attempt = own[:4]
	}
	size := st.enc.size
	for _, p := range attempt {
		size += len(p.Name) + len(p.Value) + 2
	}

	// One buffer holds the string to sign and, after its method, host and
	// path, the query as sent: the very pairs signed when none needs
	// escaping, otherwise an escaped copy of them.
	plain := st.enc.plain && plainValue(cred.SecretID) && plainValue(cred.Token)
	prefix := len(out.Method) + len(out.URL.Host) + len(out.URL.Path) + 1
	grow := prefix + size + len("&Signature=") + 3*maxSignatureLen
	if !plain {
		grow += 3 * size
	}
	var q strings.Builder
	q.Grow(grow)
	sign.WriteStringToSign(&q, out.Method, out.URL.Host, out.URL.Path, st.enc.params, attempt)
	signature := auth.Sign(q.String(), cred.SecretKey, c.sigMethod)
	start := prefix
	if !plain {
		start = q.Len()
		writeQuery(&q, st.enc.params, attempt)
	}
	q.WriteString("&Signature=")
	q.WriteString(url.QueryEscape(signature))
	query := q.String()[start:]
	if out.Method == http.MethodPost {
		st.setBody(out, []byte(query))
	} else {
		out.URL.RawQuery = query
	}
	return signature
}

// maxSignatureLen is the length of the longest v2-style signature, the
// base64 of an HMAC-SHA256.
const maxSignatureLen = 44

// writeQuery writes lists of parameters to q, query-escaped and joined by "&".
func writeQuery(q *strings.Builder, lists ...[]sign.Param) {
	first := true
	for _, list := range lists {
		for _, p := range list {
			if !first {
				q.WriteByte('&')
			}
			first = false
			q.WriteString(url.QueryEscape(p.Name))
			q.WriteByte('=')
			q.WriteString(url.QueryEscape(p.Value))
		}
	}
}
