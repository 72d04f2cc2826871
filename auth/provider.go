package auth

import (
	"context"
	"errors"
	"os"
)

// Provider supplies credentials. The client calls Retrieve before every
// attempt, so a provider may rotate keys; it must be safe for concurrent use.
type Provider interface {
	Retrieve(ctx context.Context) (Credential, error)
}

// The environment variables read by [EnvProvider].
const (
	EnvSecretID      = "TENCENTCLOUD_SECRET_ID"
	EnvSecretKey     = "TENCENTCLOUD_SECRET_KEY"
	EnvSessionToken  = "TENCENTCLOUD_SESSION_TOKEN"
	EnvSecurityToken = "TENCENTCLOUD_SECURITY_TOKEN" // older name, read when EnvSessionToken is unset
)

// ErrNoCredentials is returned by providers that find no credentials.
var ErrNoCredentials = errors.New("auth: no credentials found")

type envProvider struct{}

// EnvProvider reads TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY and
// TENCENTCLOUD_SESSION_TOKEN (or TENCENTCLOUD_SECURITY_TOKEN) at every
// Retrieve. Unset id and key give an error that wraps [ErrNoCredentials].
func EnvProvider() Provider { return envProvider{} }

func (envProvider) Retrieve(context.Context) (Credential, error) {
	c := Credential{SecretID: os.Getenv(EnvSecretID), SecretKey: os.Getenv(EnvSecretKey)}
	if c.SecretID == "" && c.SecretKey == "" {
		return Credential{}, errors.Join(ErrNoCredentials,
			errors.New("auth: set "+EnvSecretID+" and "+EnvSecretKey))
	}
	c.Token = os.Getenv(EnvSessionToken)
	if c.Token == "" {
		c.Token = os.Getenv(EnvSecurityToken)
	}
	return c, c.Validate()
}

// DefaultChain returns the provider used when the caller has no preference.
// Today it is [EnvProvider]; profile files and the CVM role come later.
func DefaultChain() Provider { return EnvProvider() }
