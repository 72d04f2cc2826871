package vpc_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
)

// BenchmarkAttachClassicLinkVpc measures one call, signing and decoding
// included, against a loopback server that answers at once.
func BenchmarkAttachClassicLinkVpc(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, `{"code":0,"message":"","codeDesc":"Success","taskId":135254}`)
	}))
	defer srv.Close()
	c, err := vpc.NewClient(auth.NewCredential("AKIDbench", "benchkey"), "ap-guangzhou", common.WithEndpoint(srv.URL))
	if err != nil {
		b.Fatal(err)
	}
	in := &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d", "ins-1a2b3c4d"}}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.AttachClassicLinkVpc(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
}
