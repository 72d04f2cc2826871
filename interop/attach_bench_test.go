package interop

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	tc "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tcvpc "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/vpc/v20170312"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
)

// The Attach benchmarks: one AttachClassicLinkVpc with 1, 10 or 100
// instance ids, against a server in a child process (benchServer), by
//
//   - floor: net/http alone sending a request of the same size, prepared
//     once, and reading the answer (what any client costs at least);
//   - official: tencentcloud-sdk-go (its common client signing the v2-style
//     request under API 2.0; its 3.0 VPC client under API 3.0);
//   - qcloud: this SDK.
//
// Each runs single-threaded and under b.RunParallel with 32 goroutines per
// core. BENCHMARKS.md has the commands and the figures.

var benchCred = auth.NewCredential("AKIDbench00000000000000000000000", "benchSecretKey0000000000000000")

func benchIDs(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("ins-%08d", i)
	}
	return ids
}

// run runs call single-threaded, then in parallel.
func run(b *testing.B, call func() error) {
	b.Run("single", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := call(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("parallel", func(b *testing.B) {
		b.ReportAllocs()
		b.SetParallelism(32)
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				if err := call(); err != nil {
					b.Error(err)
					return
				}
			}
		})
	})
}

// floorClient is net/http with as many idle connections as the SDK keeps.
func floorClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns, t.MaxIdleConnsPerHost = 1024, 1024
	return &http.Client{Transport: t}
}

func floorCall(c *http.Client, newReq func() *http.Request) func() error {
	return func() error {
		resp, err := c.Do(newReq())
		if err != nil {
			return err
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return err
	}
}

func BenchmarkAttachAPI2(b *testing.B) {
	base := benchServer(b)
	ctx := context.Background()
	for _, n := range []int{1, 10, 100} {
		ids := benchIDs(n)
		b.Run(fmt.Sprintf("ids=%d/floor", n), func(b *testing.B) {
			// A query of the same shape and size as a signed Attach.
			var q strings.Builder
			q.WriteString("Action=AttachClassicLinkVpc&Nonce=5577006791947779410&Region=ap-guangzhou&SecretId=" + benchCred.SecretID +
				"&SignatureMethod=HmacSHA256&Timestamp=1700000000&vpcId=vpc-2ari9m7h&Signature=0EEm%2FHtGRr%2FVJXTAD9tYMth1Bzm3lLHz5RCDv1GdM8s%3D")
			for i, id := range ids {
				fmt.Fprintf(&q, "&instanceIds.%d=%s", i, id)
			}
			u := base + "/v2/index.php?" + q.String()
			c := floorClient()
			run(b, floorCall(c, func() *http.Request { r, _ := http.NewRequest(http.MethodGet, u, nil); return r }))
		})
		b.Run(fmt.Sprintf("ids=%d/official", n), func(b *testing.B) {
			official := officialClient(b, base, benchCred, "HmacSHA256", "GET")
			run(b, func() error {
				_, err := attach(official, "vpc-2ari9m7h", ids...)
				return err
			})
		})
		b.Run(fmt.Sprintf("ids=%d/qcloud", n), func(b *testing.B) {
			ours, err := vpc.NewClient(benchCred, "ap-guangzhou", common.WithAPI(common.API2), common.WithEndpoint(base))
			if err != nil {
				b.Fatal(err)
			}
			in := &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: ids}
			run(b, func() error { _, err := ours.AttachClassicLinkVpc(ctx, in); return err })
		})
	}
}

func BenchmarkAttachAPI3(b *testing.B) {
	base := benchServer(b)
	ctx := context.Background()
	for _, n := range []int{1, 10, 100} {
		ids := benchIDs(n)
		b.Run(fmt.Sprintf("ids=%d/floor", n), func(b *testing.B) {
			body := `{"VpcId":"vpc-2ari9m7h","InstanceIds":["` + strings.Join(ids, `","`) + `"]}`
			c := floorClient()
			run(b, floorCall(c, func() *http.Request {
				r, _ := http.NewRequest(http.MethodPost, base+"/", strings.NewReader(body))
				r.Header.Set("Content-Type", "application/json")
				r.Header.Set("X-TC-Action", "AttachClassicLinkVpc")
				r.Header.Set("X-TC-Version", "2017-03-12")
				r.Header.Set("X-TC-Region", "ap-guangzhou")
				r.Header.Set("X-TC-Timestamp", "1700000000")
				r.Header.Set("Authorization", "TC3-HMAC-SHA256 Credential="+benchCred.SecretID+"/2023-11-14/vpc/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168")
				return r
			}))
		})
		b.Run(fmt.Sprintf("ids=%d/official", n), func(b *testing.B) {
			official := official3(b, base, benchCred, "TC3-HMAC-SHA256", "POST")
			run(b, func() error {
				req := tcvpc.NewAttachClassicLinkVpcRequest()
				req.VpcId = tc.StringPtr("vpc-2ari9m7h")
				req.InstanceIds = tc.StringPtrs(ids)
				_, err := official.AttachClassicLinkVpc(req)
				return err
			})
		})
		b.Run(fmt.Sprintf("ids=%d/qcloud", n), func(b *testing.B) {
			ours, err := vpc.NewClient(benchCred, "ap-guangzhou", common.WithAPI(common.API3), common.WithEndpoint(base))
			if err != nil {
				b.Fatal(err)
			}
			in := &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: ids}
			run(b, func() error { _, err := ours.AttachClassicLinkVpc(ctx, in); return err })
		})
	}
}
