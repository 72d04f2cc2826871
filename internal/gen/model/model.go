// Package model is the SDK's own description of a service's API, derived
// from the vendor's (internal/gen/derive) and read by the generator
// (internal/gen/generate): facts only, names, types, integer widths,
// required flags, short examples, error codes, paging and task classes;
// none of the vendor's prose.
package model

import (
	"encoding/json"
	"fmt"
	"os"
)

// Service is one service's API.
type Service struct {
	// Name is the service's TC3 name ("vpc"); Version its API 3.0 Version.
	Name, Version string
	// Source says where the facts come from.
	Source string
	// Actions are sorted by name.
	Actions []Action
	// Objects are the input, output and nested objects, sorted by name.
	Objects []Object
}

// Action is one API action.
type Action struct {
	Name string
	// Input and Output name its request and response objects.
	Input, Output string
	// Errors are the codes it may answer.
	Errors []string `json:",omitempty"`
	// Paging is "offset" (Offset and Limit), "token" (NextToken) or "".
	Paging string `json:",omitempty"`
	// Task is "request_id" (polled with DescribeVpcTaskResult by the
	// RequestId), "task_id" (a numeric TaskId polled with
	// DescribeTaskResult) or "".
	Task string `json:",omitempty"`
	// ClientToken says the action takes an idempotency token.
	ClientToken bool `json:",omitempty"`
}

// Object is a structure of members.
type Object struct {
	Name    string
	Members []Member
}

// Member is one member of an object.
type Member struct {
	Name string
	// Type is string, int, bool, float, list or object.
	Type string
	// Elem is the scalar type (string, int64, uint64, bool, float,
	// datetime, datetime_iso, date) or the object name, of the member or,
	// for a list, of its elements.
	Elem string
	// Required marks a required input member.
	Required bool `json:",omitempty"`
	// Example is a short ASCII example value, when the vendor gives one.
	Example string `json:",omitempty"`
	// Deprecated marks a member the vendor disabled; answers may still
	// carry it.
	Deprecated bool `json:",omitempty"`
}

// Load reads a model file.
func Load(path string) (*Service, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var s Service
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &s, nil
}

// Object returns the object named name, or nil.
func (s *Service) Object(name string) *Object {
	for i := range s.Objects {
		if s.Objects[i].Name == name {
			return &s.Objects[i]
		}
	}
	return nil
}
