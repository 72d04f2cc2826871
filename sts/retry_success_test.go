package sts_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/internal/retrytest"
	"github.com/qcloudkit/qcloud-sdk-go/sts"
	"github.com/qcloudkit/qcloud-sdk-go/sts/ststest"
)

// Every retryable API 3.0 answer, then a success: the caller gets the
// success's credentials and RequestId after one retry, and the fake issued
// one set of credentials. Neither action is idempotent, so a success must
// never be sent again.
func TestRetryThenSuccess(t *testing.T) {
	t.Parallel()
	actions := []struct {
		name string
		run  func(ctx context.Context, c *sts.Client) (*sts.AssumeRoleOutput, error)
	}{
		{"AssumeRole", func(ctx context.Context, c *sts.Client) (*sts.AssumeRoleOutput, error) {
			return c.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: role, RoleSessionName: "deploy-1"})
		}},
		{"AssumeRoleWithWebIdentity", func(ctx context.Context, c *sts.Client) (*sts.AssumeRoleOutput, error) {
			return c.AssumeRoleWithWebIdentity(ctx, &sts.AssumeRoleWithWebIdentityInput{ProviderID: "oidc-tke-1",
				WebIdentityToken: "jwt.token.one", RoleArn: role, RoleSessionName: "pod-1"})
		}},
	}
	for _, a := range actions {
		for _, ans := range retrytest.Answers {
			if !ans.Applies(common.API3, false) {
				continue
			}
			t.Run(a.name+"/"+ans.Name, func(t *testing.T) {
				t.Parallel()
				srv := ststest.NewServer(ststest.WithRole(role), ststest.WithWebIdentity("oidc-tke-1", "jwt.token.one"))
				t.Cleanup(srv.Close)
				front := retrytest.NewFront(t, srv.URL())
				c, err := sts.NewClient(srv.Credential(), "", common.WithEndpoint(front.URL), fastRetries())
				require.NoError(t, err)
				front.Arm(&ans)
				out, err := a.run(context.Background(), c)
				require.NoError(t, err)
				assert.Equal(t, 2, front.Requests(), "one retry, then the success")
				assert.Equal(t, 1, srv.Calls(a.name), "one set of credentials issued")
				assert.NotEmpty(t, out.Credentials.Token)
				assert.NotEqual(t, retrytest.FaultRequestID, out.RequestID)
			})
		}
	}
}
