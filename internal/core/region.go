package core

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
)

// EnvRegion names the region that NewClient uses when given "".
const EnvRegion = "TENCENTCLOUD_REGION"

// defaultRegion finds the region of a client made with region "":
// $TENCENTCLOUD_REGION, else the _sys_param.region of the tccli profile
// ($TCCLI_PROFILE, else default) in ~/.tccli/<profile>.configure. It also
// says where the region came from, for an error about its value.
func defaultRegion() (region, source string, _ *qerrors.ValidationError) {
	if r := os.Getenv(EnvRegion); r != "" {
		return r, "$" + EnvRegion, nil
	}
	profile := auth.TCCLIProfileName("")
	home, err := os.UserHomeDir()
	if err != nil {
		return "", "", Invalid("region", "empty, and none is configured: pass one (ap-guangzhou) or set %s", EnvRegion)
	}
	path := filepath.Join(home, ".tccli", profile+".configure")
	b, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", "", Invalid("region", "empty, and none is configured: pass one (ap-guangzhou), set %s, or set the region of tccli profile %s (%s, _sys_param.region)", EnvRegion, profile, path)
	case err != nil:
		return "", "", Invalid("region", "empty, and the tccli profile's %s cannot be read: %v", path, err)
	}
	var conf struct {
		SysParam struct {
			Region string `json:"region"`
		} `json:"_sys_param"`
	}
	if err := json.Unmarshal(b, &conf); err != nil {
		return "", "", Invalid("region", "empty, and the tccli profile's %s is not valid JSON: %v", path, err)
	}
	if conf.SysParam.Region == "" {
		return "", "", Invalid("region", "empty, and the tccli profile's %s has no _sys_param.region: pass one (ap-guangzhou) or set %s", path, EnvRegion)
	}
	return conf.SysParam.Region, path, nil
}
