// Package common is the client core shared by the service packages: options,
// parameter encoding, the signing transport, retries and envelope decoding.
//
// Most programs use it only for its options:
//
//	client, err := vpc.NewClient(auth.EnvProvider(), "ap-guangzhou",
//		common.WithMaxRetries(5),
//		common.WithTimeout(10*time.Second),
//		common.WithLogger(slog.Default()),
//	)
//
// A service package calls [Client.Call] with an [Operation], a parameter
// struct tagged for go-querystring (`url:"vpcId,omitempty"`, lists as
// [IndexedList]) and a pointer to a result struct tagged for encoding/json.
// Every attempt is signed afresh by the transport (new Timestamp and Nonce),
// so a retry never replays a request, and no signed URL reaches a log line
// or an error.
package common
