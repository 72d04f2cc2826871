package testsig

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// TC3Hashes returns the hex SHA-256 of payload and of the TC3 canonical
// request (docs/wire.md, 3.2) of a request signed over content-type
// and host.
func TC3Hashes(method, query, contentType, host string, payload []byte) (payloadHash, canonicalHash string) {
	ph := sha256.Sum256(payload)
	payloadHash = hex.EncodeToString(ph[:])
	canonical := method + "\n/\n" + query + "\n" +
		"content-type:" + strings.ToLower(strings.TrimSpace(contentType)) + "\n" +
		"host:" + strings.ToLower(strings.TrimSpace(host)) + "\n\n" +
		"content-type;host\n" + payloadHash
	ch := sha256.Sum256([]byte(canonical))
	return payloadHash, hex.EncodeToString(ch[:])
}

// TC3Signature derives the signing key and signs the string to sign of a
// request made at timestamp with the given canonical request hash.
func TC3Signature(secretKey, service string, timestamp int64, canonicalHash string) string {
	date := time.Unix(timestamp, 0).UTC().Format("2006-01-02")
	sts := "TC3-HMAC-SHA256\n" + strconv.FormatInt(timestamp, 10) + "\n" + date + "/" + service + "/tc3_request\n" + canonicalHash
	mac := func(key []byte, msg string) []byte {
		m := hmac.New(sha256.New, key)
		m.Write([]byte(msg))
		return m.Sum(nil)
	}
	k := mac(mac(mac([]byte("TC3"+secretKey), date), service), "tc3_request")
	return hex.EncodeToString(mac(k, sts))
}

// VerifyTC3 checks the Authorization header of a TC3 request whose body
// was body: the algorithm, the credential scope (the UTC date of
// X-TC-Timestamp, service, tc3_request), the signed headers and the
// signature. r is a server's request, or a client's as its RoundTripper
// sees it. It returns the SecretId the request names.
func VerifyTC3(r *http.Request, body []byte, secretKey, service string) (string, error) {
	host := r.Host
	if host == "" { // a client's request, as a RoundTripper sees it
		host = r.URL.Host
	}
	return VerifyTC3As(r, body, secretKey, service, host)
}

// VerifyTC3As is VerifyTC3 for a signature made over host, which may differ
// from the Host header (a client that signs the host without its port).
func VerifyTC3As(r *http.Request, body []byte, secretKey, service, host string) (string, error) {
	auth := r.Header.Get("Authorization")
	rest, ok := strings.CutPrefix(auth, "TC3-HMAC-SHA256 ")
	if !ok {
		return "", errors.New("authorization is not TC3-HMAC-SHA256")
	}
	fields := map[string]string{}
	for _, part := range strings.Split(rest, ", ") {
		k, v, _ := strings.Cut(part, "=")
		fields[k] = v
	}
	ts, err := strconv.ParseInt(r.Header.Get("X-TC-Timestamp"), 10, 64)
	if err != nil {
		return "", fmt.Errorf("X-TC-Timestamp: %w", err)
	}
	id, scope, _ := strings.Cut(fields["Credential"], "/")
	if want := time.Unix(ts, 0).UTC().Format("2006-01-02") + "/" + service + "/tc3_request"; scope != want {
		return id, fmt.Errorf("credential scope %q, want %q", scope, want)
	}
	if fields["SignedHeaders"] != "content-type;host" {
		return id, fmt.Errorf("signed headers %q", fields["SignedHeaders"])
	}
	_, ch := TC3Hashes(r.Method, r.URL.RawQuery, r.Header.Get("Content-Type"), host, body)
	if got, want := fields["Signature"], TC3Signature(secretKey, service, ts, ch); got != want {
		return id, errors.New("signature does not match")
	}
	return id, nil
}
