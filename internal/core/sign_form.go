package core

import (
	"math"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
)

// signForm adds the common parameters of one attempt at timestamp ts to the
// call's unsigned ones, signs them with the v2-style signature (API 2.0,
// and API 3.0's "v1") and puts them on out: the query of a GET, the form
// body of a POST. It returns the signature.
func (c *Client) signForm(out *http.Request, st *callState, cred auth.Credential, ts int64) string {
	params := make(url.Values, len(st.enc.form)+6)
	for k, v := range st.enc.form { // Set below replaces values, never mutates them
		params[k] = v
	}
	params.Set("Timestamp", strconv.FormatInt(ts, 10))
	// A 63-bit positive nonce, as the official SDK sends: a repeat within the
	// service's two-hour window is practically impossible.
	params.Set("Nonce", strconv.FormatInt(rand.Int64N(math.MaxInt64)+1, 10))
	params.Set("SecretId", cred.SecretID)
	if cred.Token != "" {
		params.Set("Token", cred.Token)
	}
	params.Set("SignatureMethod", string(c.sigMethod))
	signature := auth.Sign(auth.StringToSign(out.Method, out.URL.Host, out.URL.Path, params), cred.SecretKey, c.sigMethod)
	params.Set("Signature", signature)

	encoded := params.Encode()
	if out.Method == http.MethodPost {
		setBody(out, []byte(encoded), st.op.Idempotent)
		out.Header.Set("Content-Type", contentTypeForm)
	} else {
		out.URL.RawQuery = encoded
	}
	return signature
}
