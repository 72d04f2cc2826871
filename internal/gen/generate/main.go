// Command generate writes a service package's generated code from its
// model (internal/gen/models/<service>.json): one Operation descriptor and
// one typed method per action, the input, output and object types, and a
// Code constant per documented error code. A service package runs it with
// go generate:
//
//	//go:generate go run ../internal/gen/generate -model ../internal/gen/models/vpc.json -skip AttachClassicLinkVpc,...
package main

import (
	"flag"
	"fmt"
	"go/format"
	"os"
	"strings"

	"github.com/qcloudkit/qcloud-sdk-go/internal/gen/model"
)

func main() {
	modelPath := flag.String("model", "", "the service's model")
	skip := flag.String("skip", "", "actions written by hand, comma-separated")
	flag.Parse()
	if *modelPath == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*modelPath, strings.Split(*skip, ",")); err != nil {
		fmt.Fprintln(os.Stderr, "generate:", err)
		os.Exit(1)
	}
}

func run(modelPath string, skip []string) error {
	s, err := model.Load(modelPath)
	if err != nil {
		return err
	}
	g, err := newGenerator(s, skip)
	if err != nil {
		return err
	}
	for name, src := range map[string][]byte{
		"operations_gen.go":   g.operations(),
		"iterators_gen.go":    g.iterators(),
		"waiters_gen.go":      g.waiters(),
		"types_gen.go":        g.types(),
		"errors_gen.go":       g.errorCodes(),
		"outputs_gen_test.go": g.outputs(),
	} {
		if src == nil { // nothing of the kind in this service
			_ = os.Remove(name)
			continue
		}
		out, err := format.Source(src)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := os.WriteFile(name, out, 0o644); err != nil {
			return err
		}
	}
	return nil
}
