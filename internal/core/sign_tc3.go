package core

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
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
// (PROTOCOL3.md section 2), signed over content-type and host.
func canonicalHashTC3(method, query, contentType, host string, payload []byte) string {
	payloadHash := sha256.Sum256(payload)
	var b strings.Builder
	b.WriteString(method)
	b.WriteString("\n/\n")
	b.WriteString(query)
	b.WriteString("\ncontent-type:")
	b.WriteString(contentType)
	b.WriteString("\nhost:")
	b.WriteString(strings.ToLower(host))
	b.WriteString("\n\ncontent-type;host\n")
	b.WriteString(hex.EncodeToString(payloadHash[:]))
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

// signTC3 puts the call's body or query and the TC3 headers of one attempt
// at timestamp ts on out, and returns the signature.
func (c *Client) signTC3(out *http.Request, st *callState, cred auth.Credential, ts int64) string {
	tsText := c.setTC3Request(out, st, ts)
	date := time.Unix(ts, 0).UTC().Format(time.DateOnly)
	scope := date + "/" + c.service.Name + "/tc3_request"
	signature := auth.SignTC3(cred.SecretKey, date, c.service.Name,
		"TC3-HMAC-SHA256\n"+tsText+"\n"+scope+"\n"+st.enc.canonicalHash)
	h := out.Header
	if cred.Token != "" {
		h.Set("X-TC-Token", cred.Token)
	}
	h.Set("Authorization", "TC3-HMAC-SHA256 Credential="+cred.SecretID+"/"+scope+
		", SignedHeaders=content-type;host, Signature="+signature)
	return signature
}

// setTC3Request puts the call's body or query and the X-TC headers of an
// attempt at timestamp ts on out, and returns the timestamp as sent.
func (c *Client) setTC3Request(out *http.Request, st *callState, ts int64) string {
	if out.Method == http.MethodPost {
		setBody(out, st.enc.body, st.op.Idempotent)
	} else {
		out.URL.RawQuery = st.enc.query
	}
	tsText := strconv.FormatInt(ts, 10)
	h := out.Header
	h.Set("Content-Type", c.contentType())
	h.Set("X-TC-Action", st.action)
	h.Set("X-TC-Version", c.service.Version3)
	h.Set("X-TC-Region", c.region)
	h.Set("X-TC-Timestamp", tsText)
	return tsText
}

// markUnsigned makes out an unsigned API 3.0 request (Authorization: SKIP),
// as AssumeRoleWithWebIdentity is: the call proves itself by its parameters.
func (c *Client) markUnsigned(out *http.Request, st *callState, ts int64) {
	c.setTC3Request(out, st, ts)
	out.Header.Set("Authorization", "SKIP")
}

// contentType is the Content-Type of the client's API 3.0 requests.
func (c *Client) contentType() string {
	if c.method == http.MethodPost && c.sigMethod == auth.TC3HmacSHA256 {
		return contentTypeJSON
	}
	return contentTypeForm
}
