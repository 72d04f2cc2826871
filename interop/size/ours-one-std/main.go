// Command ours-one-std is ours-one in a program that also uses
// encoding/json and log/slog, as most Go services do, for the binary size
// comparison of BENCHMARKS.md.
package main

import (
	"context"
	"fmt"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/interop/size/stduse"
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
	stduse.Use()
}
