// Command official-all reaches the official SDK's VPC methods by name
// (reflection keeps every method), for the binary size comparison of
// BENCHMARKS.md.
package main

import (
	"fmt"
	"os"
	"reflect"

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
	fmt.Println(reflect.ValueOf(c).MethodByName(os.Args[len(os.Args)-1]).IsValid())
}
