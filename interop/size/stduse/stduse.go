// Package stduse uses encoding/json and log/slog as a program's own code
// would, for the size programs that compare SDKs inside a typical Go
// service (BENCHMARKS.md).
package stduse

import (
	"encoding/json"
	"log/slog"
	"os"
)

// Use marshals, unmarshals and logs.
func Use() {
	var v map[string]any
	b, _ := json.Marshal(os.Args)
	_ = json.Unmarshal(b, &v)
	slog.Info("done", "args", v)
}
