package cvmtest_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/cvm"
	"github.com/qcloudkit/qcloud-sdk-go/cvm/cvmtest"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
)

// RunInstances makes instances that DescribeInstances lists, and Start,
// Stop, Reboot and ResetInstancesType act on them, each operation ended at once: the SDK's
// AndWait methods return on the first poll.
func TestInstanceOperations(t *testing.T) {
	t.Parallel()
	srv := cvmtest.NewServer()
	t.Cleanup(srv.Close)
	c, err := cvm.NewClient(srv.Credential(), "ap-guangzhou", common.WithEndpoint(srv.URL()))
	require.NoError(t, err)
	fast := []common.WaitOption{common.WithMaxWait(5 * time.Second), common.WithPollInterval(time.Millisecond, time.Millisecond)}

	out, set, err := c.RunInstancesAndWait(t.Context(), &cvm.RunInstancesInput{InstanceCount: common.Some(int64(2)),
		InstanceName: common.Some("web"), Placement: common.Some(cvm.Placement{Zone: "ap-guangzhou-3"})}, fast...)
	require.NoError(t, err)
	require.Len(t, out.InstanceIDSet, 2)
	require.Len(t, set, 2)
	for _, in := range set {
		assert.Equal(t, "web", in.InstanceName)
		assert.Equal(t, "ap-guangzhou-3", in.Placement.Zone)
		assert.Equal(t, "RUNNING", in.InstanceState)
		assert.Equal(t, "RunInstances", in.LatestOperation)
	}

	_, set, err = c.StopInstancesAndWait(t.Context(), &cvm.StopInstancesInput{InstanceIDs: out.InstanceIDSet[:1]}, fast...)
	require.NoError(t, err)
	require.Len(t, set, 1)
	assert.Equal(t, "STOPPED", set[0].InstanceState)
	assert.Equal(t, "StopInstances", set[0].LatestOperation)

	_, set, err = c.StartInstancesAndWait(t.Context(), &cvm.StartInstancesInput{InstanceIDs: out.InstanceIDSet[:1]}, fast...)
	require.NoError(t, err)
	assert.Equal(t, "RUNNING", set[0].InstanceState)
	_, _, err = c.RebootInstancesAndWait(t.Context(), &cvm.RebootInstancesInput{InstanceIDs: out.InstanceIDSet}, fast...)
	require.NoError(t, err)
	_, set, err = c.ResetInstancesTypeAndWait(t.Context(), &cvm.ResetInstancesTypeInput{InstanceIDs: out.InstanceIDSet[1:],
		InstanceType: "S5.LARGE8"}, fast...)
	require.NoError(t, err)
	require.Len(t, set, 1)
	assert.Equal(t, "S5.LARGE8", set[0].InstanceType)
	assert.Equal(t, "STOPPED", set[0].InstanceState)

	all, err := c.DescribeInstances(t.Context(), nil)
	require.NoError(t, err)
	assert.Equal(t, uint64(2), uint64(all.TotalCount))

	_, err = c.StartInstances(t.Context(), &cvm.StartInstancesInput{InstanceIDs: []string{out.InstanceIDSet[0], "ins-nowhere"}})
	assert.ErrorIs(t, err, cvm.ErrInvalidInstanceIdNotFound)
	_, err = c.RunInstances(t.Context(), &cvm.RunInstancesInput{DryRun: common.Some(true)})
	var apiErr *qerrors.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "DryRunOperation", apiErr.CodeDesc)
	all, err = c.DescribeInstances(t.Context(), nil)
	require.NoError(t, err)
	assert.Equal(t, uint64(2), uint64(all.TotalCount), "neither the refused start nor the dry run changed anything")

	// A stub still wins over the world.
	require.NoError(t, srv.Stub("RunInstances", cvm.RunInstancesOutput{InstanceIDSet: []string{"ins-stubbed"}}))
	stubbed, err := c.RunInstances(t.Context(), &cvm.RunInstancesInput{})
	require.NoError(t, err)
	assert.Equal(t, []string{"ins-stubbed"}, stubbed.InstanceIDSet)
}
