// Command official-one-std is official-one in a program that also uses
// encoding/json and log/slog, as most Go services do, for the binary size
// comparison of BENCHMARKS.md.
package main

import (
	"fmt"
	"os"

	"github.com/qcloudkit/qcloud-sdk-go/interop/size/stduse"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
	vpc "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/vpc/v20170312"
)

func main() {
	c, err := vpc.NewClient(common.NewCredential(os.Getenv("TENCENTCLOUD_SECRET_ID"), os.Getenv("TENCENTCLOUD_SECRET_KEY")), "ap-guangzhou", profile.NewClientProfile())
	if err != nil {
		fmt.Println(err)
		return
	}
	out, err := c.DescribeVpcs(vpc.NewDescribeVpcsRequest())
	fmt.Println(out, err)
	stduse.Use()
}
