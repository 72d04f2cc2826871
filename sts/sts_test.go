package sts_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/sts"
	"github.com/qcloudkit/qcloud-sdk-go/sts/ststest"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

const role = "qcs::cam::uin/100000000001:roleName/deployer"

func fastRetries() common.Option { return common.WithRetryWait(time.Millisecond, 2*time.Millisecond) }

// AssumeRole is TC3-signed with the base credential, which the fake STS
// verifies; the answer's credentials come back with their expiry.
func TestAssumeRole(t *testing.T) {
	t.Parallel()
	srv := ststest.NewServer(ststest.WithRole(role))
	defer srv.Close()
	c, err := sts.NewClient(srv.Credential(), "", common.WithEndpoint(srv.URL()), fastRetries())
	require.NoError(t, err)
	out, err := c.AssumeRole(context.Background(), &sts.AssumeRoleInput{RoleArn: role, RoleSessionName: "deploy-1", DurationSeconds: 900})
	require.NoError(t, err)
	assert.NotEmpty(t, out.Credentials.Token)
	assert.WithinDuration(t, time.Now().Add(15*time.Minute), out.Credentials.Expires, 5*time.Second)
	assert.NotEmpty(t, out.RequestID)

	wrong, err := sts.NewClient(auth.NewCredential(srv.Credential().SecretID, "wrong"), "", common.WithEndpoint(srv.URL()))
	require.NoError(t, err)
	_, err = wrong.AssumeRole(context.Background(), &sts.AssumeRoleInput{RoleArn: role, RoleSessionName: "deploy-1"})
	assert.ErrorIs(t, err, qerrors.ErrAuthFailure)
	_, err = c.AssumeRole(context.Background(), &sts.AssumeRoleInput{RoleArn: "qcs::cam::uin/1:roleName/none", RoleSessionName: "x1"})
	assert.ErrorIs(t, err, qerrors.ErrResourceNotFound)

	for _, in := range []sts.AssumeRoleInput{
		{RoleArn: "arn:aws:iam::1:role/x", RoleSessionName: "ok"}, {RoleArn: role, RoleSessionName: "x"},
		{RoleArn: role, RoleSessionName: "has space"}, {RoleArn: role, RoleSessionName: "ok", DurationSeconds: 43201},
	} {
		_, err := c.AssumeRole(context.Background(), &in)
		assert.ErrorIs(t, err, qerrors.ErrInvalidInput, "%+v", in)
	}
	_, err = sts.NewClient(srv.Credential(), "", common.WithAPI(common.API2))
	assert.ErrorContains(t, err, "STS has no API 2.0")
}

// The provider is cached: many callers, one call; the VPC client uses the
// role's credentials, and the signature of each attempt uses its token.
func TestAssumeRoleProvider(t *testing.T) {
	t.Parallel()
	stsSrv := ststest.NewServer(ststest.WithRole(role))
	defer stsSrv.Close()
	creds := sts.AssumeRoleProvider(stsSrv.Credential(), role, "deploy", sts.WithClientOptions(common.WithEndpoint(stsSrv.URL())))
	var wg sync.WaitGroup
	got := make([]auth.Credential, 50)
	for i := range got {
		wg.Go(func() {
			var err error
			got[i], err = creds.Retrieve(context.Background())
			assert.NoError(t, err)
		})
	}
	wg.Wait()
	assert.Equal(t, 1, stsSrv.Calls("AssumeRole"), "one call for 50 concurrent callers")
	for _, c := range got {
		assert.Equal(t, got[0], c)
	}

	vpcSrv := vpctest.NewServer(vpctest.WithCredential(got[0]))
	defer vpcSrv.Close()
	client, err := vpc.NewClient(creds, "ap-guangzhou", common.WithAPI(common.API3), common.WithEndpoint(vpcSrv.URL()))
	require.NoError(t, err)
	_, err = client.DescribeVpcClassicLink(context.Background(), nil)
	assert.NoError(t, err, "vpctest accepts the assumed credentials and their token")

	bad := sts.AssumeRoleProvider(stsSrv.Credential(), role, "x")
	_, err = bad.Retrieve(context.Background())
	assert.ErrorIs(t, err, qerrors.ErrInvalidInput, "a one-letter session name is refused before any call")
}

func TestWebIdentityProvider(t *testing.T) {
	stsSrv := ststest.NewServer(ststest.WithRole(role), ststest.WithWebIdentity("oidc-tke-1", "jwt.token.one"))
	defer stsSrv.Close()
	tokenFile := filepath.Join(t.TempDir(), "token")
	require.NoError(t, os.WriteFile(tokenFile, []byte("jwt.token.one\n"), 0o600))
	for _, k := range []string{sts.EnvTKERegion, sts.EnvTKEProviderID, sts.EnvTKETokenFile, sts.EnvTKERoleArn} {
		t.Setenv(k, "")
	}
	p := sts.WebIdentityProvider(sts.WithClientOptions(common.WithEndpoint(stsSrv.URL()), fastRetries()))
	_, err := p.Retrieve(context.Background())
	require.ErrorIs(t, err, auth.ErrNoCredentials, "off TKE: no credentials, so a chain goes on")
	assert.Contains(t, err.Error(), "TKE_REGION, TKE_PROVIDER_ID, TKE_WEB_IDENTITY_TOKEN_FILE, TKE_ROLE_ARN not set")

	t.Setenv(sts.EnvTKERegion, "ap-guangzhou")
	t.Setenv(sts.EnvTKEProviderID, "oidc-tke-1")
	t.Setenv(sts.EnvTKETokenFile, tokenFile)
	t.Setenv(sts.EnvTKERoleArn, role)
	p = sts.WebIdentityProvider(sts.WithClientOptions(common.WithEndpoint(stsSrv.URL()), fastRetries()))
	c, err := p.Retrieve(context.Background())
	require.NoError(t, err, "unsigned, Authorization: SKIP, the token from the file")
	assert.NotEmpty(t, c.Token)
	assert.Equal(t, 1, stsSrv.Calls("AssumeRoleWithWebIdentity"))

	// The token file is read at each refresh: a rotated token is used.
	require.NoError(t, os.WriteFile(tokenFile, []byte("jwt.token.stale"), 0o600))
	fresh := sts.WebIdentityProvider(sts.WithClientOptions(common.WithEndpoint(stsSrv.URL()), fastRetries()))
	_, err = fresh.Retrieve(context.Background())
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "jwt.token.stale", "the token is a secret")
	assert.NotContains(t, fmt.Sprintf("%#v", err), "jwt.token.stale")
	var apiErr *qerrors.APIError
	require.True(t, errors.As(err, &apiErr))
	assert.Equal(t, "InvalidParameter.WebIdentityTokenError", apiErr.CodeDesc)
}

// The token file is read through a bound: a huge or endless one is an
// error, never read whole nor sent to STS.
func TestWebIdentityTokenFileIsBounded(t *testing.T) {
	stsSrv := ststest.NewServer(ststest.WithRole(role), ststest.WithWebIdentity("oidc-tke-1", "jwt.token.one"))
	defer stsSrv.Close()
	tokenFile := filepath.Join(t.TempDir(), "token")
	require.NoError(t, os.WriteFile(tokenFile, bytes.Repeat([]byte("x"), 1<<20), 0o600))
	t.Setenv(sts.EnvTKERegion, "ap-guangzhou")
	t.Setenv(sts.EnvTKEProviderID, "oidc-tke-1")
	t.Setenv(sts.EnvTKETokenFile, tokenFile)
	t.Setenv(sts.EnvTKERoleArn, role)
	p := sts.WebIdentityProvider(sts.WithClientOptions(common.WithEndpoint(stsSrv.URL()), fastRetries()))
	_, err := p.Retrieve(context.Background())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "larger than 65536")
	assert.Zero(t, stsSrv.Calls("AssumeRoleWithWebIdentity"))
	assert.Less(t, len(err.Error()), 300)
}
