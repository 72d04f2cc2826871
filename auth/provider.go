package auth

import (
	"context"
	"errors"
	"os"
	"strings"
)

// Provider supplies credentials. The client calls Retrieve before every
// attempt, so a provider may rotate keys; it must be safe for concurrent use.
type Provider interface {
	Retrieve(ctx context.Context) (Credential, error)
}

// ErrNoCredentials is returned (wrapped) by a provider whose source has no
// credentials to give: no variables, no file, no role. [Chain] then asks
// the next provider; any other error stops it.
var ErrNoCredentials = errors.New("auth: no credentials found")

// The environment variables read by [EnvProvider], and the session token
// variables in the order it tries them: this SDK's own, tccli's, Terraform's.
const (
	EnvSecretID      = "TENCENTCLOUD_SECRET_ID"
	EnvSecretKey     = "TENCENTCLOUD_SECRET_KEY"
	EnvSessionToken  = "TENCENTCLOUD_SESSION_TOKEN"
	EnvToken         = "TENCENTCLOUD_TOKEN"
	EnvSecurityToken = "TENCENTCLOUD_SECURITY_TOKEN"
)

var tokenVariables = []string{EnvSessionToken, EnvToken, EnvSecurityToken}

type envProvider struct{}

// EnvProvider reads TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, and
// the session token from the first of TENCENTCLOUD_SESSION_TOKEN,
// TENCENTCLOUD_TOKEN (tccli's name) and TENCENTCLOUD_SECURITY_TOKEN
// (Terraform's) that is set, at every Retrieve. A variable set to "" counts
// as unset. With neither id nor key set it answers [ErrNoCredentials]; with
// only one of them, an error that names the other.
func EnvProvider() Provider { return envProvider{} }

func (envProvider) Retrieve(context.Context) (Credential, error) {
	c := Credential{SecretID: os.Getenv(EnvSecretID), SecretKey: os.Getenv(EnvSecretKey)}
	switch {
	case c.SecretID == "" && c.SecretKey == "":
		return Credential{}, &sourceError{source: "environment", err: ErrNoCredentials,
			detail: EnvSecretID + " and " + EnvSecretKey + " are not set"}
	case c.SecretID == "":
		return Credential{}, &sourceError{source: "environment", detail: EnvSecretKey + " is set but " + EnvSecretID + " is not"}
	case c.SecretKey == "":
		return Credential{}, &sourceError{source: "environment", detail: EnvSecretID + " is set but " + EnvSecretKey + " is not"}
	}
	for _, name := range tokenVariables {
		if c.Token = os.Getenv(name); c.Token != "" {
			break
		}
	}
	if err := c.Validate(); err != nil {
		return Credential{}, &sourceError{source: "environment", detail: strings.TrimPrefix(err.Error(), "auth: ")}
	}
	return c, nil
}

// sourceError is what a provider says about its source: which one, and
// why it gives nothing. It never holds a secret.
type sourceError struct {
	source string // "environment", "credentials file /home/u/.tencentcloud/credentials", ...
	detail string
	err    error // ErrNoCredentials, a cause, or nil
}

func (e *sourceError) Error() string {
	s := "auth: " + e.source + ": " + e.detail
	if e.err != nil && e.err != ErrNoCredentials {
		s += ": " + strings.TrimPrefix(e.err.Error(), "auth: ") // one prefix for a source's error wrapping another's
	}
	return s
}

func (e *sourceError) Unwrap() error { return e.err }

// Chain returns a provider that asks each of providers in turn and returns
// the first credentials found. A provider that answers [ErrNoCredentials]
// is skipped; any other error (a file that is there but broken, a metadata
// service that fails) stops the chain, since going on would hide it. When
// every provider says no, the error lists what each said, one per line, and
// matches ErrNoCredentials.
func Chain(providers ...Provider) Provider { return chain(providers) }

type chain []Provider

func (c chain) Retrieve(ctx context.Context) (Credential, error) {
	var said []string
	for _, p := range c {
		cred, err := p.Retrieve(ctx)
		switch {
		case err == nil:
			return cred, nil
		case !errors.Is(err, ErrNoCredentials):
			return Credential{}, err
		}
		said = append(said, strings.TrimPrefix(err.Error(), "auth: "))
	}
	return Credential{}, &chainError{said: said}
}

// chainError lists why every provider of a chain gave nothing.
type chainError struct{ said []string }

func (e *chainError) Error() string {
	if len(e.said) == 0 {
		return "auth: no credentials: the chain is empty"
	}
	return "auth: no credentials in any source:\n\t" + strings.Join(e.said, "\n\t")
}

func (e *chainError) Is(target error) bool { return target == ErrNoCredentials }

// DefaultChain returns the provider used when the caller has no preference:
// [EnvProvider], then [ProfileProvider]("", "") (the credentials file),
// then [TCCLIProvider]("") (the tccli profile), then [CVMRoleProvider]()
// (the instance role, which answers ErrNoCredentials quickly off a CVM).
// AssumeRole and TKE web identity are explicit providers of package sts.
func DefaultChain() Provider { return defaultChain(CVMRoleProvider()) }

func defaultChain(cvmRole Provider) Provider {
	return Chain(EnvProvider(), ProfileProvider("", ""), TCCLIProvider(""), cvmRole)
}
