package vpc_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

// seedLinks adds n instances and links them to vpc-2ari9m7h, in batches
// whose createTime differs: the server's clock ticks a second at each reading.
func seedLinks(t *testing.T, n int) (*vpctest.Server, *vpc.Client, []string) {
	t.Helper()
	var mu sync.Mutex
	now := time.Now()
	clock := func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(time.Second)
		return now
	}
	srv, c := newFake(t, vpctest.WithClock(clock), vpctest.WithLinkLimit(n), vpctest.WithTaskPolls(0))
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("ins-p%07d", i)
		require.NoError(t, srv.AddInstance(vpctest.Instance{ID: ids[i], Name: fmt.Sprintf("node-%d", i),
			LanIP: fmt.Sprintf("10.70.%d.%d", i/200, i%200+1), Region: "ap-guangzhou"}))
	}
	ctx := context.Background()
	for start := 0; start < n; start += 25 {
		_, err := c.AttachClassicLinkVpcAndWait(ctx, &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: ids[start:min(start+25, n)]}, instant())
		require.NoError(t, err)
	}
	return srv, c, ids
}

func TestDescribeFiltersAndFields(t *testing.T) {
	t.Parallel()
	_, c, ids := seedLinks(t, 3)
	ctx := context.Background()

	all, err := c.DescribeVpcClassicLink(ctx, &vpc.DescribeVpcClassicLinkInput{OrderField: "createTime", OrderDirection: vpc.OrderAsc})
	require.NoError(t, err)
	require.Equal(t, 3, all.TotalCount)
	first := all.ClassicLinks[0]
	assert.Regexp(t, `^vcx-[a-z0-9]{8}$`, first.ClassicLinkID)
	assert.Equal(t, "vpc-2ari9m7h", first.VpcID)
	assert.Equal(t, "gz_vpc_15", first.LegacyVpcID)
	assert.Equal(t, "node-0", first.InstanceName)
	assert.Equal(t, "10.70.0.1", first.LanIP)
	name, offset := first.CreateTime.Zone()
	assert.Equal(t, "CST", name, "China Standard Time, as the service writes it")
	assert.Equal(t, 8*60*60, offset)
	assert.False(t, first.CreateTime.IsZero())

	byIP, err := c.DescribeVpcClassicLink(ctx, &vpc.DescribeVpcClassicLinkInput{LanIP: "10.70.0.2"})
	require.NoError(t, err)
	require.Len(t, byIP.ClassicLinks, 1)
	assert.Equal(t, ids[1], byIP.ClassicLinks[0].InstanceID)

	byID, err := c.DescribeVpcClassicLink(ctx, &vpc.DescribeVpcClassicLinkInput{ClassicLinkID: first.ClassicLinkID, VpcID: "gz_vpc_15"})
	require.NoError(t, err)
	require.Equal(t, 1, byID.TotalCount)
	assert.Equal(t, first, byID.ClassicLinks[0])

	desc, err := c.DescribeVpcClassicLink(ctx, &vpc.DescribeVpcClassicLinkInput{Limit: 2})
	require.NoError(t, err)
	assert.Equal(t, 3, desc.TotalCount)
	require.Len(t, desc.ClassicLinks, 2)
	assert.Equal(t, ids[2], desc.ClassicLinks[0].InstanceID, "newest first by default")

	_, err = c.DescribeVpcClassicLink(ctx, &vpc.DescribeVpcClassicLinkInput{LanIP: "192.0.2.1"})
	assert.ErrorIs(t, err, qerrors.ErrInvalidLanIPNotFound)
	_, err = c.DescribeVpcClassicLink(ctx, &vpc.DescribeVpcClassicLinkInput{VpcID: "vpc-00000000"})
	assert.ErrorIs(t, err, qerrors.ErrInvalidVpcNotFound)
}

func TestDescribeQuirks(t *testing.T) {
	t.Parallel()
	srv, c, _ := seedLinks(t, 2)
	srv.SetQuirks(vpctest.Quirks{StringNumbers: true, UniqVpcIDKey: true})
	out, err := c.DescribeVpcClassicLink(context.Background(), nil)
	require.NoError(t, err)
	assert.Equal(t, 2, out.TotalCount, "totalCount as a string")
	require.Len(t, out.ClassicLinks, 2)
	assert.Equal(t, "vpc-2ari9m7h", out.ClassicLinks[0].VpcID, "uniqVpcId spelling")
}

func TestDescribeValidation(t *testing.T) {
	t.Parallel()
	srv, c := newFake(t)
	for _, in := range []vpc.DescribeVpcClassicLinkInput{
		{Limit: 51}, {Limit: -1}, {Offset: -1}, {OrderField: "name"}, {OrderDirection: "up"}, {VpcID: "vpc 1"}, {LanIP: "10.0.0.1\n"},
		{LanIP: "10.0.0.1\u200b"}, {LanIP: "not-an-ip"}, {LanIP: strings.Repeat("1", 1<<20)}, {ClassicLinkID: "vcx-\ufeff1"},
		{VpcID: strings.Repeat("v", 65)}, {ClassicLinkID: strings.Repeat("c", 1<<20)},
	} {
		_, err := c.DescribeVpcClassicLink(context.Background(), &in)
		assert.ErrorIs(t, err, qerrors.ErrInvalidInput, "%+v", in)
	}
	assert.Zero(t, srv.RequestCount(""))
	_, err := c.DescribeVpcClassicLink(context.Background(), &vpc.DescribeVpcClassicLinkInput{Limit: 50})
	assert.NoError(t, err, "50 is the maximum, and allowed")
}

func TestClassicLinksPaginates120(t *testing.T) {
	t.Parallel()
	srv, c, ids := seedLinks(t, 120)
	before := srv.RequestCount("DescribeVpcClassicLink")

	var got []string
	seen := map[string]bool{}
	// Region-wide: one VPC holds at most 100 links (vpc.MaxLinksPerVPC);
	// the fake's WithLinkLimit lets this one hold 120.
	for link, err := range c.ClassicLinks(context.Background(), nil) {
		require.NoError(t, err)
		assert.False(t, seen[link.ClassicLinkID], "duplicate %s", link.ClassicLinkID)
		seen[link.ClassicLinkID] = true
		got = append(got, link.InstanceID)
	}
	assert.Equal(t, ids, got, "every link once, oldest first, no gaps")
	assert.Equal(t, 3, srv.RequestCount("DescribeVpcClassicLink")-before, "three pages of 50")
	for _, r := range srv.Requests() {
		if r.Action == "DescribeVpcClassicLink" {
			assert.Equal(t, "50", r.Params.Get("limit"))
			assert.Equal(t, "asc", r.Params.Get("orderDirection"))
		}
	}
}

func TestClassicLinksStopsWhenCallerBreaks(t *testing.T) {
	t.Parallel()
	srv, c, _ := seedLinks(t, 120)
	before := srv.RequestCount("DescribeVpcClassicLink")
	n := 0
	for _, err := range c.ClassicLinks(context.Background(), nil) {
		require.NoError(t, err)
		if n++; n == 60 {
			break
		}
	}
	assert.Equal(t, 60, n)
	assert.Equal(t, 2, srv.RequestCount("DescribeVpcClassicLink")-before, "no page fetched past the break")
}

func TestClassicLinksStopsOnErrorAndContext(t *testing.T) {
	t.Parallel()
	srv, c, _ := seedLinks(t, 120)
	require.NoError(t, srv.InjectFault(vpctest.ActionDescribeVpcClassicLink, 1, vpctest.Fault{Code: 4000, CodeDesc: "InvalidParameter"}))
	var errs []error
	for _, err := range c.ClassicLinks(context.Background(), nil) {
		errs = append(errs, err)
	}
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], qerrors.ErrInvalidParameter)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	var last error
	for _, err := range c.ClassicLinks(ctx, nil) {
		if last = err; err != nil {
			break
		}
		if n++; n == 50 {
			cancel()
		}
	}
	assert.Equal(t, 50, n)
	assert.True(t, errors.Is(last, context.Canceled), "%v", last)
}
