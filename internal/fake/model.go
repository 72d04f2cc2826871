package fake

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/qcloudkit/qcloud-sdk-go/internal/gen/model"
)

// commonParams are the parameters of the v1 signature that no action
// declares.
var commonParams = []string{"Action", "Version", "Region", "Timestamp", "Nonce", "SecretId", "Signature",
	"SignatureMethod", "Token", "Language", "RequestClient"}

// check refuses an API 3.0 call that its action's model does not allow, as
// the service does: an unknown action (InvalidAction), a member the input
// does not have (UnknownParameter), a required one missing
// (MissingParameter), or a value of another type (InvalidParameterValue).
// A JSON body is checked by its JSON types; a query or form, by what its
// strings parse as.
func (s *Server) check(c *Call) *Error {
	a := s.action(c.Action)
	if a == nil {
		return &Error{Code3: "InvalidAction", Message: "the action " + c.Action + " does not exist"}
	}
	in := s.cfg.Model.Object(a.Input)
	if c.json != nil {
		return s.checkObject(in, c.json, "")
	}
	for name, values := range c.Params {
		if slices.Contains(commonParams, name) {
			continue
		}
		if e := s.checkFlat(in, strings.Split(name, "."), name, values[0]); e != nil {
			return e
		}
	}
	for _, m := range in.Members {
		if m.Required && !hasFlat(c.Params, m.Name) {
			return missing(m.Name)
		}
	}
	return nil
}

// action returns the model's action name, or nil.
func (s *Server) action(name string) *model.Action {
	for i := range s.cfg.Model.Actions {
		if s.cfg.Model.Actions[i].Name == name {
			return &s.cfg.Model.Actions[i]
		}
	}
	return nil
}

// hasFlat reports whether flattened params give the member name.
func hasFlat(params map[string][]string, name string) bool {
	for k := range params {
		if k == name || strings.HasPrefix(k, name+".") {
			return true
		}
	}
	return false
}

func missing(path string) *Error {
	return &Error{Code3: "MissingParameter", Message: "the parameter " + path + " is required"}
}

func member(o *model.Object, name string) *model.Member {
	for i := range o.Members {
		if o.Members[i].Name == name {
			return &o.Members[i]
		}
	}
	return nil
}

func unknown(path string) *Error {
	return &Error{Code3: "UnknownParameter", Message: "the parameter " + path + " is not recognized"}
}

func wrongType(path, want string) *Error {
	return &Error{Code3: "InvalidParameterValue", Message: fmt.Sprintf("the parameter %s must be %s", path, want)}
}

// checkObject checks the JSON object v against o, its required members
// included.
func (s *Server) checkObject(o *model.Object, v map[string]any, prefix string) *Error {
	for k := range v {
		if member(o, k) == nil {
			return unknown(prefix + k)
		}
	}
	for _, m := range o.Members {
		if m.Required && v[m.Name] == nil {
			return missing(prefix + m.Name)
		}
	}
	for k, x := range v {
		m := member(o, k)
		if x == nil {
			continue // null: left out
		}
		if m.Type != "list" {
			if e := s.checkValue(m.Elem, x, prefix+k); e != nil {
				return e
			}
			continue
		}
		list, ok := x.([]any)
		if !ok {
			return wrongType(prefix+k, "an array")
		}
		for i, y := range list {
			if e := s.checkValue(m.Elem, y, prefix+k+"."+strconv.Itoa(i)); e != nil {
				return e
			}
		}
	}
	return nil
}

// checkValue checks one JSON value of element type elem.
func (s *Server) checkValue(elem string, x any, path string) *Error {
	switch elem {
	case "string", "datetime", "datetime_iso", "date":
		if _, ok := x.(string); !ok {
			return wrongType(path, "a string")
		}
	case "bool":
		if _, ok := x.(bool); !ok {
			return wrongType(path, "a boolean")
		}
	case "int64", "int", "uint64", "float":
		n, ok := x.(json.Number)
		if !ok || !numberOf(elem, n.String()) {
			return wrongType(path, "a number ("+elem+")")
		}
	default:
		o := s.cfg.Model.Object(elem)
		obj, ok := x.(map[string]any)
		if o == nil || !ok {
			return wrongType(path, "an object")
		}
		return s.checkObject(o, obj, path+".")
	}
	return nil
}

// checkFlat checks one flattened parameter (Filters.0.Values.1) of o.
func (s *Server) checkFlat(o *model.Object, segs []string, name, value string) *Error {
	m := member(o, segs[0])
	if m == nil {
		return unknown(name)
	}
	rest := segs[1:]
	if m.Type == "list" {
		if len(rest) == 0 {
			return wrongType(name, "a list (Name.0, Name.1, ...)")
		}
		if _, err := strconv.ParseUint(rest[0], 10, 32); err != nil {
			return unknown(name)
		}
		rest = rest[1:]
	}
	if next := s.cfg.Model.Object(m.Elem); next != nil {
		if len(rest) == 0 {
			return wrongType(name, "an object")
		}
		return s.checkFlat(next, rest, name, value)
	}
	if len(rest) > 0 {
		return unknown(name)
	}
	switch m.Elem {
	case "bool":
		if value != "true" && value != "false" {
			return wrongType(name, "true or false")
		}
	case "int64", "int", "uint64", "float":
		if !numberOf(m.Elem, value) {
			return wrongType(name, "a number ("+m.Elem+")")
		}
	}
	return nil
}

// numberOf reports whether text is a number of type elem.
func numberOf(elem, text string) bool {
	var err error
	switch elem {
	case "uint64":
		_, err = strconv.ParseUint(text, 10, 64)
	case "float":
		_, err = strconv.ParseFloat(text, 64)
	default:
		_, err = strconv.ParseInt(text, 10, 64)
	}
	return err == nil
}

// Stub makes the server answer action with answer's members (a map, or a
// struct such as the action's typed output) instead of its example. It
// refuses an action its model does not have.
func (s *Server) Stub(action string, answer any) error {
	if s.cfg.Model == nil || s.action(action) == nil {
		return fmt.Errorf("Stub: unknown action %q", action)
	}
	b, err := json.Marshal(answer)
	if err != nil {
		return fmt.Errorf("Stub %s: %w", action, err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return fmt.Errorf("Stub %s: the answer must encode as a JSON object: %w", action, err)
	}
	delete(m, "RequestId")
	s.cfg.Lock.Lock()
	defer s.cfg.Lock.Unlock()
	s.stubs[action] = m
	return nil
}

// Stubbed reports whether a test registered an answer for action with
// Stub. The caller holds the Lock.
func (s *Server) Stubbed(action string) bool {
	_, ok := s.stubs[action]
	return ok
}

// Answer answers a checked API 3.0 call from the model: a stub registered
// with Stub, else the action's first example answer that agrees with the
// model (a few of the vendor's write a number or a bool as a string), else
// an answer with only its RequestId. The caller holds the Lock.
func (s *Server) Answer(c *Call) (map[string]any, *Error) {
	if m, ok := s.stubs[c.Action]; ok {
		return m, nil
	}
	out := s.cfg.Model.Object(s.action(c.Action).Output)
	for _, ex := range s.cfg.Examples[c.Action] {
		var whole struct {
			Response map[string]any
		}
		dec := json.NewDecoder(strings.NewReader(string(ex)))
		dec.UseNumber()
		if dec.Decode(&whole) != nil || whole.Response["Error"] != nil {
			continue
		}
		delete(whole.Response, "RequestId")
		if out != nil && s.checkObject(out, whole.Response, "") != nil {
			continue
		}
		return whole.Response, nil
	}
	return map[string]any{}, nil
}

// flatJSON decodes a JSON body for check, numbers kept as written.
func flatJSON(body []byte) map[string]any {
	var v map[string]any
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.UseNumber()
	if dec.Decode(&v) != nil {
		return nil
	}
	return v
}
