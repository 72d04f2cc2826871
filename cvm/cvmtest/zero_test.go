package cvmtest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/cvm"
	"github.com/qcloudkit/qcloud-sdk-go/cvm/cvmtest"
)

// A false deep in a request is sent, not dropped as a zero: RunInstances
// turns the security agent, on by default, off; an unset member stays out.
func TestNestedFalseIsSent(t *testing.T) {
	t.Parallel()
	srv := cvmtest.NewServer()
	t.Cleanup(srv.Close)
	c, err := cvm.NewClient(srv.Credential(), "ap-guangzhou", common.WithEndpoint(srv.URL()))
	require.NoError(t, err)

	_, err = c.RunInstances(t.Context(), &cvm.RunInstancesInput{
		ImageID: common.Some("img-pmqg1cw7"),
		EnhancedService: common.Some(cvm.EnhancedService{
			SecurityService: common.Some(cvm.RunSecurityServiceEnabled{Enabled: common.Some(false)}),
			MonitorService:  common.Some(cvm.RunMonitorServiceEnabled{}),
		}),
		DataDisks: []cvm.DataDisk{{DiskType: "CLOUD_PREMIUM", DiskSize: 100, DeleteWithInstance: common.Some(false)}},
	})
	require.NoError(t, err)
	reqs := srv.Requests()
	require.Len(t, reqs, 1)
	p := reqs[0].Params
	assert.Equal(t, "false", p.Get("EnhancedService.SecurityService.Enabled"))
	assert.Equal(t, "false", p.Get("DataDisks.0.DeleteWithInstance"))
	assert.False(t, p.Has("EnhancedService.MonitorService.Enabled"), "unset, not sent")
	assert.False(t, p.Has("DataDisks.0.Encrypt"), "unset, not sent")
}
