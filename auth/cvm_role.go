package auth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// DefaultMetadataEndpoint is the CVM metadata service.
const DefaultMetadataEndpoint = "http://metadata.tencentyun.com"

// metadataPath is where the metadata service lists and gives role credentials.
const metadataPath = "/latest/meta-data/cam/security-credentials/"

// DefaultMetadataTimeout bounds each metadata request.
const DefaultMetadataTimeout = 2 * time.Second

// CVMRoleOption configures [CVMRoleProvider].
type CVMRoleOption func(*cvmRole)

// WithMetadataEndpoint sets the base URL of the metadata service (default
// DefaultMetadataEndpoint), for tests.
func WithMetadataEndpoint(baseURL string) CVMRoleOption {
	return func(p *cvmRole) { p.endpoint = strings.TrimSuffix(baseURL, "/") }
}

// WithRoleName names the role instead of asking the metadata service.
func WithRoleName(name string) CVMRoleOption { return func(p *cvmRole) { p.role = name } }

// WithMetadataTimeout bounds each metadata request (default
// DefaultMetadataTimeout); the Retrieve ctx bounds it too.
func WithMetadataTimeout(d time.Duration) CVMRoleOption { return func(p *cvmRole) { p.timeout = d } }

// CVMRoleProvider returns the temporary credentials of the role bound to
// the CVM instance the program runs on, from the metadata service: the
// role's name (unless WithRoleName gives it), then its credentials. Every
// metadata request has a short timeout and closes its body. No metadata
// service (off a CVM: the host does not resolve or answer) and a 404 on
// the role list (no role bound) answer [ErrNoCredentials]; other failures
// are errors. The provider is cached with [NewCache]: credentials are
// refreshed about five minutes before they expire, one refresh at a time.
func CVMRoleProvider(opts ...CVMRoleOption) Provider {
	p := &cvmRole{endpoint: DefaultMetadataEndpoint, timeout: DefaultMetadataTimeout, client: &http.Client{
		// Its own transport: no proxy (the service is link-local), no
		// connection kept for a call every few hours.
		Transport:     &http.Transport{DisableKeepAlives: true, Proxy: nil},
		CheckRedirect: stayOnHost,
	}}
	for _, o := range opts {
		if o != nil {
			o(p)
		}
	}
	return NewCache(p)
}

type cvmRole struct {
	endpoint, role string
	timeout        time.Duration
	client         *http.Client
}

// roleCredential is the metadata service's answer for a role.
type roleCredential struct {
	TmpSecretID  string `json:"TmpSecretId"`
	TmpSecretKey string `json:"TmpSecretKey"`
	Token        string `json:"Token"`
	ExpiredTime  int64  `json:"ExpiredTime"`
	Code         string `json:"Code"`
}

func (p *cvmRole) Retrieve(ctx context.Context) (Credential, error) {
	role := p.role
	if role == "" {
		body, status, err := p.get(ctx, metadataPath)
		switch {
		case err != nil:
			return Credential{}, err
		case status == http.StatusNotFound:
			return Credential{}, &sourceError{source: "CVM role", detail: "no role is bound to this instance", err: ErrNoCredentials}
		case status != http.StatusOK:
			return Credential{}, &sourceError{source: "CVM role", detail: fmt.Sprintf("the role list answered HTTP %d", status)}
		}
		role, _, _ = strings.Cut(strings.TrimSpace(string(body)), "\n")
		if role = strings.TrimSpace(role); role == "" {
			return Credential{}, &sourceError{source: "CVM role", detail: "the role list names no role"}
		}
	}
	if problem := roleNameProblem(role); problem != "" {
		return Credential{}, &sourceError{source: "CVM role", detail: problem}
	}
	body, status, err := p.get(ctx, metadataPath+role)
	switch {
	case err != nil:
		return Credential{}, err
	case status != http.StatusOK:
		return Credential{}, &sourceError{source: "CVM role " + role, detail: fmt.Sprintf("the credentials answered HTTP %d", status)}
	}
	var rc roleCredential
	if err := json.Unmarshal(body, &rc); err != nil {
		return Credential{}, &sourceError{source: "CVM role " + role, detail: "the credentials are not a JSON object"}
	}
	if rc.Code != "Success" {
		return Credential{}, &sourceError{source: "CVM role " + role, detail: fmt.Sprintf("the credentials answered Code %.40q", rc.Code)}
	}
	c := Credential{SecretID: rc.TmpSecretID, SecretKey: rc.TmpSecretKey, Token: rc.Token}
	if rc.ExpiredTime > 0 {
		c.Expires = time.Unix(rc.ExpiredTime, 0)
	}
	if err := c.Validate(); err != nil {
		return Credential{}, &sourceError{source: "CVM role " + role, detail: strings.TrimPrefix(err.Error(), "auth: ")}
	}
	if c.Expires.IsZero() {
		return Credential{}, &sourceError{source: "CVM role " + role, detail: "the credentials have no ExpiredTime"}
	}
	return c, nil
}

// maxRoleName is the longest CAM role name.
const maxRoleName = 128

// roleNameProblem says what makes role unusable as a CAM role name (which
// goes into the metadata path and into errors), quoting at most a short
// prefix of it, or returns "".
func roleNameProblem(role string) string {
	if len(role) > maxRoleName {
		return fmt.Sprintf("the role name has %d bytes: at most %d", len(role), maxRoleName)
	}
	for _, r := range role {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("+=,.@_-", r)) {
			return fmt.Sprintf("the role name %.40q has %q: want letters, digits and +=,.@_-", role, r)
		}
	}
	return ""
}

// stayOnHost is the metadata client's CheckRedirect: the credentials come
// from the metadata service and nowhere else, so a redirect to another
// host is an error (a few on the same host are followed).
func stayOnHost(req *http.Request, via []*http.Request) error {
	switch {
	case req.URL.Host != via[0].URL.Host || req.URL.Scheme != via[0].URL.Scheme:
		return fmt.Errorf("the metadata service redirected to another host (%.60q); credentials come from the metadata service only", req.URL.Host)
	case len(via) >= 3:
		return errors.New("the metadata service redirected 3 times")
	}
	return nil
}

// get fetches path from the metadata service within the timeout. A
// service that cannot be reached at all is ErrNoCredentials: the program
// does not run on a CVM.
func (p *cvmRole) get(ctx context.Context, path string) ([]byte, int, error) {
	ctx, cancel := context.WithTimeout(ctx, p.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.endpoint+path, nil)
	if err != nil {
		return nil, 0, &sourceError{source: "CVM role", detail: "bad metadata endpoint", err: err}
	}
	resp, err := p.client.Do(req)
	if err != nil {
		if ctx.Err() != nil && !errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, 0, ctx.Err() // the caller gave up
		}
		var netErr net.Error
		var dnsErr *net.DNSError
		var opErr *net.OpError
		if errors.As(err, &dnsErr) || errors.As(err, &opErr) || errors.As(err, &netErr) && netErr.Timeout() {
			return nil, 0, &sourceError{source: "CVM role", detail: "no metadata service at " + p.endpoint + " (not a CVM?)", err: ErrNoCredentials}
		}
		if ue, ok := err.(*url.Error); ok { // its URL may be a redirect's, of any length
			err = ue.Err
		}
		return nil, 0, &sourceError{source: "CVM role", detail: "metadata request failed", err: err}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil {
		return nil, 0, &sourceError{source: "CVM role", detail: "reading the metadata answer failed", err: err}
	}
	return body, resp.StatusCode, nil
}
