package vpc_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

// wires are the ways a client can speak to vpctest: API 2.0 both methods
// and both signatures, API 3.0 TC3 POST JSON and GET, and its v1 signature.
var wires = []struct {
	name string
	api  common.API
	opts []common.Option
}{
	{"API2 GET HmacSHA256", common.API2, []common.Option{common.WithAPI(common.API2)}},
	{"API2 POST HmacSHA1", common.API2, []common.Option{common.WithAPI(common.API2), common.WithHTTPMethod(http.MethodPost), common.WithSignatureMethod(auth.HmacSHA1)}},
	{"API3 TC3 POST", common.API3, []common.Option{common.WithAPI(common.API3)}},
	{"API3 TC3 GET", common.API3, []common.Option{common.WithAPI(common.API3), common.WithHTTPMethod(http.MethodGet)}},
	{"API3 HmacSHA256 POST", common.API3, []common.Option{common.WithAPI(common.API3), common.WithSignatureMethod(auth.HmacSHA256)}},
	{"API3 HmacSHA1 GET", common.API3, []common.Option{common.WithAPI(common.API3), common.WithSignatureMethod(auth.HmacSHA1), common.WithHTTPMethod(http.MethodGet)}},
}

func clientOf(t *testing.T, srv *vpctest.Server, cred auth.Credential, opts ...common.Option) *vpc.Client {
	t.Helper()
	c, err := vpc.NewClient(cred, "ap-guangzhou", append([]common.Option{common.WithEndpoint(srv.URL()),
		common.WithRetryWait(time.Millisecond, 2*time.Millisecond)}, opts...)...)
	require.NoError(t, err)
	return c
}

// The whole ClassicLink cycle works the same way over every wire, with
// the same code; errors match the same sentinels.
func TestLifecycleOverEveryWire(t *testing.T) {
	t.Parallel()
	for _, w := range wires {
		for _, token := range []string{"", "session-token-1"} {
			t.Run(w.name+"/token="+token, func(t *testing.T) {
				t.Parallel()
				cred := auth.NewTokenCredential("AKIDwire000000001", "wireKey0000000001", token)
				srv := vpctest.NewServer(vpctest.WithCredential(cred), vpctest.WithLinkLimit(3))
				t.Cleanup(srv.Close)
				c := clientOf(t, srv, cred, w.opts...)
				ctx := context.Background()
				in := &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d", "ins-1a2b3c4d"}}

				out, err := c.AttachClassicLinkVpc(ctx, in)
				require.NoError(t, err)
				require.NotEmpty(t, out.TaskID)
				res, err := c.WaitForTask(ctx, out.TaskID, instant())
				require.NoError(t, err)
				assert.Equal(t, vpc.TaskSucceeded, res.Status)

				page, err := c.DescribeVpcClassicLink(ctx, &vpc.DescribeVpcClassicLinkInput{VpcID: "vpc-2ari9m7h"})
				require.NoError(t, err)
				assert.Equal(t, 2, page.TotalCount)
				require.Len(t, page.ClassicLinks, 2)
				got := map[string]string{}
				for _, l := range page.ClassicLinks {
					got[l.InstanceID] = l.VpcID
				}
				assert.Equal(t, map[string]string{"ins-df454d": "vpc-2ari9m7h", "ins-1a2b3c4d": "vpc-2ari9m7h"}, got)
				byIP, err := c.DescribeVpcClassicLink(ctx, &vpc.DescribeVpcClassicLinkInput{LanIP: "10.66.1.11"})
				require.NoError(t, err)
				require.Len(t, byIP.ClassicLinks, 1)
				assert.Equal(t, "ins-1a2b3c4d", byIP.ClassicLinks[0].InstanceID)

				_, err = c.AttachClassicLinkVpc(ctx, &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-5t8kd0qa", InstanceIDs: []string{"ins-df454d"}})
				assert.ErrorIs(t, err, qerrors.ErrInstanceAlreadyLinked)
				_, err = c.AttachClassicLinkVpc(ctx, &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-5e6f7a8b", "ins-9c0d1e2f"}})
				assert.ErrorIs(t, err, qerrors.ErrInstanceLimitExceeded)
				_, err = c.AttachClassicLinkVpc(ctx, &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-00000000", InstanceIDs: []string{"ins-5e6f7a8b"}})
				assert.ErrorIs(t, err, qerrors.ErrResourceNotFound)
				var apiErr *qerrors.APIError
				require.True(t, errors.As(err, &apiErr))
				if apiErr.Code == 0 { // API 3.0
					assert.NotEmpty(t, apiErr.RequestID, "every 3.0 error carries its RequestId")
				}

				linked, err := c.ClassicLinksOf(ctx, "vpc-2ari9m7h", []string{"ins-df454d", "ins-5e6f7a8b"})
				require.NoError(t, err)
				assert.Len(t, linked, 1)

				det, err := c.DetachClassicLinkVpcAndWait(ctx, &vpc.DetachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: in.InstanceIDs}, instant())
				require.NoError(t, err)
				assert.Equal(t, vpc.TaskSucceeded, det.Status)
				n := 0
				for _, err := range c.ClassicLinks(ctx, nil) {
					require.NoError(t, err)
					n++
				}
				assert.Zero(t, n)
			})
		}
	}
}

// One world: a link made over one protocol is seen over the other.
func TestOneWorldForBothProtocols(t *testing.T) {
	t.Parallel()
	srv, c2 := newFake(t)
	c3 := clientOf(t, srv, srv.Credential(), common.WithAPI(common.API3))
	ctx := context.Background()
	_, err := c2.AttachClassicLinkVpcAndWait(ctx, attachOne, instant())
	require.NoError(t, err)
	page, err := c3.DescribeVpcClassicLink(ctx, nil)
	require.NoError(t, err)
	require.Equal(t, 1, page.TotalCount)
	assert.Equal(t, vpc.ClassicLink{VpcID: "vpc-2ari9m7h", InstanceID: "ins-df454d"}, page.ClassicLinks[0], "3.0 carries only these two")
	assert.NotEmpty(t, page.RequestID)
	res, err := c3.DetachClassicLinkVpcAndWait(ctx, (*vpc.DetachClassicLinkVpcInput)(attachOne), instant())
	require.NoError(t, err)
	assert.Equal(t, vpc.TaskSucceeded, res.Status)
	page, err = c2.DescribeVpcClassicLink(ctx, nil)
	require.NoError(t, err)
	assert.Zero(t, page.TotalCount, "the 3.0 detach is seen over 2.0")
	assert.Equal(t, 1, srv.RequestCount(vpctest.ActionDescribeClassicLinkInstances), "recorded under its 3.0 name")
}

// What API 3.0 cannot express is refused, not dropped; so is a task id
// or a VPC id that 3.0 cannot have given.
func TestAPI3Validation(t *testing.T) {
	t.Parallel()
	srv, _ := newFake(t)
	c := clientOf(t, srv, srv.Credential(), common.WithAPI(common.API3))
	ctx := context.Background()
	for _, in := range []vpc.DescribeVpcClassicLinkInput{
		{ClassicLinkID: "vcx-opgnzgo9"}, {OrderField: "createTime"}, {OrderDirection: vpc.OrderAsc}, {Limit: 101}, {VpcID: "gz_vpc_15"},
	} {
		_, err := c.DescribeVpcClassicLink(ctx, &in)
		assert.ErrorIs(t, err, qerrors.ErrInvalidInput, "%+v", in)
	}
	_, err := c.DescribeVpcClassicLink(ctx, &vpc.DescribeVpcClassicLinkInput{Limit: 100})
	assert.NoError(t, err, "100 is 3.0's maximum")
	_, err = c.AttachClassicLinkVpc(ctx, &vpc.AttachClassicLinkVpcInput{VpcID: "gz_vpc_15", InstanceIDs: []string{"ins-df454d"}})
	assert.ErrorIs(t, err, qerrors.ErrInvalidInput, "3.0 takes only the unified id")
	for _, id := range []vpc.TaskID{"", "has space", vpc.TaskID(make([]byte, 65))} {
		_, err = c.DescribeVpcTaskResult(ctx, id)
		assert.ErrorIs(t, err, qerrors.ErrInvalidInput, "%q", id)
	}
	_, err = c.DescribeVpcTaskResult(ctx, "354f4ac3-8546-4516-8c8a-69e3ab73aa8a")
	assert.ErrorIs(t, err, qerrors.ErrResourceNotFound, "well formed, unknown")
	assert.Equal(t, 2, srv.RequestCount(""), "only the two valid calls were sent")
}

// A failed task's Output is the failure's code and message under 3.0.
func TestAPI3TaskFailure(t *testing.T) {
	t.Parallel()
	srv, _ := newFake(t)
	c := clientOf(t, srv, srv.Credential(), common.WithAPI(common.API3))
	srv.FailNextTasks(1, 1001, "instance is being migrated")
	res, err := c.AttachClassicLinkVpcAndWait(context.Background(), attachOne, instant())
	require.ErrorIs(t, err, qerrors.ErrTaskFailed)
	var tfe *qerrors.TaskFailedError
	require.True(t, errors.As(err, &tfe))
	assert.Equal(t, "(1001)instance is being migrated", tfe.Message)
	assert.Equal(t, vpc.TaskFailed, res.Status)
	assert.NotEmpty(t, res.RequestID)
}

// The iterator pages under API 3.0 too: 120 links in pages of 100, every
// link once, and the same set as API 2.0 lists.
func TestClassicLinksPaginatesUnderAPI3(t *testing.T) {
	t.Parallel()
	srv, c2, ids := seedLinks(t, 120)
	c3 := clientOf(t, srv, srv.Credential(), common.WithAPI(common.API3))
	before := srv.RequestCount(vpctest.ActionDescribeClassicLinkInstances)
	seen := map[string]bool{}
	for link, err := range c3.ClassicLinks(context.Background(), nil) { // region-wide: see TestClassicLinksPaginates120
		require.NoError(t, err)
		assert.False(t, seen[link.InstanceID], "duplicate %s", link.InstanceID)
		seen[link.InstanceID] = true
	}
	assert.Len(t, seen, 120)
	for _, id := range ids {
		assert.True(t, seen[id], id)
	}
	assert.Equal(t, 2, srv.RequestCount(vpctest.ActionDescribeClassicLinkInstances)-before, "two pages of 100")
	for _, r := range srv.Requests() {
		if r.Action == vpctest.ActionDescribeClassicLinkInstances {
			assert.Equal(t, "100", r.Params.Get("Limit"))
		}
	}
	n := 0
	for _, err := range c2.ClassicLinks(context.Background(), nil) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 120, n, "the same world over API 2.0")
}

// API 3.0 names some ClassicLink errors apart from their 2.0 codeDesc: the
// action that answers them makes them match the same sentinels, and only
// that action (LimitExceeded is a link quota on Attach alone).
func TestClassicLinkCodesOfAPI3(t *testing.T) {
	t.Parallel()
	tests := []struct {
		action, code string
		want         error
		not          error
	}{
		{vpctest.ActionAttachClassicLinkVpc, "UnsupportedOperation.ClassicInstanceIdAlreadyExists", qerrors.ErrInstanceAlreadyLinked, nil},
		{vpctest.ActionAttachClassicLinkVpc, "LimitExceeded", qerrors.ErrInstanceLimitExceeded, nil},
		{vpctest.ActionDetachClassicLinkVpc, "LimitExceeded", nil, qerrors.ErrInstanceLimitExceeded},
		{vpctest.ActionDetachClassicLinkVpc, "ResourceInUse", qerrors.ErrActionLocked, nil},
	}
	for _, tt := range tests {
		t.Run(tt.action+"/"+tt.code, func(t *testing.T) {
			t.Parallel()
			srv, _ := newFake(t)
			c := clientOf(t, srv, srv.Credential(), common.WithAPI(common.API3), common.WithMaxRetries(0))
			require.NoError(t, srv.AddLink("vpc-2ari9m7h", "ins-df454d"))
			require.NoError(t, srv.InjectFault(tt.action, 1, vpctest.Fault{CodeDesc: tt.code}))
			var err error
			if tt.action == vpctest.ActionAttachClassicLinkVpc {
				_, err = c.AttachClassicLinkVpc(t.Context(), &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-1a2b3c4d"}})
			} else {
				_, err = c.DetachClassicLinkVpc(t.Context(), &vpc.DetachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d"}})
			}
			require.Error(t, err)
			if tt.want != nil {
				assert.ErrorIs(t, err, tt.want)
			}
			if tt.not != nil {
				assert.NotErrorIs(t, err, tt.not)
			}
			var apiErr *qerrors.APIError
			require.ErrorAs(t, err, &apiErr, "the APIError is still there")
			assert.Equal(t, tt.code, apiErr.CodeDesc)
		})
	}
}
