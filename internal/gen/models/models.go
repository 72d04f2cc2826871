// Package models holds the SDK's models of the services it generates
// (<service>.json, written by internal/gen/derive), and the vendor's example
// answers (<service>_examples.json) and requests (<service>_requests.json):
// for the fakes, which check requests against a model and answer with its
// examples, and for the tests.
package models

import (
	"embed"
	"encoding/json"
	"fmt"

	"github.com/qcloudkit/qcloud-sdk-go/internal/gen/model"
)

//go:embed *.json
var files embed.FS

// Load returns the model of service ("vpc", "cvm").
func Load(service string) (*model.Service, error) {
	b, err := files.ReadFile(service + ".json")
	if err != nil {
		return nil, err
	}
	var s model.Service
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("model %s: %w", service, err)
	}
	return &s, nil
}

// Examples returns the example answers of service's actions, by action:
// each a whole answer, {"Response": {...}}.
func Examples(service string) (map[string][]json.RawMessage, error) {
	b, err := files.ReadFile(service + "_examples.json")
	if err != nil {
		return nil, err
	}
	var ex map[string][]json.RawMessage
	if err := json.Unmarshal(b, &ex); err != nil {
		return nil, fmt.Errorf("examples %s: %w", service, err)
	}
	return ex, nil
}

// Request is the parameters of one of the vendor's example requests: a
// JSON body, or the flattened query of a GET.
type Request struct {
	JSON  json.RawMessage   `json:",omitempty"`
	Query map[string]string `json:",omitempty"`
}

// Requests returns the example requests of service's actions, by action.
func Requests(service string) (map[string][]Request, error) {
	b, err := files.ReadFile(service + "_requests.json")
	if err != nil {
		return nil, err
	}
	var r map[string][]Request
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("requests %s: %w", service, err)
	}
	return r, nil
}
