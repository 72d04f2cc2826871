package vpctest_test

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

func TestMalformedParameters(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	tests := []struct {
		name  string
		extra []string
	}{
		{"gap in indices", []string{"vpcId", "vpc-2ari9m7h", "instanceIds.0", "ins-df454d", "instanceIds.2", "ins-1a2b3c4d"}},
		{"index not from 0", []string{"vpcId", "vpc-2ari9m7h", "instanceIds.1", "ins-df454d"}},
		{"non-numeric index", []string{"vpcId", "vpc-2ari9m7h", "instanceIds.a", "ins-df454d"}},
		{"leading zero", []string{"vpcId", "vpc-2ari9m7h", "instanceIds.00", "ins-df454d"}},
		{"numbered without dot", []string{"vpcId", "vpc-2ari9m7h", "instanceIds0", "ins-df454d"}},
		{"empty id", []string{"vpcId", "vpc-2ari9m7h", "instanceIds.0", ""}},
		{"duplicate id", []string{"vpcId", "vpc-2ari9m7h", "instanceIds.0", "ins-df454d", "instanceIds.1", "ins-df454d"}},
		{"no instances", []string{"vpcId", "vpc-2ari9m7h"}},
		{"no vpcId", []string{"instanceIds.0", "ins-df454d"}},
	}
	for _, tt := range tests {
		for _, action := range []string{"AttachClassicLinkVpc", "DetachClassicLinkVpc"} {
			e := call(t, srv, action, tt.extra...)
			assert.Equal(t, "4000", e.code(), "%s %s: %v", action, tt.name, e)
			assert.Equal(t, "InvalidParameter", e.desc(), "%s %s", action, tt.name)
		}
	}
	for _, extra := range [][]string{
		{"limit", "51"}, {"limit", "0"}, {"limit", "x"}, {"offset", "-1"}, {"orderField", "name"}, {"orderDirection", "up"},
	} {
		assert.Equal(t, "4000", call(t, srv, "DescribeVpcClassicLink", extra...).code(), "%v", extra)
	}
	assert.Equal(t, "0", call(t, srv, "DescribeVpcClassicLink", "limit", "50").code())
	assert.Equal(t, "4000", call(t, srv, "DescribeVpcTaskResult").code(), "taskId missing")
	assert.Equal(t, "4000", call(t, srv, "DescribeVpcTaskResult", "taskId", "abc").code())
	e := call(t, srv, "DescribeVpcTaskResult", "taskId", "1")
	assert.Equal(t, "5000", e.code())
	assert.Equal(t, "InvalidTaskId.NotFound", e.desc())
	e = call(t, srv, "CreateVpc")
	assert.Equal(t, "4000", e.code())
	assert.Equal(t, "InvalidAction", e.desc())

	out, err := client(t, srv).DescribeVpcClassicLink(t.Context(), nil)
	require.NoError(t, err)
	assert.Zero(t, out.TotalCount, "no malformed request changed anything")
}

func TestNotFoundPaths(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	resp, err := http.Get(srv.URL() + "/v3/")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
	req, _ := http.NewRequest(http.MethodPut, srv.URL()+"/v2/index.php", nil)
	resp, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
}

func TestAttachIsAllOrNothing(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	c := client(t, srv)
	_, err := c.AttachClassicLinkVpc(t.Context(), &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h",
		InstanceIDs: []string{"ins-df454d", "ins-missing1", "ins-1a2b3c4d", "ins-missing2"}})
	require.ErrorIs(t, err, qerrors.ErrInvalidInstanceNotFound)
	assert.Contains(t, err.Error(), "ins-missing1, ins-missing2", "the error names the missing ids")

	_, err = c.AttachClassicLinkVpc(t.Context(), &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h",
		InstanceIDs: []string{"ins-df454d", "ins-bj01a2b3"}})
	require.ErrorIs(t, err, qerrors.ErrInvalidParameter)
	assert.Contains(t, err.Error(), "InvalidParameter.RegionMismatch")

	// Nothing was half-done: both instances link at once now.
	res, err := c.AttachClassicLinkVpcAndWait(t.Context(), &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h",
		InstanceIDs: []string{"ins-df454d", "ins-1a2b3c4d"}}, vpc.WithPollInterval(time.Millisecond, time.Millisecond))
	require.NoError(t, err)
	assert.Equal(t, vpc.TaskSucceeded, res.Status)
}

func TestDefaultLinkLimitIs100(t *testing.T) {
	t.Parallel()
	srv := newServer(t, vpctest.WithTaskPolls(0))
	ids := make([]string, 101)
	for i := range ids {
		ids[i] = fmt.Sprintf("ins-l%07d", i)
		require.NoError(t, srv.AddInstance(vpctest.Instance{ID: ids[i], LanIP: fmt.Sprintf("10.80.0.%d", i+1), Region: "ap-guangzhou"}))
	}
	c := client(t, srv)
	all := []string{"vpcId", "vpc-2ari9m7h"}
	for i, id := range ids {
		all = append(all, fmt.Sprintf("instanceIds.%d", i), id)
	}
	assert.Equal(t, "InstanceLimitExceeded", call(t, srv, "AttachClassicLinkVpc", all...).desc(), "101 at once (the SDK refuses to send that many)")
	_, err := c.AttachClassicLinkVpc(t.Context(), &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: ids[:60]})
	require.NoError(t, err)
	_, err = c.AttachClassicLinkVpc(t.Context(), &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: ids[60:100]})
	require.NoError(t, err, "pending links count toward the limit, and 100 fit")
	_, err = c.AttachClassicLinkVpc(t.Context(), &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: ids[100:]})
	require.ErrorIs(t, err, qerrors.ErrInstanceLimitExceeded)
	_, err = c.AttachClassicLinkVpc(t.Context(), &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-5t8kd0qa", InstanceIDs: ids[100:]})
	assert.NoError(t, err, "the limit is per VPC")
}

func TestTaskLifecycleOnServerClock(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	now := time.Now()
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	srv := newServer(t, vpctest.WithClock(clock), vpctest.WithTaskPolls(1_000_000), vpctest.WithTaskDuration(time.Minute))
	c := client(t, srv)
	ctx := t.Context()

	out, err := c.AttachClassicLinkVpc(ctx, &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d"}})
	require.NoError(t, err)
	for range 3 {
		res, err := c.DescribeVpcTaskResult(ctx, out.TaskID)
		require.NoError(t, err)
		assert.Equal(t, vpc.TaskRunning, res.Status)
	}
	page, err := c.DescribeVpcClassicLink(ctx, nil)
	require.NoError(t, err)
	assert.Zero(t, page.TotalCount, "not listed while its task runs")

	_, err = c.DetachClassicLinkVpc(ctx, &vpc.DetachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d"}})
	assert.ErrorIs(t, err, qerrors.ErrActionLocked, "busy while its task runs")

	mu.Lock()
	now = now.Add(time.Minute)
	mu.Unlock()
	res, err := c.DescribeVpcTaskResult(ctx, out.TaskID)
	require.NoError(t, err)
	assert.Equal(t, vpc.TaskSucceeded, res.Status)
	page, err = c.DescribeVpcClassicLink(ctx, nil)
	require.NoError(t, err)
	require.Equal(t, 1, page.TotalCount)
	want := now.Truncate(time.Second).Add(-time.Minute)
	assert.True(t, want.Equal(page.ClassicLinks[0].CreateTime), "createTime %v, want %v", page.ClassicLinks[0].CreateTime, want)
}

func TestDescribeOrderAndPaging(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	now := time.Now()
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); now = now.Add(time.Second); return now }
	srv := newServer(t, vpctest.WithClock(clock), vpctest.WithTaskPolls(0))
	c := client(t, srv)
	ids := []string{"ins-df454d", "ins-1a2b3c4d", "ins-5e6f7a8b"}
	for _, id := range ids {
		_, err := c.AttachClassicLinkVpcAndWait(t.Context(), &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{id}},
			vpc.WithPollInterval(time.Millisecond, time.Millisecond))
		require.NoError(t, err)
	}
	list := func(in vpc.DescribeVpcClassicLinkInput) (int, []string) {
		out, err := c.DescribeVpcClassicLink(t.Context(), &in)
		require.NoError(t, err)
		var got []string
		for _, l := range out.ClassicLinks {
			got = append(got, l.InstanceID)
		}
		return out.TotalCount, got
	}
	total, got := list(vpc.DescribeVpcClassicLinkInput{OrderDirection: vpc.OrderAsc})
	assert.Equal(t, 3, total)
	assert.Equal(t, ids, got)
	_, got = list(vpc.DescribeVpcClassicLinkInput{})
	assert.Equal(t, []string{ids[2], ids[1], ids[0]}, got, "desc is the default")
	total, got = list(vpc.DescribeVpcClassicLinkInput{OrderDirection: vpc.OrderAsc, Offset: 1, Limit: 1})
	assert.Equal(t, 3, total, "totalCount counts every match, not the page")
	assert.Equal(t, []string{ids[1]}, got)
	total, got = list(vpc.DescribeVpcClassicLinkInput{Offset: 10})
	assert.Equal(t, 3, total)
	assert.Empty(t, got)
	_, got = list(vpc.DescribeVpcClassicLinkInput{LanIP: "10.66.1.12"})
	assert.Equal(t, []string{"ins-5e6f7a8b"}, got)
	_, got = list(vpc.DescribeVpcClassicLinkInput{LanIP: "10.66.1.13"})
	assert.Empty(t, got, "an instance that exists but is not linked")
	_, got = list(vpc.DescribeVpcClassicLinkInput{VpcID: "vpc-5t8kd0qa"})
	assert.Empty(t, got)
}

func TestWorldSeeding(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	assert.Error(t, srv.AddVPC(vpctest.VPC{ID: "vpc-2ari9m7h", Region: "ap-guangzhou", CIDR: "10.9.0.0/16"}), "taken")
	assert.Error(t, srv.AddVPC(vpctest.VPC{ID: "vpc-newone01", LegacyID: "gz_vpc_15", Region: "ap-guangzhou", CIDR: "10.9.0.0/16"}), "old id taken")
	assert.Error(t, srv.AddVPC(vpctest.VPC{ID: "vpc-x", Region: "ap-guangzhou", CIDR: "10.9.0.0/16"}))
	assert.Error(t, srv.AddVPC(vpctest.VPC{ID: "vpc-newone01", Region: "ap-guangzhou", CIDR: "10.9.0.0"}))
	assert.Error(t, srv.AddVPC(vpctest.VPC{ID: "vpc-newone01", Region: "gz", CIDR: "10.9.0.0/16"}))
	assert.Error(t, srv.AddInstance(vpctest.Instance{ID: "ins-df454d", LanIP: "10.0.0.1", Region: "ap-guangzhou"}))
	assert.Error(t, srv.AddInstance(vpctest.Instance{ID: "i-1", LanIP: "10.0.0.1", Region: "ap-guangzhou"}))
	assert.Error(t, srv.AddInstance(vpctest.Instance{ID: "ins-abcdef", LanIP: "ten", Region: "ap-guangzhou"}))

	require.NoError(t, srv.AddVPC(vpctest.VPC{ID: "vpc-newone01", LegacyID: "sh_vpc_1", Region: "ap-shanghai", CIDR: "10.9.0.0/16"}))
	require.NoError(t, srv.AddInstance(vpctest.Instance{ID: "ins-sh0001", Name: "sh", LanIP: "10.9.0.5", Region: "ap-shanghai"}))
	sh, err := vpc.NewClient(srv.Credential(), "sh", common.WithAPI(common.API2), commonEndpoint(srv))
	require.NoError(t, err)
	_, err = sh.AttachClassicLinkVpcAndWait(context.Background(), &vpc.AttachClassicLinkVpcInput{VpcID: "sh_vpc_1", InstanceIDs: []string{"ins-sh0001"}},
		vpc.WithPollInterval(time.Millisecond, time.Millisecond))
	require.NoError(t, err, "the short region name sh means ap-shanghai")
}

// A task finishes on the server's clock whether anyone polls it or not, so
// that a caller who lost the answer of an Attach can list the links later.
func TestUnpolledTaskFinishesOnServerClock(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	now := time.Now()
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	srv := newServer(t, vpctest.WithClock(clock), vpctest.WithTaskDuration(30*time.Second))
	c := client(t, srv)
	ctx := t.Context()
	_, err := c.AttachClassicLinkVpc(ctx, &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d"}})
	require.NoError(t, err)
	mu.Lock()
	now = now.Add(29 * time.Second)
	mu.Unlock()
	page, err := c.DescribeVpcClassicLink(ctx, nil)
	require.NoError(t, err)
	assert.Zero(t, page.TotalCount, "still running at 29 s")
	mu.Lock()
	now = now.Add(time.Second)
	mu.Unlock()
	page, err = c.DescribeVpcClassicLink(ctx, nil)
	require.NoError(t, err)
	assert.Equal(t, 1, page.TotalCount, "finished at 30 s without a single poll")
	assert.Zero(t, srv.RequestCount(vpctest.ActionDescribeVpcTaskResult))
}

func TestAddLinkSeedsExistingLinks(t *testing.T) {
	t.Parallel()
	srv := newServer(t, vpctest.WithLinkLimit(2))
	require.NoError(t, srv.AddLink("gz_vpc_15", "ins-df454d"))
	require.NoError(t, srv.AddLink("vpc-2ari9m7h", "ins-1a2b3c4d"))
	for _, tt := range []struct{ vpc, instance, want string }{
		{"vpc-2ari9m7h", "ins-df454d", "linked already"},
		{"vpc-00000000", "ins-5e6f7a8b", "no VPC"},
		{"vpc-2ari9m7h", "ins-nothere", "no instance"},
		{"vpc-bj2k9x7q", "ins-5e6f7a8b", "is in ap-guangzhou"},
		{"vpc-2ari9m7h", "ins-5e6f7a8b", "the limit"},
	} {
		err := srv.AddLink(tt.vpc, tt.instance)
		require.Error(t, err, tt)
		assert.Contains(t, err.Error(), tt.want)
	}
	c := client(t, srv)
	page, err := c.DescribeVpcClassicLink(t.Context(), &vpc.DescribeVpcClassicLinkInput{VpcID: "vpc-2ari9m7h"})
	require.NoError(t, err)
	assert.Equal(t, 2, page.TotalCount)
	_, err = c.DetachClassicLinkVpcAndWait(t.Context(), &vpc.DetachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d"}},
		vpc.WithPollInterval(time.Millisecond, time.Millisecond))
	assert.NoError(t, err, "a seeded link detaches like any other")
}
