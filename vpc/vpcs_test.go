package vpc_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

func TestDescribeVpcs(t *testing.T) {
	t.Parallel()
	srv := vpctest.NewServer()
	t.Cleanup(srv.Close)
	c := clientOf(t, srv, srv.Credential())
	ctx := t.Context()

	all, err := c.DescribeVpcs(ctx, nil)
	require.NoError(t, err)
	assert.Equal(t, uint64(2), all.TotalCount, "the region's VPCs")
	require.Len(t, all.VpcSet, 2)
	assert.Equal(t, "vpc-2ari9m7h", all.VpcSet[0].VpcID)
	assert.Equal(t, "prod", all.VpcSet[0].VpcName)
	assert.Equal(t, "10.0.0.0/16", all.VpcSet[0].CidrBlock)
	assert.True(t, all.VpcSet[0].EnableDhcp)
	assert.Regexp(t, `^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$`, all.VpcSet[0].CreatedTime)
	assert.NotEmpty(t, all.RequestID)

	named, err := c.DescribeVpcs(ctx, &vpc.DescribeVpcsInput{Filters: []vpc.Filter{{Name: "vpc-name", Values: []string{"stag"}}}})
	require.NoError(t, err)
	require.Len(t, named.VpcSet, 1)
	assert.Equal(t, "vpc-5t8kd0qa", named.VpcSet[0].VpcID)

	byID, err := c.DescribeVpcs(ctx, &vpc.DescribeVpcsInput{VpcIDs: []string{"vpc-5t8kd0qa"}, Limit: common.Some("1")})
	require.NoError(t, err)
	assert.Equal(t, uint64(1), byID.TotalCount)
	var last vpctest.Request
	for _, r := range srv.Requests() {
		last = r
	}
	assert.Equal(t, "1", last.Params.Get("Limit"), "Limit travels as a string")
	assert.False(t, last.Params.Has("Offset"), "an unset Offset is not sent")

	_, err = c.DescribeVpcs(ctx, &vpc.DescribeVpcsInput{VpcIDs: []string{"vpc-5t8kd0qa"}, Filters: []vpc.Filter{{Name: "vpc-id", Values: []string{"x"}}}})
	var apiErr *qerrors.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "InvalidParameter.Coexist", apiErr.CodeDesc)
	assert.ErrorIs(t, err, vpc.ErrInvalidParameterCoexist, "the code's sentinel")
	assert.ErrorIs(t, err, qerrors.ErrInvalidParameter, "and its class")
	assert.NotErrorIs(t, err, vpc.ErrInvalidParameterFilterInvalidKey)
	assert.NotErrorIs(t, err, vpc.ErrResourceNotFound)

	_, err = c.DescribeVpcs(ctx, &vpc.DescribeVpcsInput{Filters: []vpc.Filter{{Name: "zone", Values: []string{"x"}}}})
	assert.ErrorIs(t, err, vpc.ErrInvalidParameterFilterInvalidKey)
}

// DescribeVpcs is an API 3.0 action: an API 2.0 client refuses it before
// sending anything.
func TestDescribeVpcsNeedsAPI3(t *testing.T) {
	t.Parallel()
	srv, c := newFake(t) // API 2.0
	_, err := c.DescribeVpcs(t.Context(), nil)
	assert.ErrorIs(t, err, qerrors.ErrInvalidInput)
	assert.ErrorContains(t, err, "DescribeVpcs is an API 3.0 action")
	assert.Zero(t, srv.RequestCount(""))
}

// Vpcs pages until every VPC has come once.
func TestVpcsIterates(t *testing.T) {
	t.Parallel()
	srv := vpctest.NewServer()
	t.Cleanup(srv.Close)
	for _, id := range []string{"vpc-aaaaaaa1", "vpc-aaaaaaa2", "vpc-aaaaaaa3"} {
		require.NoError(t, srv.AddVPC(vpctest.VPC{ID: id, Region: "ap-guangzhou", CIDR: "192.168.0.0/16"}))
	}
	c := clientOf(t, srv, srv.Credential())
	var got []string
	for v, err := range c.DescribeVpcsAll(t.Context(), &vpc.DescribeVpcsInput{Limit: common.Some("2")}) {
		require.NoError(t, err)
		got = append(got, v.VpcID)
	}
	assert.Equal(t, []string{"vpc-2ari9m7h", "vpc-5t8kd0qa", "vpc-aaaaaaa1", "vpc-aaaaaaa2", "vpc-aaaaaaa3"}, got)
	assert.Equal(t, 3, srv.RequestCount(vpctest.ActionDescribeVpcs), "pages of 2, 2 and 1")
}

// A server that repeats a page, or answers an empty page before the total,
// cannot make the iterator page on forever.
func TestVpcsStopsOnImpossiblePages(t *testing.T) {
	t.Parallel()
	for name, body := range map[string]string{
		"a repeated page":            `{"Response":{"TotalCount":1000000,"VpcSet":[{"VpcId":"vpc-aaaaaaa1"}],"RequestId":"r-1"}}`,
		"an empty page before total": `{"Response":{"TotalCount":1000000,"VpcSet":[],"RequestId":"r-1"}}`,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var calls atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				calls.Add(1)
				_, _ = io.WriteString(w, body)
			}))
			t.Cleanup(srv.Close)
			c, err := vpc.NewClient(auth.NewCredential("AKIDx", "key"), "ap-guangzhou", common.WithEndpoint(srv.URL))
			require.NoError(t, err)
			var last error
			for _, err := range c.DescribeVpcsAll(t.Context(), nil) {
				last = err
			}
			assert.ErrorIs(t, last, qerrors.ErrMalformedResponse)
			assert.LessOrEqual(t, calls.Load(), int32(2))
		})
	}
}
