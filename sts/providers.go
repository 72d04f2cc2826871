package sts

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/internal/smallfile"
)

// The variables of a TKE pod's identity, read by [WebIdentityProvider].
const (
	EnvTKERegion     = "TKE_REGION"
	EnvTKEProviderID = "TKE_PROVIDER_ID"
	EnvTKETokenFile  = "TKE_WEB_IDENTITY_TOKEN_FILE"
	EnvTKERoleArn    = "TKE_ROLE_ARN"
)

// ProviderOption configures the providers of this package.
type ProviderOption func(*providerConfig)

type providerConfig struct {
	duration time.Duration
	region   string
	opts     []common.Option
}

// WithDuration sets the lifetime of the credentials asked for (default
// DefaultDuration, at most MaxDuration).
func WithDuration(d time.Duration) ProviderOption { return func(c *providerConfig) { c.duration = d } }

// WithRegion sets the region of the STS calls (default DefaultRegion; the
// web identity provider takes TKE_REGION).
func WithRegion(r string) ProviderOption { return func(c *providerConfig) { c.region = r } }

// WithClientOptions sets the options of the STS client: WithEndpoint (a
// fake STS), WithHTTPClient, WithLogger, ...
func WithClientOptions(opts ...common.Option) ProviderOption {
	return func(c *providerConfig) { c.opts = append(c.opts, opts...) }
}

func newConfig(opts []ProviderOption) providerConfig {
	var c providerConfig
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c
}

// AssumeRoleProvider returns the credentials of roleArn, assumed in a
// session sessionName with base's credentials, cached with auth.NewCache:
// refreshed about five minutes before they expire, one refresh at a time.
// Bad arguments are reported by Retrieve, before any call.
func AssumeRoleProvider(base auth.Provider, roleArn, sessionName string, opts ...ProviderOption) auth.Provider {
	cfg := newConfig(opts)
	p := &assumeRole{in: AssumeRoleInput{RoleArn: roleArn, RoleSessionName: sessionName, DurationSeconds: int(cfg.duration / time.Second)}}
	p.client, p.err = NewClient(base, cfg.region, cfg.opts...)
	if p.err == nil {
		p.err = validateRole(roleArn, sessionName, p.in.DurationSeconds)
	}
	return auth.NewCache(p)
}

type assumeRole struct {
	in     AssumeRoleInput
	client *Client
	err    error
}

func (p *assumeRole) Retrieve(ctx context.Context) (auth.Credential, error) {
	if p.err != nil {
		return auth.Credential{}, fmt.Errorf("sts: AssumeRole provider: %w", p.err)
	}
	out, err := p.client.AssumeRole(ctx, &p.in)
	if err != nil {
		return auth.Credential{}, fmt.Errorf("sts: AssumeRole %s: %w", p.in.RoleArn, err)
	}
	return out.Credentials, nil
}

// WebIdentityProvider returns the credentials of a TKE pod's role: it reads
// TKE_REGION, TKE_PROVIDER_ID, TKE_WEB_IDENTITY_TOKEN_FILE and TKE_ROLE_ARN,
// and the token file again at each refresh, and calls
// AssumeRoleWithWebIdentity (unsigned). Without the four variables it
// answers auth.ErrNoCredentials, so it can stand in an auth.Chain. It is
// cached with auth.NewCache.
func WebIdentityProvider(opts ...ProviderOption) auth.Provider {
	return auth.NewCache(&webIdentity{cfg: newConfig(opts)})
}

type webIdentity struct{ cfg providerConfig }

// maxTokenBytes bounds the web identity token file: a JWT of a few
// kilobytes, read at every refresh and sent to STS.
const maxTokenBytes = 64 << 10

// noCredentials is what the unsigned STS client would sign with: nothing.
type noCredentials struct{}

func (noCredentials) Retrieve(context.Context) (auth.Credential, error) {
	return auth.Credential{}, errors.New("sts: this client makes unsigned calls only")
}

func (p *webIdentity) Retrieve(ctx context.Context) (auth.Credential, error) {
	vars := map[string]string{}
	var unset []string
	for _, k := range []string{EnvTKERegion, EnvTKEProviderID, EnvTKETokenFile, EnvTKERoleArn} {
		if vars[k] = os.Getenv(k); vars[k] == "" {
			unset = append(unset, k)
		}
	}
	if len(unset) > 0 {
		return auth.Credential{}, fmt.Errorf("sts: TKE web identity: %s not set: %w", strings.Join(unset, ", "), auth.ErrNoCredentials)
	}
	token, _, err := smallfile.Read(vars[EnvTKETokenFile], maxTokenBytes)
	if err != nil {
		if pe, ok := err.(*fs.PathError); ok { // it names the path already given
			err = pe.Err
		}
		return auth.Credential{}, fmt.Errorf("sts: TKE web identity: reading the token file %s: %w", vars[EnvTKETokenFile], err)
	}
	region := p.cfg.region
	if region == "" {
		region = vars[EnvTKERegion]
	}
	client, err := NewClient(noCredentials{}, region, p.cfg.opts...)
	if err != nil {
		return auth.Credential{}, err
	}
	defer client.CloseIdleConnections()
	out, err := client.AssumeRoleWithWebIdentity(ctx, &AssumeRoleWithWebIdentityInput{
		ProviderID: vars[EnvTKEProviderID], WebIdentityToken: strings.TrimSpace(string(token)), RoleArn: vars[EnvTKERoleArn],
		RoleSessionName: "qcloud-sdk-go-" + strconv.FormatInt(time.Now().Unix(), 10), DurationSeconds: int(p.cfg.duration / time.Second),
	})
	if err != nil {
		return auth.Credential{}, fmt.Errorf("sts: TKE web identity %s: %w", vars[EnvTKERoleArn], err)
	}
	return out.Credentials, nil
}
