package core_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
)

// Region "" comes from TENCENTCLOUD_REGION, else the tccli profile's
// .configure; with neither, an error that says where a region can come from.
func TestDefaultRegion(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv(core.EnvRegion, "")
	t.Setenv("TCCLI_PROFILE", "")

	_, err := core.New(vpcService, testCred, "")
	require.ErrorIs(t, err, qerrors.ErrInvalidInput)
	assert.Contains(t, err.Error(), "set TENCENTCLOUD_REGION")
	assert.Contains(t, err.Error(), filepath.Join(home, ".tccli", "default.configure"))

	require.NoError(t, os.MkdirAll(filepath.Join(home, ".tccli"), 0o700))
	require.NoError(t, os.WriteFile(filepath.Join(home, ".tccli", "work.configure"),
		[]byte(`{"_sys_param":{"region":"ap-shanghai","output":"json"},"vpc":{"endpoint":"vpc.tencentcloudapi.com"}}`), 0o600))
	t.Setenv("TCCLI_PROFILE", "work")
	c, err := core.New(vpcService, testCred, "")
	require.NoError(t, err)
	assert.Equal(t, "ap-shanghai", c.Region())

	t.Setenv(core.EnvRegion, "ap-beijing")
	c, err = core.New(vpcService, testCred, "")
	require.NoError(t, err)
	assert.Equal(t, "ap-beijing", c.Region(), "the environment first")

	t.Setenv(core.EnvRegion, "Bad Region")
	_, err = core.New(vpcService, testCred, "")
	assert.ErrorContains(t, err, "want lower-case letters")
	c, err = core.New(vpcService, testCred, "ap-hongkong")
	require.NoError(t, err)
	assert.Equal(t, "ap-hongkong", c.Region(), "a given region wins")
}
