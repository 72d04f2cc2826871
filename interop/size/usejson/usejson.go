// Package usejson uses encoding/json as a program's own code would, for the
// size programs' variant (-tags json) that compares the SDKs inside a Go
// program that already uses it (BENCHMARKS.md).
package usejson

import (
	"encoding/json"
	"os"
)

// Use marshals and unmarshals.
func Use() {
	var v map[string]any
	b, _ := json.Marshal(os.Args)
	_ = json.Unmarshal(b, &v)
}
