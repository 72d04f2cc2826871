package cvmtest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/cvm"
	"github.com/qcloudkit/qcloud-sdk-go/cvm/cvmtest"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
)

func TestFakeCVM(t *testing.T) {
	t.Parallel()
	srv := cvmtest.NewServer(
		cvmtest.WithInstance(cvm.Instance{InstanceID: "ins-df454d", InstanceName: "web-1", PrivateIPAddresses: []string{"10.66.1.10"}}),
		cvmtest.WithInstance(cvm.Instance{InstanceID: "ins-1a2b3c4d", InstanceName: "web-2"}))
	t.Cleanup(srv.Close)
	c, err := cvm.NewClient(srv.Credential(), "ap-guangzhou", common.WithEndpoint(srv.URL()))
	require.NoError(t, err)

	out, err := c.DescribeInstances(t.Context(), &cvm.DescribeInstancesInput{InstanceIDs: []string{"ins-df454d"}})
	require.NoError(t, err)
	require.Len(t, out.InstanceSet, 1)
	assert.Equal(t, int64(1), out.TotalCount)
	assert.Equal(t, "web-1", out.InstanceSet[0].InstanceName)
	assert.Equal(t, []string{"10.66.1.10"}, out.InstanceSet[0].PrivateIPAddresses)

	page, err := c.DescribeInstances(t.Context(), &cvm.DescribeInstancesInput{Limit: common.Some(int64(1)), Offset: common.Some(int64(1))})
	require.NoError(t, err)
	assert.Equal(t, int64(2), page.TotalCount)
	require.Len(t, page.InstanceSet, 1)
	assert.Equal(t, "ins-1a2b3c4d", page.InstanceSet[0].InstanceID)

	zones, err := c.DescribeZones(t.Context(), nil)
	require.NoError(t, err)
	assert.NotEmpty(t, zones.ZoneSet, "the example answer")
	assert.NotEmpty(t, zones.RequestID)

	wrong, err := cvm.NewClient(auth.NewCredential(srv.Credential().SecretID, "wrong"), "ap-guangzhou", common.WithEndpoint(srv.URL()))
	require.NoError(t, err)
	_, err = wrong.DescribeZones(t.Context(), nil)
	assert.ErrorIs(t, err, qerrors.ErrAuthFailure)
	require.NoError(t, srv.InjectFault("DescribeZones", 1, cvmtest.Fault{CodeDesc: "InvalidParameterValue.ZoneNotSupported"}))
	_, err = c.DescribeZones(t.Context(), nil, common.WithCallRetries(0))
	assert.ErrorIs(t, err, cvm.ErrInvalidParameterValueZoneNotSupported)
}

// The generated iterator pages through DescribeInstances (an int64
// Offset) until every instance has come once.
func TestDescribeInstancesAll(t *testing.T) {
	t.Parallel()
	var opts []cvmtest.Option
	for _, id := range []string{"ins-00000001", "ins-00000002", "ins-00000003"} {
		opts = append(opts, cvmtest.WithInstance(cvm.Instance{InstanceID: id}))
	}
	srv := cvmtest.NewServer(opts...)
	t.Cleanup(srv.Close)
	c, err := cvm.NewClient(srv.Credential(), "ap-guangzhou", common.WithEndpoint(srv.URL()))
	require.NoError(t, err)
	var got []string
	for in, err := range c.DescribeInstancesAll(t.Context(), &cvm.DescribeInstancesInput{Limit: common.Some(int64(2))}) {
		require.NoError(t, err)
		got = append(got, in.InstanceID)
	}
	assert.Equal(t, []string{"ins-00000001", "ins-00000002", "ins-00000003"}, got)
	assert.Len(t, srv.Requests(), 2, "pages of 2 and 1")
	for _, err := range c.DescribeInstancesAll(t.Context(), &cvm.DescribeInstancesInput{Offset: common.Some(int64(-1))}) {
		assert.ErrorIs(t, err, qerrors.ErrInvalidInput)
	}
}
