// Command observe shows the SDK's one extension point for tracing and
// metrics, common.WithObserver: every attempt of every call, with its
// service, action, number, duration, HTTP status, RequestId and outcome,
// never a secret. It counts attempts as a Prometheus counter would
// (service, action, outcome) and prints them, against an embedded vpctest
// fake whose first Attach is throttled:
//
//	go run ./examples/observe
//
// An OpenTelemetry tracer would start a span per attempt in the same
// function (ending it at once, with a.Duration as its length) or record
// the attempts as events of the caller's span from ctx; neither needs a
// dependency in the SDK.
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// counter counts attempts by labels, as a metrics library would.
type counter struct {
	mu     sync.Mutex
	counts map[string]int
}

func (c *counter) observe(_ context.Context, a common.Attempt) {
	c.mu.Lock()
	defer c.mu.Unlock()
	key := fmt.Sprintf("qcloud_attempts_total{service=%q,action=%q,outcome=%q,code=%q}", a.Service, a.Action, a.Outcome, a.ErrorCode)
	c.counts[key]++
}

func (c *counter) print(w io.Writer) {
	c.mu.Lock()
	defer c.mu.Unlock()
	keys := make([]string, 0, len(c.counts))
	for k := range c.counts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintln(w, k, c.counts[k])
	}
}

func run(ctx context.Context, w io.Writer) error {
	srv := vpctest.NewServer(vpctest.WithTaskPolls(0))
	defer srv.Close()
	if err := srv.InjectFault(vpctest.ActionAttachClassicLinkVpc, 1, vpctest.Fault{CodeDesc: "RequestLimitExceeded"}); err != nil {
		return err
	}
	metrics := &counter{counts: map[string]int{}}
	client, err := vpc.NewClient(srv.Credential(), "ap-guangzhou", common.WithEndpoint(srv.URL()),
		common.WithRetryWait(10*time.Millisecond, 100*time.Millisecond), common.WithObserver(metrics.observe))
	if err != nil {
		return err
	}
	if _, err := client.AttachClassicLinkVpcAndWait(ctx, &vpc.AttachClassicLinkVpcInput{
		VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d"},
	}, vpc.WithPollInterval(10*time.Millisecond, 100*time.Millisecond)); err != nil {
		return err
	}
	if _, err := client.DescribeVpcs(ctx, nil, common.WithCallTimeout(5*time.Second)); err != nil {
		return err
	}
	metrics.print(w)
	return nil
}
