// Package ststest is an in-process fake of Tencent Cloud's STS (API 3.0) for
// AssumeRole and AssumeRoleWithWebIdentity. AssumeRole must be TC3-signed
// with a credential the server accepts (verified by code written apart from
// the SDK's signer); AssumeRoleWithWebIdentity must be unsigned
// (Authorization: SKIP) and carry a known provider and token.
//
//	srv := ststest.NewServer(ststest.WithRole("qcs::cam::uin/100:roleName/app"))
//	defer srv.Close()
//	creds := sts.AssumeRoleProvider(srv.Credential(), "qcs::cam::uin/100:roleName/app", "test",
//		sts.WithClientOptions(common.WithEndpoint(srv.URL())))
package ststest

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/internal/testsig"
)

// DefaultCredential is the base credential every server accepts for
// AssumeRole: a key of this package, valid nowhere else.
var DefaultCredential = auth.NewCredential("AKIDststestDefault00000000000000", "ststestDefaultSecretKey00000000")

// Server is a running fake STS. Its methods are safe for concurrent use.
type Server struct {
	srv *httptest.Server

	mu       sync.Mutex
	roles    map[string]bool
	oidc     map[string]string // provider id -> token
	lifetime time.Duration
	issued   map[string]int // by action
	fail     int            // answer InternalError to the next fail calls
}

// Option configures a Server.
type Option func(*Server)

// WithRole makes the server know a role ARN (it may be given more than once).
func WithRole(arn string) Option { return func(s *Server) { s.roles[arn] = true } }

// WithWebIdentity makes the server accept token from OIDC provider providerID.
func WithWebIdentity(providerID, token string) Option {
	return func(s *Server) { s.oidc[providerID] = token }
}

// WithLifetime caps how long issued credentials last (default: what the
// call asks, else 7200 s).
func WithLifetime(d time.Duration) Option { return func(s *Server) { s.lifetime = d } }

// NewServer starts a fake STS on a loopback port.
func NewServer(opts ...Option) *Server {
	s := &Server{roles: map[string]bool{}, oidc: map[string]string{}, issued: map[string]int{}}
	for _, o := range opts {
		o(s)
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// URL is the base URL to give to common.WithEndpoint.
func (s *Server) URL() string { return s.srv.URL }

// Close shuts the server down.
func (s *Server) Close() { s.srv.Close() }

// Credential returns the base credential the server accepts for AssumeRole.
func (s *Server) Credential() auth.Credential { return DefaultCredential }

// Calls returns how many calls of action ("AssumeRole" or
// "AssumeRoleWithWebIdentity") were answered with credentials.
func (s *Server) Calls(action string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.issued[action]
}

// FailNext makes the next n calls answer InternalError.
func (s *Server) FailNext(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fail += n
}

// Format prints only the URL, whatever the verb.
func (s *Server) Format(f fmt.State, _ rune) { fmt.Fprintf(f, "ststest.Server{URL: %s}", s.URL()) }

type roleParams struct {
	RoleArn          string `json:"RoleArn"`
	RoleSessionName  string `json:"RoleSessionName"`
	DurationSeconds  int    `json:"DurationSeconds"`
	ProviderID       string `json:"ProviderId"`
	WebIdentityToken string `json:"WebIdentityToken"`
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	action := r.Header.Get("X-TC-Action")
	var p roleParams
	if r.Method != http.MethodPost || json.Unmarshal(body, &p) != nil {
		answer(w, "InvalidParameter", "want a POST with a JSON body", nil)
		return
	}
	if r.Header.Get("X-TC-Version") != "2018-08-13" {
		answer(w, "NoSuchVersion", "Version is 2018-08-13", nil)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch action {
	case "AssumeRole":
		if id, err := testsig.VerifyTC3(r, body, DefaultCredential.SecretKey, "sts"); err != nil || id != DefaultCredential.SecretID {
			answer(w, "AuthFailure.SignatureFailure", "The provided credentials could not be validated.", nil)
			return
		}
	case "AssumeRoleWithWebIdentity":
		if r.Header.Get("Authorization") != "SKIP" || r.Header.Get("X-TC-Token") != "" {
			answer(w, "AuthFailure.InvalidAuthorization", "AssumeRoleWithWebIdentity is unsigned: Authorization: SKIP, no token", nil)
			return
		}
		if want, ok := s.oidc[p.ProviderID]; !ok || want != p.WebIdentityToken {
			answer(w, "InvalidParameter.WebIdentityTokenError", "the web identity token is not valid for this provider", nil)
			return
		}
	default:
		answer(w, "InvalidAction", "unknown action "+action, nil)
		return
	}
	if !s.roles[p.RoleArn] {
		answer(w, "ResourceNotFound.RoleNotExist", "no role "+p.RoleArn, nil)
		return
	}
	if s.fail > 0 {
		s.fail--
		answer(w, "InternalError", "try again", nil)
		return
	}
	life := 7200 * time.Second
	if p.DurationSeconds > 0 {
		life = time.Duration(p.DurationSeconds) * time.Second
	}
	if s.lifetime > 0 {
		life = min(life, s.lifetime)
	}
	s.issued[action]++
	n := s.issued[action]
	expires := time.Now().Add(life)
	answer(w, "", "", map[string]any{
		"Credentials": map[string]string{
			"TmpSecretId":  fmt.Sprintf("AKIDsts%s%08d", action[:6], n),
			"TmpSecretKey": fmt.Sprintf("stsKey%016x", rand.Uint64()),
			"Token":        fmt.Sprintf("stsToken%016x", rand.Uint64()),
		},
		"ExpiredTime": expires.Unix(),
		"Expiration":  expires.UTC().Format(time.RFC3339),
	})
}

// answer writes a 3.0 envelope: the result, or an error with code.
func answer(w http.ResponseWriter, code, message string, result map[string]any) {
	resp := map[string]any{"RequestId": fmt.Sprintf("%08x-0000-4000-8000-%012x", rand.Uint32(), rand.Uint64()&0xffffffffffff)}
	for k, v := range result {
		resp[k] = v
	}
	if code != "" {
		resp["Error"] = map[string]string{"Code": code, "Message": message}
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"Response": resp})
}
