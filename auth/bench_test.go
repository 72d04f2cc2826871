package auth_test

import (
	"fmt"
	"net/url"
	"testing"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
)

// BenchmarkSignAttach signs an AttachClassicLinkVpc request with 12 ids.
func BenchmarkSignAttach(b *testing.B) {
	params := url.Values{
		"Action": {"AttachClassicLinkVpc"}, "Nonce": {"5577006791947779410"}, "Region": {"ap-guangzhou"},
		"SecretId": {docSecretID}, "SignatureMethod": {"HmacSHA256"}, "Timestamp": {"1465185768"},
		"vpcId": {"vpc-2ari9m7h"},
	}
	for i := range 12 {
		params.Set(fmt.Sprintf("instanceIds.%d", i), fmt.Sprintf("ins-%06d", i))
	}
	b.ReportAllocs()
	for b.Loop() {
		auth.Sign(auth.StringToSign("GET", "vpc.api.qcloud.com", "/v2/index.php", params), docSecretKey, auth.HmacSHA256)
	}
}

// BenchmarkSignV2 is the v2-style signer alone: StringToSign and Sign of
// 10 parameters (the target is at most 4 allocations).
func BenchmarkSignV2(b *testing.B) {
	params := url.Values{
		"Action": {"AttachClassicLinkVpc"}, "Nonce": {"5577006791947779410"}, "Region": {"ap-guangzhou"},
		"SecretId": {docSecretID}, "SignatureMethod": {"HmacSHA256"}, "Timestamp": {"1465185768"},
		"vpcId": {"vpc-2ari9m7h"}, "instanceIds.0": {"ins-df454d"}, "instanceIds.1": {"ins-1a2b3c4d"}, "Token": {"tok"},
	}
	b.ReportAllocs()
	for b.Loop() {
		auth.Sign(auth.StringToSign("GET", "vpc.api.qcloud.com", "/v2/index.php", params), docSecretKey, auth.HmacSHA256)
	}
}
