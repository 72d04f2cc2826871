//go:build json

package main

import "github.com/qcloudkit/qcloud-sdk-go/interop/size/usejson"

// With -tags json, the program also uses encoding/json, as most Go programs
// do.
func init() { usejson.Use() }
