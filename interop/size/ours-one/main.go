// Command ours-one calls one VPC action with this SDK, for the binary size
// comparison of BENCHMARKS.md.
package main

import (
	"context"
	"fmt"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
)

func main() {
	c, err := vpc.NewClient(auth.EnvProvider(), "ap-guangzhou")
	if err != nil {
		fmt.Println(err)
		return
	}
	out, err := c.DescribeVpcs(context.Background(), nil)
	fmt.Println(out, err)
}
