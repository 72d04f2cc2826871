package fake

import (
	"crypto/subtle"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/internal/sign"
	"github.com/qcloudkit/qcloud-sdk-go/internal/testsig"
)

// replayWindow is how far an API 2.0 Timestamp may be from the server's
// clock, and how long a request's Nonce is remembered.
const replayWindow = 2 * time.Hour

// tc3Window is how far an API 3.0 X-TC-Timestamp may be from it.
const tc3Window = 5 * time.Minute

// nonceKey identifies a request for replay detection: the same Nonce with
// the same Timestamp and SecretId is a replay (docs/wire.md, 2.2).
// A Nonce alone is not: Tencent's own Node SDK draws it from 1..65535.
type nonceKey struct {
	secretID  string
	timestamp int64
	nonce     uint64
}

// authenticate2 checks the common parameters and the v2-style signature
// (API 2.0, and API 3.0's v1) as the service does. The caller holds the
// Lock.
func (s *Server) authenticate2(r *http.Request, p url.Values) *Error {
	for _, name := range []string{"Action", "Region", "Timestamp", "Nonce", "SecretId", "Signature"} {
		if p.Get(name) == "" {
			return MissingParameter(name)
		}
	}
	ts, err := strconv.ParseInt(p.Get("Timestamp"), 10, 64)
	if err != nil {
		return InvalidParameter("(100002)Timestamp %q is not Unix seconds", p.Get("Timestamp"))
	}
	nonce, err := strconv.ParseUint(p.Get("Nonce"), 10, 64)
	if err != nil || nonce == 0 {
		return InvalidParameter("(100002)Nonce %q is not a positive integer", p.Get("Nonce"))
	}
	key, ok := s.keys[p.Get("SecretId")]
	if !ok {
		return &Error{Code: 4104, CodeDesc: "AuthFailure.SecretIdNotFound", Message: "SecretId does not exist or is disabled"}
	}
	now := s.now()
	if d := now.Sub(time.Unix(ts, 0)); d > replayWindow || d < -replayWindow {
		return &Error{Code: 4500, CodeDesc: "RequestReplayed", Message: "Timestamp is more than 2 hours from server time"}
	}
	if a, b := sign.CollidingNames(p); a != "" {
		return InvalidParameter("(100002)parameters %s and %s are the same name once . and _ are read alike", a, b)
	}
	method := auth.SignatureMethod(p.Get("SignatureMethod"))
	want := auth.Sign(auth.StringToSign(r.Method, r.Host, r.URL.Path, p), key.SecretKey, method)
	if subtle.ConstantTimeCompare([]byte(want), []byte(p.Get("Signature"))) != 1 {
		return &Error{Code: 4100, CodeDesc: "AuthFailure.SignatureFailure", Message: "signature verification failed"}
	}
	if subtle.ConstantTimeCompare([]byte(key.Token), []byte(p.Get("Token"))) != 1 {
		return &Error{Code: 4100, CodeDesc: "AuthFailure.TokenFailure", Message: "Token is missing, invalid or not expected"}
	}
	s.forgetOldNonces(now)
	nk := nonceKey{key.SecretID, ts, nonce}
	if _, seen := s.nonces[nk]; seen {
		return &Error{Code: 4500, CodeDesc: "RequestReplayed", Message: "Nonce has been used with this Timestamp"}
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

// checkVersion checks an API 3.0 Version.
func (s *Server) checkVersion(v string) *Error {
	switch v {
	case s.cfg.Version3:
		return nil
	case "":
		return &Error{Code3: "MissingParameter", Message: "missing required parameter Version"}
	}
	return &Error{Code3: "NoSuchVersion", Message: "Version " + v + " is not " + s.cfg.Version3}
}

// authenticateTC3 checks a TC3 request as the service does: the headers,
// the 5-minute window on the server's clock, the SecretId, the signature
// (recomputed by internal/testsig, written apart from the SDK's signer)
// and the session token; or, for an unsigned action, Authorization: SKIP
// and no token. The caller holds the Lock.
func (s *Server) authenticateTC3(r *http.Request, action string, body []byte) *Error {
	for _, h := range []string{"X-TC-Action", "X-TC-Version", "X-TC-Region", "X-TC-Timestamp"} {
		if r.Header.Get(h) == "" {
			return &Error{Code3: "MissingParameter", Message: "missing header " + h}
		}
	}
	if e := s.checkVersion(r.Header.Get("X-TC-Version")); e != nil {
		return e
	}
	ts, err := strconv.ParseInt(r.Header.Get("X-TC-Timestamp"), 10, 64)
	if err != nil {
		return &Error{Code3: "InvalidParameterValue", Message: "X-TC-Timestamp is not Unix seconds"}
	}
	if d := s.now().Sub(time.Unix(ts, 0)); d > tc3Window || d < -tc3Window {
		return &Error{Code3: "AuthFailure.SignatureExpire", Message: "X-TC-Timestamp is more than 5 minutes from server time"}
	}
	cred := r.Header.Get("Authorization")
	if slices.Contains(s.cfg.Unsigned, action) {
		if cred != "SKIP" || r.Header.Get("X-TC-Token") != "" {
			return &Error{Code3: "AuthFailure.InvalidAuthorization", Message: action + " is unsigned: Authorization: SKIP, no token"}
		}
		return nil
	}
	id, _, _ := strings.Cut(strings.TrimPrefix(cred, "TC3-HMAC-SHA256 Credential="), "/")
	if !strings.HasPrefix(cred, "TC3-HMAC-SHA256 Credential=") {
		return &Error{Code3: "AuthFailure.InvalidAuthorization", Message: "Authorization is not TC3-HMAC-SHA256"}
	}
	key, ok := s.keys[id]
	if !ok {
		return &Error{Code3: "AuthFailure.SecretIdNotFound", Message: "SecretId does not exist or is disabled"}
	}
	if !s.verifyTC3(r, body, key.SecretKey) {
		return &Error{Code3: "AuthFailure.SignatureFailure", Message: "The provided credentials could not be validated."}
	}
	if subtle.ConstantTimeCompare([]byte(key.Token), []byte(r.Header.Get("X-TC-Token"))) != 1 {
		return &Error{Code3: "AuthFailure.TokenFailure", Message: "X-TC-Token is missing, invalid or not expected"}
	}
	return nil
}

// verifyTC3 checks r's TC3 signature. The service's own clients sign the
// scope's service (such as "vpc") and the Host header as sent; a client
// that derives both from its endpoint, as Tencent's Node SDK does, signs
// the endpoint's first label ("127" for http://127.0.0.1:18080) and the
// host without its port. Against the real service, at
// vpc.tencentcloudapi.com on port 443, both readings are the same; the
// fake, at an address of its own, accepts either, and still checks every
// byte signed.
func (s *Server) verifyTC3(r *http.Request, body []byte, secretKey string) bool {
	hostname, _, err := net.SplitHostPort(r.Host)
	if err != nil {
		hostname = r.Host
	}
	label, _, _ := strings.Cut(hostname, ".")
	for _, service := range []string{s.cfg.Service, label} {
		for _, host := range []string{r.Host, hostname} {
			if _, err := testsig.VerifyTC3As(r, body, secretKey, service, host); err == nil {
				return true
			}
		}
	}
	return false
}
