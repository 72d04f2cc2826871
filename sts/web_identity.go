package sts

import (
	"context"

	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
)

// AssumeRoleWithWebIdentityInput exchanges an OIDC token for a role.
type AssumeRoleWithWebIdentityInput struct {
	// ProviderID is the identity provider (TKE_PROVIDER_ID on TKE).
	ProviderID string
	// WebIdentityToken is the OIDC token; it is a secret, and never shown.
	WebIdentityToken string
	// RoleArn, RoleSessionName and DurationSeconds are as for AssumeRole.
	RoleArn         string
	RoleSessionName string
	DurationSeconds int
}

type webIdentityParams struct {
	ProviderID       string `json:"ProviderId"`
	WebIdentityToken string `json:"WebIdentityToken"`
	RoleArn          string `json:"RoleArn"`
	RoleSessionName  string `json:"RoleSessionName"`
	DurationSeconds  int    `json:"DurationSeconds,omitempty"`
}

var webIdentityOp = core.Operation{Action: "AssumeRoleWithWebIdentity", Unsigned: true}

// AssumeRoleWithWebIdentity returns temporary credentials of a role for an
// OIDC token. The call is unsigned (Authorization: SKIP): the client's own
// credentials are not used, and may be a provider that has none.
func (c *Client) AssumeRoleWithWebIdentity(ctx context.Context, in *AssumeRoleWithWebIdentityInput) (*AssumeRoleOutput, error) {
	if in == nil {
		return nil, core.Invalid("input", "must not be nil")
	}
	switch {
	case in.ProviderID == "":
		return nil, core.Invalid("ProviderID", "must not be empty")
	case in.WebIdentityToken == "":
		return nil, core.Invalid("WebIdentityToken", "must not be empty")
	}
	if err := validateRole(in.RoleArn, in.RoleSessionName, in.DurationSeconds); err != nil {
		return nil, err
	}
	return c.credentials(ctx, webIdentityOp, webIdentityParams{ProviderID: in.ProviderID, WebIdentityToken: in.WebIdentityToken,
		RoleArn: in.RoleArn, RoleSessionName: in.RoleSessionName, DurationSeconds: in.DurationSeconds}, []string{in.WebIdentityToken})
}
