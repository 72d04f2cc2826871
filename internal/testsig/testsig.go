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
// it with the Signature parameter. Names are ordered as docs/wire.md (2.3)
// says: by the name with "." read as "_"; they are written with "_" as
// ".". A request whose names collide under that reading is an error.
func Verify(r *http.Request, params url.Values, secretKey string) error {
	byKey := map[string]string{} // sort key -> name as received
	var keys []string
	for k := range params {
		if k == "Signature" {
			continue
		}
		key := strings.Map(func(c rune) rune {
			if c == '.' {
				return '_'
			}
			return c
		}, k)
		if other, dup := byKey[key]; dup {
			return fmt.Errorf("names %q and %q collide", other, k)
		}
		byKey[key] = k
		keys = append(keys, key)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, key := range keys {
		name := byKey[key]
		parts[i] = strings.Replace(name, "_", ".", -1) + "=" + params.Get(name)
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
