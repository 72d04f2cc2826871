// Command ours-all reaches this SDK's VPC methods by name (reflection keeps
// every method), for the binary size comparison of BENCHMARKS.md.
package main

import (
	"fmt"
	"os"
	"reflect"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
)

func main() {
	c, err := vpc.NewClient(auth.EnvProvider(), "ap-guangzhou")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(reflect.ValueOf(c).MethodByName(os.Args[len(os.Args)-1]).IsValid())
}
