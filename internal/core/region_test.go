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

	t.Setenv(core.EnvRegion, "Guangzhou")
	_, err = core.New(vpcService, testCred, "")
	assert.ErrorContains(t, err, "want lower-case letters")
	assert.ErrorContains(t, err, "(from $TENCENTCLOUD_REGION)", "the error names where the value came from")
	c, err = core.New(vpcService, testCred, "ap-hongkong")
	require.NoError(t, err)
	assert.Equal(t, "ap-hongkong", c.Region(), "a given region wins")
}

// A tccli configure file that is there but broken, or has no region, is
// not reported as if it were missing.
func TestDefaultRegionFromBrokenConfigure(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv(core.EnvRegion, "")
	t.Setenv("TCCLI_PROFILE", "")
	path := filepath.Join(home, ".tccli", "default.configure")
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o700))
	for body, want := range map[string]string{
		`{"_sys_param":`:                        "is not valid JSON",
		`{"_sys_param":{"output":"json"}}`:      "has no _sys_param.region",
		`{"_sys_param":{"region":"Guangzhou"}}`: "(from " + path + ")",
	} {
		require.NoError(t, os.WriteFile(path, []byte(body), 0o600))
		_, err := core.New(vpcService, testCred, "")
		require.ErrorIs(t, err, qerrors.ErrInvalidInput, body)
		assert.ErrorContains(t, err, want, body)
		assert.ErrorContains(t, err, path, body)
	}
}
