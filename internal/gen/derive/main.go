// Command derive writes the SDK's model of a service (internal/gen/model)
// from the vendor's API description, a folder with api.json, errors.json
// and classes.json, keeping facts only: names, types, widths, required
// flags, short ASCII examples, error codes, paging and task classes. It
// also writes the answers and the requests of the vendor's examples
// (<service>_examples.json and, beside it, <service>_requests.json), for
// the fakes and the generated package's tests, with every non-ASCII string
// replaced (the structure and the types are what the tests read; no vendor
// prose enters the repository). Maintainers run it when the vendor's
// description changes:
//
//	go run ./internal/gen/derive -spec <folder> -service vpc -model internal/gen/models/vpc.json -examples internal/gen/models/vpc_examples.json
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/qcloudkit/qcloud-sdk-go/internal/gen/model"
)

func main() {
	spec := flag.String("spec", "", "folder of the vendor's api.json, errors.json, classes.json and examples.json")
	service := flag.String("service", "", "the service's name, such as vpc")
	out := flag.String("model", "", "the model file to write")
	examples := flag.String("examples", "", "the example answers file to write (optional)")
	flag.Parse()
	if *spec == "" || *service == "" || *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*spec, *service, *out, *examples); err != nil {
		fmt.Fprintln(os.Stderr, "derive:", err)
		os.Exit(1)
	}
}

// The vendor's files, as far as derive reads them.
type (
	vendorAPI struct {
		Metadata struct {
			APIVersion string `json:"apiVersion"`
		} `json:"metadata"`
		Actions map[string]struct {
			Input  string `json:"input"`
			Output string `json:"output"`
			Status string `json:"status"`
		} `json:"actions"`
		Objects map[string]struct {
			Members []struct {
				Name     string `json:"name"`
				Type     string `json:"type"`
				Member   string `json:"member"`
				Required bool   `json:"required"`
				Example  string `json:"example"`
				Disabled bool   `json:"disabled"`
			} `json:"members"`
		} `json:"objects"`
	}
	vendorErrors struct {
		Actions map[string][]string `json:"actions"`
	}
	vendorClasses struct {
		PagedOffsetLimit map[string]string `json:"paged_offset_limit"`
		PagedNextToken   []string          `json:"paged_next_token"`
		ClientToken      []string          `json:"client_token"`
		TaskByRequestID  []string          `json:"task_by_request_id_DescribeVpcTaskResult"`
		TaskByTaskID     []string          `json:"task_by_TaskId_DescribeTaskResult"`
	}
	vendorExamples struct {
		Actions map[string][]struct {
			Input  string `json:"input"`
			Output string `json:"output"`
		} `json:"actions"`
	}
)

func readJSON(dir, name string, v any) error {
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func run(spec, service, out, examplesOut string) error {
	var api vendorAPI
	var errs vendorErrors
	var classes vendorClasses
	if err := errors.Join(readJSON(spec, "api.json", &api), readJSON(spec, "errors.json", &errs), readJSON(spec, "classes.json", &classes)); err != nil {
		return err
	}
	s := model.Service{Name: service, Version: api.Metadata.APIVersion,
		Source: "derived by internal/gen/derive from the vendor's API description (TencentCloud/tencentcloud-cli, Apache-2.0; error codes from TencentCloud/tencentcloud-sdk-go, Apache-2.0)"}
	for name, a := range api.Actions {
		act := model.Action{Name: name, Input: a.Input, Output: a.Output, Errors: errs.Actions[name]}
		switch {
		case classes.PagedOffsetLimit[name] != "":
			act.Paging = "offset"
		case slices.Contains(classes.PagedNextToken, name):
			act.Paging = "token"
		}
		switch {
		case slices.Contains(classes.TaskByRequestID, name):
			act.Task = "request_id"
		case slices.Contains(classes.TaskByTaskID, name):
			act.Task = "task_id"
		}
		act.ClientToken = slices.Contains(classes.ClientToken, name)
		s.Actions = append(s.Actions, act)
	}
	slices.SortFunc(s.Actions, func(a, b model.Action) int { return strings.Compare(a.Name, b.Name) })
	for name, o := range api.Objects {
		obj := model.Object{Name: name}
		for _, m := range o.Members {
			obj.Members = append(obj.Members, model.Member{Name: m.Name, Type: m.Type, Elem: m.Member, Required: m.Required,
				Example: example(m.Example), Deprecated: m.Disabled})
		}
		s.Objects = append(s.Objects, obj)
	}
	slices.SortFunc(s.Objects, func(a, b model.Object) int { return strings.Compare(a.Name, b.Name) })
	if err := writeJSON(out, s); err != nil {
		return err
	}
	if examplesOut == "" {
		return nil
	}
	var ex vendorExamples
	if err := readJSON(spec, "examples.json", &ex); err != nil {
		return err
	}
	answers := map[string][]json.RawMessage{}
	requests := map[string][]exampleRequest{}
	for name, list := range ex.Actions {
		for _, e := range list {
			if r, ok := parseRequest(e.Input); ok {
				requests[name] = append(requests[name], r)
			}
			var v any
			dec := json.NewDecoder(strings.NewReader(e.Output))
			dec.UseNumber()
			if dec.Decode(&v) != nil {
				continue // not JSON: nothing a test can read
			}
			b, err := json.Marshal(ascii(v))
			if err != nil {
				return err
			}
			answers[name] = append(answers[name], b)
		}
	}
	if err := writeJSON(examplesOut, answers); err != nil {
		return err
	}
	return writeJSON(strings.TrimSuffix(examplesOut, "_examples.json")+"_requests.json", requests)
}

// exampleRequest is the parameters of an example request: a JSON body, or
// the flattened query of a GET.
type exampleRequest struct {
	JSON  any               `json:",omitempty"`
	Query map[string]string `json:",omitempty"`
}

// parseRequest reads an example's request: "POST / HTTP/1.1" with headers
// and a JSON body, or a GET URL with a parameter a line. Strings with
// non-ASCII characters become "x".
func parseRequest(in string) (exampleRequest, bool) {
	if strings.HasPrefix(in, "POST") {
		_, body, ok := strings.Cut(in, "\n\n")
		dec := json.NewDecoder(strings.NewReader(body))
		dec.UseNumber()
		var v any
		if !ok || dec.Decode(&v) != nil {
			return exampleRequest{}, false
		}
		return exampleRequest{JSON: ascii(v)}, true
	}
	q := map[string]string{}
	_, rest, _ := strings.Cut(in, "?")
	for _, line := range strings.Split(rest, "\n") {
		k, v, ok := strings.Cut(strings.TrimPrefix(strings.TrimSpace(line), "&"), "=")
		if !ok || k == "Action" {
			continue
		}
		if strings.ContainsFunc(v, func(r rune) bool { return r > 127 }) {
			v = "x"
		}
		q[k] = v
	}
	return exampleRequest{Query: q}, true
}

// example keeps a short ASCII example, which states a fact (a format, an
// id's shape); anything else is left out.
func example(e string) string {
	if len(e) > 64 || strings.ContainsFunc(e, func(r rune) bool { return r > 127 || r < ' ' }) {
		return ""
	}
	return e
}

// ascii replaces every string with non-ASCII characters in v by "x".
func ascii(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			v[k] = ascii(x)
		}
	case []any:
		for i, x := range v {
			v[i] = ascii(x)
		}
	case string:
		if strings.ContainsFunc(v, func(r rune) bool { return r > 127 }) {
			return "x"
		}
	}
	return v
}

func writeJSON(path string, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}
