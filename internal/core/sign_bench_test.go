package core

import (
	"testing"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
)

// BenchmarkSignTC3 is the TC3 signer alone for a 10-field JSON body: the
// canonical request's hash (once per call), the string to sign and the
// signature (once per attempt). The target is at most 4 allocations.
func BenchmarkSignTC3(b *testing.B) {
	body := []byte(`{"VpcId":"vpc-2ari9m7h","InstanceIds":["ins-1","ins-2"],"A":"1","B":"2","C":"3","D":"4","E":"5","F":"6","G":"7"}`)
	b.ReportAllocs()
	for b.Loop() {
		ch := canonicalHashTC3("POST", "", contentTypeJSON, "vpc.tencentcloudapi.com", body)
		auth.SignTC3("secretKey", utcDate(1700000000), "vpc", "TC3-HMAC-SHA256\n1700000000\n2023-11-14/vpc/tc3_request\n"+ch)
	}
}
