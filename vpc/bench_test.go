package vpc_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
)

// BenchmarkAttachClassicLinkVpc measures one call, signing and decoding
// included: against a loopback server that answers at once, and, to see
// the SDK's own cost without the network's, against a transport that
// answers from memory (under both protocols).
func BenchmarkAttachClassicLinkVpc(b *testing.B) {
	const answer2 = `{"code":0,"message":"","codeDesc":"Success","taskId":135254}`
	const answer3 = `{"Response":{"RequestId":"6a1e1f2b-7c3d-4e5f-8a9b-0c1d2e3f4a5b"}}`
	cred := auth.NewCredential("AKIDbench", "benchkey")
	in := &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d", "ins-1a2b3c4d"}}
	bench := func(b *testing.B, c *vpc.Client) {
		ctx := context.Background()
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.AttachClassicLinkVpc(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("loopback", func(b *testing.B) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			_, _ = io.WriteString(w, answer2)
		}))
		defer srv.Close()
		c, err := vpc.NewClient(cred, "ap-guangzhou", common.WithAPI(common.API2), common.WithEndpoint(srv.URL))
		if err != nil {
			b.Fatal(err)
		}
		bench(b, c)
	})
	for _, tt := range []struct {
		name   string
		api    common.API
		answer string
	}{{"memory/api=2", common.API2, answer2}, {"memory/api=3", common.API3, answer3}} {
		b.Run(tt.name, func(b *testing.B) {
			hc := &http.Client{Transport: memoryTransport(tt.answer)}
			c, err := vpc.NewClient(cred, "ap-guangzhou", common.WithAPI(tt.api), common.WithHTTPClient(hc))
			if err != nil {
				b.Fatal(err)
			}
			bench(b, c)
		})
	}
}

// memoryTransport answers every request with a 200 and its body, after
// reading the request's.
type memoryTransport string

func (t memoryTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		_, _ = io.Copy(io.Discard, r.Body)
		r.Body.Close()
	}
	return &http.Response{StatusCode: http.StatusOK, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: http.Header{"Content-Type": {"application/json"}}, ContentLength: int64(len(t)),
		Body: io.NopCloser(strings.NewReader(string(t))), Request: r}, nil
}
