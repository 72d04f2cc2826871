// Package ststest is an in-process fake of Tencent Cloud's STS (API 3.0) for
// AssumeRole and AssumeRoleWithWebIdentity, on the SDK's fake machinery:
// AssumeRole must be TC3-signed (POST or GET) with a credential the server
// accepts, verified by code written apart from the SDK's signer;
// AssumeRoleWithWebIdentity must be unsigned (Authorization: SKIP) and
// carry a known provider and token. Every answer has a RequestId.
//
//	srv := ststest.NewServer(ststest.WithRole("qcs::cam::uin/100:roleName/app"))
//	defer srv.Close()
//	creds := sts.AssumeRoleProvider(srv.Credential(), "qcs::cam::uin/100:roleName/app", "test",
//		sts.WithClientOptions(common.WithEndpoint(srv.URL())))
package ststest

import (
	"fmt"
	"math/rand/v2"
	"net/http/httptest"
	"strconv"
	"sync"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/internal/fake"
)

// DefaultCredential is the base credential every server accepts for
// AssumeRole: a key of this package, valid nowhere else.
var DefaultCredential = auth.NewCredential("AKIDststestDefault00000000000000", "ststestDefaultSecretKey00000000")

// The actions of the fake.
const (
	ActionAssumeRole                = "AssumeRole"
	ActionAssumeRoleWithWebIdentity = "AssumeRoleWithWebIdentity"
)

// Fault is an injected misbehaviour, as in package vpctest: an API error
// (CodeDesc such as InternalError), an HTTP status, a delay, a dropped
// connection or a malformed body.
type Fault = fake.Fault

// Server is a running fake STS. Its methods are safe for concurrent use.
type Server struct {
	srv  *httptest.Server
	fake *fake.Server

	mu       sync.Mutex
	roles    map[string]bool
	oidc     map[string]string // provider id -> token
	lifetime time.Duration
	issued   map[string]int // by action
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
	s.fake = fake.New(fake.Config{
		Service: "sts", Version3: "2018-08-13", Actions: []string{ActionAssumeRole, ActionAssumeRoleWithWebIdentity},
		Unsigned: []string{ActionAssumeRoleWithWebIdentity}, Handle3: s.handle, Lock: &s.mu, Now: time.Now,
	})
	s.fake.AddKey(DefaultCredential)
	for _, o := range opts {
		o(s)
	}
	s.srv = httptest.NewServer(s.fake)
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

// InjectFault makes the next times requests of action (an Action
// constant, or "" for any) meet f, before authentication; it refuses an
// unknown action and a fault that changes nothing.
func (s *Server) InjectFault(action string, times int, f Fault) error {
	if err := s.fake.InjectFault(action, times, f); err != nil {
		return fmt.Errorf("ststest: %w", err)
	}
	return nil
}

// FailNext makes the next n calls answer InternalError.
func (s *Server) FailNext(n int) {
	if n > 0 {
		_ = s.fake.InjectFault("", n, Fault{CodeDesc: "InternalError", Message: "try again"})
	}
}

// Format prints only the URL, whatever the verb.
func (s *Server) Format(f fmt.State, _ rune) { fmt.Fprintf(f, "ststest.Server{URL: %s}", s.URL()) }

// handle answers an authenticated call. The caller holds s.mu.
func (s *Server) handle(c *fake.Call) (map[string]any, *fake.Error) {
	p := c.Params
	switch c.Action {
	case ActionAssumeRole:
	case ActionAssumeRoleWithWebIdentity:
		if want, ok := s.oidc[p.Get("ProviderId")]; !ok || want != p.Get("WebIdentityToken") {
			return nil, &fake.Error{Code3: "InvalidParameter.WebIdentityTokenError", Message: "the web identity token is not valid for this provider"}
		}
	default:
		return nil, &fake.Error{Code3: "InvalidAction", Message: "unknown action " + c.Action}
	}
	if !s.roles[p.Get("RoleArn")] {
		return nil, &fake.Error{Code3: "ResourceNotFound.RoleNotExist", Message: "no role " + p.Get("RoleArn")}
	}
	life := 7200 * time.Second
	if d, err := strconv.Atoi(p.Get("DurationSeconds")); err == nil && d > 0 {
		life = time.Duration(d) * time.Second
	}
	if s.lifetime > 0 {
		life = min(life, s.lifetime)
	}
	s.issued[c.Action]++
	n := s.issued[c.Action]
	expires := time.Now().Add(life)
	return map[string]any{
		"Credentials": map[string]string{
			"TmpSecretId":  fmt.Sprintf("AKIDsts%s%08d", c.Action[:6], n),
			"TmpSecretKey": fmt.Sprintf("stsKey%016x", rand.Uint64()),
			"Token":        fmt.Sprintf("stsToken%016x", rand.Uint64()),
		},
		"ExpiredTime": expires.Unix(),
		"Expiration":  expires.UTC().Format(time.RFC3339),
	}, nil
}
