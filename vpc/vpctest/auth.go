package vpctest

import (
	"crypto/subtle"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/internal/sign"
)

// replayWindow is how far a Timestamp may be from the server's clock, and
// how long a request's Nonce is remembered.
const replayWindow = 2 * time.Hour

// nonceKey identifies a request for replay detection: the same Nonce with
// the same Timestamp and SecretId is a replay (docs/wire.md, 2.2).
// A Nonce alone is not: Tencent's own Node SDK draws it from 1..65535.
type nonceKey struct {
	secretID  string
	timestamp int64
	nonce     uint64
}

// authenticate checks the common parameters and the signature as the real
// service does. The caller holds s.mu.
func (s *Server) authenticate(r *http.Request, p url.Values) *apiError {
	for _, name := range []string{"Action", "Region", "Timestamp", "Nonce", "SecretId", "Signature"} {
		if p.Get(name) == "" {
			return missingParameter(name)
		}
	}
	ts, err := strconv.ParseInt(p.Get("Timestamp"), 10, 64)
	if err != nil {
		return invalidParameter("(100002)Timestamp %q is not Unix seconds", p.Get("Timestamp"))
	}
	nonce, err := strconv.ParseUint(p.Get("Nonce"), 10, 64)
	if err != nil || nonce == 0 {
		return invalidParameter("(100002)Nonce %q is not a positive integer", p.Get("Nonce"))
	}
	key, ok := s.keys[p.Get("SecretId")]
	if !ok {
		return &apiError{Code: 4104, CodeDesc: "AuthFailure.SecretIdNotFound", Message: "SecretId does not exist or is disabled"}
	}
	now := s.now()
	if d := now.Sub(time.Unix(ts, 0)); d > replayWindow || d < -replayWindow {
		return &apiError{Code: 4500, CodeDesc: "RequestReplayed", Message: "Timestamp is more than 2 hours from server time"}
	}
	if a, b := sign.CollidingNames(p); a != "" {
		return invalidParameter("(100002)parameters %s and %s are the same name once . and _ are read alike", a, b)
	}
	method := auth.SignatureMethod(p.Get("SignatureMethod"))
	want := auth.Sign(auth.StringToSign(r.Method, r.Host, r.URL.Path, p), key.SecretKey, method)
	if subtle.ConstantTimeCompare([]byte(want), []byte(p.Get("Signature"))) != 1 {
		return &apiError{Code: 4100, CodeDesc: "AuthFailure.SignatureFailure", Message: "signature verification failed"}
	}
	if subtle.ConstantTimeCompare([]byte(key.Token), []byte(p.Get("Token"))) != 1 {
		return &apiError{Code: 4100, CodeDesc: "AuthFailure.TokenFailure", Message: "Token is missing, invalid or not expected"}
	}
	s.forgetOldNonces(now)
	nk := nonceKey{key.SecretID, ts, nonce}
	if _, seen := s.nonces[nk]; seen {
		return &apiError{Code: 4500, CodeDesc: "RequestReplayed", Message: "Nonce has been used with this Timestamp"}
	}
	s.nonces[nk] = time.Unix(ts, 0)
	return nil
}

// forgetOldNonces drops, at most once a minute, the nonces whose Timestamp
// left the window: a request repeating them fails the Timestamp check anyway.
func (s *Server) forgetOldNonces(now time.Time) {
	if now.Sub(s.lastSweep) < time.Minute {
		return
	}
	s.lastSweep = now
	for k, ts := range s.nonces {
		if now.Sub(ts) > replayWindow {
			delete(s.nonces, k)
		}
	}
}
