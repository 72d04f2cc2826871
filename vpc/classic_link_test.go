package vpc_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
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
		{"duplicate among 100", &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: withRepeat(manyIDs(100), 71, 12)}, "InstanceIDs[71]"},
		{"bad id before a duplicate", &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: withRepeat(withBad(manyIDs(40), 30), 35, 3)}, "InstanceIDs[30]"},
		{"duplicate before a bad id", &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: withRepeat(withBad(manyIDs(40), 36), 35, 3)}, "InstanceIDs[35]"},
		{"zero-width space in instance", &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d\u200b"}}, "InstanceIDs[0]"},
		{"byte order mark in vpc", &vpc.AttachClassicLinkVpcInput{VpcID: "\ufeffvpc-2ari9m7h", InstanceIDs: []string{"ins-df454d"}}, "VpcID"},
		{"word joiner in instance", &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-\u2060df454d"}}, "InstanceIDs[0]"},
		{"non-ASCII letter", &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-dé454d"}}, "InstanceIDs[0]"},
		{"1 MB vpc", &vpc.AttachClassicLinkVpcInput{VpcID: strings.Repeat("v", 1<<20), InstanceIDs: []string{"ins-df454d"}}, "VpcID"},
		{"65-byte instance", &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{strings.Repeat("i", 65)}}, "InstanceIDs[0]"},
		{"101 instances", &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: manyIDs(101)}, "InstanceIDs"},
		{"10,000 instances", &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: manyIDs(10_000)}, "InstanceIDs"},
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
	_, err := c.AttachClassicLinkVpc(context.Background(), &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: manyIDs(101)})
	assert.ErrorContains(t, err, "101 ids: at most 100 in one call", "the limit is named")
	_, err = c.AttachClassicLinkVpc(context.Background(), &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: withRepeat(manyIDs(100), 71, 12)})
	assert.ErrorContains(t, err, `"ins-00000012" repeats InstanceIDs[12]`, "the first of the two is named")
	_, err = c.AttachClassicLinkVpc(context.Background(), &vpc.AttachClassicLinkVpcInput{VpcID: strings.Repeat("v", 1<<20), InstanceIDs: []string{"ins-df454d"}})
	assert.Less(t, len(err.Error()), 200, "a huge id is not echoed")
}

// withRepeat sets ids[i] to ids[j].
func withRepeat(ids []string, i, j int) []string { ids[i] = ids[j]; return ids }

// withBad makes ids[i] an invalid id.
func withBad(ids []string, i int) []string { ids[i] = "ins bad"; return ids }

func manyIDs(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("ins-%08d", i)
	}
	return ids
}

func TestBatchInstanceIDs(t *testing.T) {
	t.Parallel()
	ids := manyIDs(250)
	batches := vpc.BatchInstanceIDs(ids)
	require.Len(t, batches, 3)
	assert.Equal(t, []int{100, 100, 50}, []int{len(batches[0]), len(batches[1]), len(batches[2])})
	var joined []string
	for _, b := range batches {
		joined = append(joined, b...)
	}
	assert.Equal(t, ids, joined, "in order, nothing lost")
	batches[0] = append(batches[0], "extra")
	assert.Equal(t, "ins-00000100", ids[100], "appending to a batch does not overwrite the next")
	assert.Empty(t, vpc.BatchInstanceIDs(nil))
	assert.Len(t, vpc.BatchInstanceIDs(manyIDs(100)), 1)
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
	c, err := vpc.NewClient(srv.Credential(), "gz", common.WithAPI(common.API2), common.WithEndpoint(srv.URL()), common.WithHTTPMethod("POST"),
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
