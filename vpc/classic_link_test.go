package vpc_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

func TestAttachValidation(t *testing.T) {
	t.Parallel()
	srv, c := newFake(t)
	tests := []struct {
		name  string
		in    *vpc.AttachClassicLinkVpcInput
		field string
	}{
		{"nil input", nil, "input"},
		{"empty vpc", &vpc.AttachClassicLinkVpcInput{InstanceIDs: []string{"ins-df454d"}}, "VpcID"},
		{"space in vpc", &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h ", InstanceIDs: []string{"ins-df454d"}}, "VpcID"},
		{"no instances", &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h"}, "InstanceIDs"},
		{"empty instance", &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d", ""}}, "InstanceIDs[1]"},
		{"newline in instance", &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d\n"}}, "InstanceIDs[0]"},
		{"duplicate instance", &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d", "ins-1a2b3c4d", "ins-df454d"}}, "InstanceIDs[2]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := c.AttachClassicLinkVpc(context.Background(), tt.in)
			assert.Nil(t, out)
			assert.ErrorIs(t, err, qerrors.ErrInvalidInput)
			var ve *qerrors.ValidationError
			require.True(t, errors.As(err, &ve))
			assert.Equal(t, tt.field, ve.Field)

			_, err = c.DetachClassicLinkVpc(context.Background(), (*vpc.DetachClassicLinkVpcInput)(tt.in))
			assert.ErrorIs(t, err, qerrors.ErrInvalidInput, "Detach validates the same way")
		})
	}
	assert.Zero(t, srv.RequestCount(""), "nothing is sent for invalid input")
}

func TestAttachSendsTwelveIDs(t *testing.T) {
	t.Parallel()
	srv, c := newFake(t, vpctest.WithLinkLimit(100))
	ids := make([]string, 12)
	for i := range ids {
		ids[i] = fmt.Sprintf("ins-t%07d", i)
		require.NoError(t, srv.AddInstance(vpctest.Instance{ID: ids[i], LanIP: fmt.Sprintf("10.66.2.%d", i+1), Region: "ap-guangzhou"}))
	}
	out, err := c.AttachClassicLinkVpc(context.Background(), &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: ids})
	require.NoError(t, err)
	assert.Positive(t, out.TaskID)
	assert.Equal(t, "Success", out.CodeDesc)
	reqs := srv.Requests()
	require.Len(t, reqs, 1)
	p := reqs[0].Params
	for i, id := range ids {
		assert.Equal(t, id, p.Get(fmt.Sprintf("instanceIds.%d", i)))
	}
	assert.Equal(t, "vpc-2ari9m7h", p.Get("vpcId"))
	assert.Equal(t, "AttachClassicLinkVpc", reqs[0].Action)
}

func TestAttachBusinessErrors(t *testing.T) {
	t.Parallel()
	sentinels := []error{qerrors.ErrInvalidInstanceNotFound, qerrors.ErrInvalidVpcNotFound,
		qerrors.ErrInstanceLimitExceeded, qerrors.ErrInstanceAlreadyLinked}
	tests := []struct {
		name  string
		setup func(t *testing.T, srv *vpctest.Server, c *vpc.Client)
		in    vpc.AttachClassicLinkVpcInput
		want  error
	}{
		{"unknown instance", nil, vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d", "ins-nothere"}}, qerrors.ErrInvalidInstanceNotFound},
		{"unknown vpc", nil, vpc.AttachClassicLinkVpcInput{VpcID: "vpc-00000000", InstanceIDs: []string{"ins-df454d"}}, qerrors.ErrInvalidVpcNotFound},
		{"vpc of another region", nil, vpc.AttachClassicLinkVpcInput{VpcID: "vpc-bj2k9x7q", InstanceIDs: []string{"ins-df454d"}}, qerrors.ErrInvalidVpcNotFound},
		{"limit", nil, vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d", "ins-1a2b3c4d", "ins-5e6f7a8b"}}, qerrors.ErrInstanceLimitExceeded},
		{"already linked", func(t *testing.T, _ *vpctest.Server, c *vpc.Client) {
			_, err := c.AttachClassicLinkVpcAndWait(context.Background(), &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-5t8kd0qa", InstanceIDs: []string{"ins-df454d"}}, instant())
			require.NoError(t, err)
		}, vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d"}}, qerrors.ErrInstanceAlreadyLinked},
	}
	for _, stringCodes := range []bool{false, true} {
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s/stringCodes=%t", tt.name, stringCodes), func(t *testing.T) {
				t.Parallel()
				srv, c := newFake(t, vpctest.WithLinkLimit(2))
				srv.SetQuirks(vpctest.Quirks{StringNumbers: stringCodes})
				if tt.setup != nil {
					tt.setup(t, srv, c)
				}
				before := srv.RequestCount("AttachClassicLinkVpc")
				out, err := c.AttachClassicLinkVpc(context.Background(), &tt.in)
				assert.Nil(t, out)
				require.Error(t, err)
				for _, s := range sentinels {
					assert.Equal(t, s == tt.want, errors.Is(err, s), "errors.Is(%v, %v)", err, s)
				}
				var apiErr *qerrors.APIError
				require.True(t, errors.As(err, &apiErr))
				assert.Equal(t, 4000, apiErr.Code)
				assert.Equal(t, tt.want.Error(), apiErr.CodeDesc)
				assert.NotEmpty(t, apiErr.Message)
				assert.Equal(t, "AttachClassicLinkVpc", apiErr.Action)
				assert.Equal(t, 1, srv.RequestCount("AttachClassicLinkVpc")-before, "a business error is not retried")
			})
		}
	}
}

func TestAttachWithOldVpcIDAndShortRegion(t *testing.T) {
	t.Parallel()
	srv := vpctest.NewServer()
	defer srv.Close()
	c, err := vpc.NewClient(srv.Credential(), "gz", common.WithEndpoint(srv.URL()), common.WithHTTPMethod("POST"),
		common.WithSignatureMethod(auth.HmacSHA1))
	require.NoError(t, err)
	res, err := c.AttachClassicLinkVpcAndWait(context.Background(), &vpc.AttachClassicLinkVpcInput{VpcID: "gz_vpc_15", InstanceIDs: []string{"ins-df454d"}}, instant())
	require.NoError(t, err)
	assert.Equal(t, vpc.TaskSucceeded, res.Status)
	page, err := c.DescribeVpcClassicLink(context.Background(), &vpc.DescribeVpcClassicLinkInput{VpcID: "vpc-2ari9m7h"})
	require.NoError(t, err)
	require.Len(t, page.ClassicLinks, 1)
	assert.Equal(t, "gz_vpc_15", page.ClassicLinks[0].LegacyVpcID)
}

func TestDetach(t *testing.T) {
	t.Parallel()
	srv, c := newFake(t)
	ctx := context.Background()
	in := &vpc.DetachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d"}}

	_, err := c.DetachClassicLinkVpc(ctx, in)
	assert.ErrorIs(t, err, qerrors.ErrInstanceNotLinked, "not linked yet")

	_, err = c.AttachClassicLinkVpcAndWait(ctx, (*vpc.AttachClassicLinkVpcInput)(in), instant())
	require.NoError(t, err)
	_, err = c.DetachClassicLinkVpc(ctx, &vpc.DetachClassicLinkVpcInput{VpcID: "vpc-5t8kd0qa", InstanceIDs: in.InstanceIDs})
	assert.ErrorIs(t, err, qerrors.ErrInstanceNotLinked, "linked to another VPC")
	_, err = c.DetachClassicLinkVpc(ctx, &vpc.DetachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-gone00"}})
	assert.ErrorIs(t, err, qerrors.ErrInvalidInstanceNotFound)

	out, err := c.DetachClassicLinkVpc(ctx, in)
	require.NoError(t, err)
	assert.Positive(t, out.TaskID)
	res, err := c.WaitForTask(ctx, out.TaskID, instant())
	require.NoError(t, err)
	assert.Equal(t, vpc.TaskSucceeded, res.Status)
	page, err := c.DescribeVpcClassicLink(ctx, nil)
	require.NoError(t, err)
	assert.Zero(t, page.TotalCount)
	assert.Equal(t, 4, srv.RequestCount("DetachClassicLinkVpc"), "three failed detaches, each sent once, then one that worked")
}
