package testsig

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"hash"
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// Params returns the parameters of a request as the server sees them: the
// query for GET, the form body for POST.
func Params(r *http.Request) (url.Values, error) {
	if err := r.ParseForm(); err != nil {
		return nil, err
	}
	if r.Method == http.MethodPost {
		return r.PostForm, nil
	}
	return r.Form, nil
}

// Verify recomputes the signature of params as received in r and compares
// it with the Signature parameter.
func Verify(r *http.Request, params url.Values, secretKey string) error {
	signed := map[string]string{} // name with "_" as "." -> raw value
	var names []string
	for k := range params {
		if k != "Signature" {
			name := strings.Replace(k, "_", ".", -1)
			signed[name] = params.Get(k)
			names = append(names, name)
		}
	}
	sort.Strings(names)
	parts := make([]string, len(names))
	for i, name := range names {
		parts[i] = name + "=" + signed[name]
	}
	msg := r.Method + r.Host + r.URL.Path + "?" + strings.Join(parts, "&")
	var h func() hash.Hash = sha1.New
	if params.Get("SignatureMethod") == "HmacSHA256" {
		h = sha256.New
	}
	m := hmac.New(h, []byte(secretKey))
	m.Write([]byte(msg))
	want := base64.StdEncoding.EncodeToString(m.Sum(nil))
	if got := params.Get("Signature"); got != want {
		return fmt.Errorf("signature %q, want %q over %q", got, want, msg)
	}
	return nil
}
