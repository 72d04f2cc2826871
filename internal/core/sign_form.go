package core

import (
	"math"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
)

// signForm adds the common parameters of one attempt at timestamp ts to the
// call's unsigned ones, signs them with the v2-style signature (API 2.0,
// and API 3.0's "v1") and puts them on out: the query of a GET, the form
// body of a POST. It returns the signature. The call's own parameters were
// sorted and encoded once; an attempt merges in only its own.
func (c *Client) signForm(out *http.Request, st *callState, cred auth.Credential, ts int64) string {
	nonce := strconv.FormatInt(rand.Int64N(math.MaxInt64)+1, 10) // 63 bits, as the official SDK: no repeat in two hours
	tsText := strconv.FormatInt(ts, 10)
	// In the order of the string to sign.
	own := [5]auth.Param{{Name: "Nonce", Value: nonce}, {Name: "SecretId", Value: cred.SecretID},
		{Name: "SignatureMethod", Value: string(c.sigMethod)}, {Name: "Timestamp", Value: tsText}, {Name: "Token", Value: cred.Token}}
	attempt := own[:]
	if cred.Token == "" {
		attempt = own[:4]
	}
	signature := auth.Sign(auth.StringToSignSorted(out.Method, out.URL.Host, out.URL.Path, st.enc.params, attempt), cred.SecretKey, c.sigMethod)

	var q strings.Builder
	q.Grow(len(st.enc.form) + 160 + len(cred.SecretID) + 2*len(cred.Token))
	q.WriteString(st.enc.form)
	for _, p := range attempt {
		q.WriteByte('&')
		q.WriteString(p.Name)
		q.WriteByte('=')
		q.WriteString(url.QueryEscape(p.Value))
	}
	q.WriteString("&Signature=")
	q.WriteString(url.QueryEscape(signature))
	if out.Method == http.MethodPost {
		st.setBody(out, []byte(q.String()))
		st.setHeader(out.Header, "Content-Type", contentTypeForm)
	} else {
		out.URL.RawQuery = q.String()
	}
	return signature
}
