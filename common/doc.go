// Package common holds what every service client of the SDK shares and its
// users touch: the options and the protocol selector.
//
//	client, err := vpc.NewClient(auth.EnvProvider(), "ap-guangzhou",
//		common.WithMaxRetries(5),
//		common.WithTimeout(10*time.Second),
//		common.WithLogger(slog.Default()),
//	)
//
// The client core itself (request building, the signing transport, retries
// and envelope decoding for both protocols) is private to the module.
package common
