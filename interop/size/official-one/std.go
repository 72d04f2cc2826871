//go:build std

package main

import "github.com/qcloudkit/qcloud-sdk-go/interop/size/stduse"

// With -tags std, the program also uses encoding/json and log/slog, as most
// Go services do.
func init() { stduse.Use() }
