package sts

import (
	"context"
	"regexp"
	"strings"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
	"github.com/qcloudkit/qcloud-sdk-go/internal/wire"
)

// Limits of the role inputs.
const (
	// DefaultDuration is how long assumed credentials last when
	// DurationSeconds is 0; MaxDuration is the most STS grants.
	DefaultDuration = 7200 * time.Second
	MaxDuration     = 43200 * time.Second
)

// sessionNamePattern is what RoleSessionName may be: 2 to 128 of [\w+=,.@-].
var sessionNamePattern = regexp.MustCompile(`^[\w+=,.@-]{2,128}$`)

// AssumeRoleInput names the role to assume and the session.
type AssumeRoleInput struct {
	// RoleArn is the role, qcs::cam::uin/12345678:roleName/name.
	RoleArn string
	// RoleSessionName names the session: 2 to 128 of letters, digits and +=,.@-_.
	RoleSessionName string
	// DurationSeconds is the credentials' lifetime, up to 43200; 0 means 7200.
	DurationSeconds int
	// Policy optionally narrows the role's permissions (a CAM policy document).
	Policy string
	// ExternalID is the role's external id, when its trust policy asks for one.
	ExternalID string
}

// AssumeRoleOutput holds the temporary credentials of the role.
type AssumeRoleOutput struct {
	// Credentials are the role's: TmpSecretId, TmpSecretKey, Token, and
	// Expires from ExpiredTime.
	Credentials auth.Credential
	// Expiration is the service's ISO 8601 text of the expiry.
	Expiration string
	// RequestID is the call's RequestId.
	RequestID string
}

type assumeRoleParams struct {
	RoleArn         string `json:"RoleArn"`
	RoleSessionName string `json:"RoleSessionName"`
	DurationSeconds int    `json:"DurationSeconds,omitempty"`
	Policy          string `json:"Policy,omitempty"`
	ExternalID      string `json:"ExternalId,omitempty"`
}

// credentialsResponse is the answer of both AssumeRole actions.
type credentialsResponse struct {
	wire.Envelope3
	Credentials *struct {
		Token        string `json:"Token"`
		TmpSecretID  string `json:"TmpSecretId"`
		TmpSecretKey string `json:"TmpSecretKey"`
	} `json:"Credentials"`
	ExpiredTime int64  `json:"ExpiredTime"`
	Expiration  string `json:"Expiration"`
}

var assumeRoleOp = core.Operation{Action: "AssumeRole"}

func validateRole(arn, session string, duration int) error {
	switch {
	case !strings.HasPrefix(arn, "qcs::cam::") || len(arn) > 1024 || strings.ContainsFunc(arn, func(r rune) bool { return r <= ' ' || r > '~' }):
		return core.Invalid("RoleArn", "want qcs::cam::uin/<uin>:roleName/<name>")
	case !sessionNamePattern.MatchString(session):
		return core.Invalid("RoleSessionName", "%+q: want 2 to 128 of letters, digits and +=,.@-_", session[:min(len(session), 130)])
	case duration < 0 || duration > int(MaxDuration/time.Second):
		return core.Invalid("DurationSeconds", "%d: want 1 to %d, or 0 for %d", duration, int(MaxDuration/time.Second), int(DefaultDuration/time.Second))
	}
	return nil
}

// AssumeRole returns temporary credentials of a role, signed with the
// client's credentials. It is not idempotent: every call issues a new set.
func (c *Client) AssumeRole(ctx context.Context, in *AssumeRoleInput) (*AssumeRoleOutput, error) {
	if in == nil {
		return nil, core.Invalid("input", "must not be nil")
	}
	if err := validateRole(in.RoleArn, in.RoleSessionName, in.DurationSeconds); err != nil {
		return nil, err
	}
	return c.credentials(ctx, assumeRoleOp, assumeRoleParams{RoleArn: in.RoleArn, RoleSessionName: in.RoleSessionName,
		DurationSeconds: in.DurationSeconds, Policy: in.Policy, ExternalID: in.ExternalID}, nil)
}

// credentials sends an action that answers credentials and reads them.
func (c *Client) credentials(ctx context.Context, op core.Operation, params any, secrets []string) (*AssumeRoleOutput, error) {
	var resp credentialsResponse
	env, err := c.core.Do(ctx, &core.Request{Op: op, Params: params, Result: &resp, Secrets: secrets})
	if err != nil {
		return nil, err
	}
	if resp.Credentials == nil || resp.ExpiredTime <= 0 {
		return nil, c.core.Malformed(op, "no Credentials or ExpiredTime")
	}
	cred := auth.Credential{SecretID: resp.Credentials.TmpSecretID, SecretKey: resp.Credentials.TmpSecretKey,
		Token: resp.Credentials.Token, Expires: time.Unix(resp.ExpiredTime, 0)}
	if err := cred.Validate(); err != nil {
		return nil, c.core.Malformed(op, "the credentials: %s", strings.TrimPrefix(err.Error(), "auth: "))
	}
	return &AssumeRoleOutput{Credentials: cred, Expiration: resp.Expiration, RequestID: env.RequestID}, nil
}
