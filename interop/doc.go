// Package interop proves wire compatibility between qcloud-sdk-go and the
// official github.com/tencentcloud/tencentcloud-sdk-go: the official
// client's v2-style (HmacSHA1/HmacSHA256) requests are accepted by vpctest,
// and this project's signatures equal the official common.Sign. It is a
// module of its own so that the library never depends on the official SDK.
// Its benchmarks compare the two clients on the same fake.
package interop
