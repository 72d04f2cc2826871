package core

import (
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
)

// EnvRegion names the region that NewClient uses when given "".
const EnvRegion = "TENCENTCLOUD_REGION"

// defaultRegion finds the region of a client made with region "":
// $TENCENTCLOUD_REGION, else the _sys_param.region of the tccli profile
// ($TCCLI_PROFILE, else default) in ~/.tccli/<profile>.configure.
func defaultRegion() (string, *qerrors.ValidationError) {
	if r := os.Getenv(EnvRegion); r != "" {
		return r, nil
	}
	profile := auth.TCCLIProfileName("")
	path := "~/.tccli/" + profile + ".configure"
	if home, err := os.UserHomeDir(); err == nil {
		path = filepath.Join(home, ".tccli", profile+".configure")
		if b, err := os.ReadFile(path); err == nil {
			var conf struct {
				SysParam struct {
					Region string `json:"region"`
				} `json:"_sys_param"`
			}
			if json.Unmarshal(b, &conf) == nil && conf.SysParam.Region != "" {
				return conf.SysParam.Region, nil
			}
		}
	}
	return "", qerrors.Invalid("region", "empty, and none is configured: pass one (ap-guangzhou), set %s, or set the region of tccli profile %s (%s, _sys_param.region)", EnvRegion, profile, path)
}
