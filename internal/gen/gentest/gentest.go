// Package gentest proves a generated service package and its fake against
// the vendor's examples: every example answer decodes into its action's
// typed output, every member known and of its type, and encodes back to
// the same JSON; every example request is accepted by the fake. It also
// checks every action on the wire: it follows the retry rule its name
// gives it, and its errors show no secret, whatever the server quotes.
package gentest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
	"github.com/qcloudkit/qcloud-sdk-go/internal/gen/models"
	"github.com/qcloudkit/qcloud-sdk-go/internal/wire"
)

// CheckExamples checks the example answers of service (internal/gen/models)
// of the actions newOutput knows (by name: a new output of each generated
// action), decoded as the SDK decodes answers: a number or a bool that an
// example writes as a string comes back in the model's type, the same
// value. It returns how many answers passed.
func CheckExamples(t *testing.T, service string, newOutput map[string]func() any) int {
	t.Helper()
	examples, err := models.Examples(service)
	if err != nil {
		t.Fatal(err)
	}
	passed := 0
	for action, answers := range examples {
		newOut, ok := newOutput[action]
		if !ok {
			continue // written by hand
		}
		for i, answer := range answers {
			var whole struct{ Response json.RawMessage }
			var envelope struct{ Error any }
			if json.Unmarshal(answer, &whole) != nil || json.Unmarshal(whole.Response, &envelope) != nil || envelope.Error != nil {
				continue // not a success answer: nothing to decode into the output
			}
			name := fmt.Sprintf("%s/%d", action, i)
			out := newOut()
			// As the SDK decodes, but refusing members out does not have.
			if err := wire.Unmarshal(whole.Response, out, true); err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			again, err := json.Marshal(out)
			if err != nil {
				t.Errorf("%s: encoding: %v", name, err)
				continue
			}
			if problem := sameJSON("Response", parse(whole.Response), parse(again)); problem != "" {
				t.Errorf("%s: %s", name, problem)
				continue
			}
			passed++
		}
	}
	return passed
}

func parse(b []byte) any {
	var v any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	_ = dec.Decode(&v)
	return v
}

// sameJSON says how got differs from want, or returns "": got holds every
// member of want, equal (members matched as encoding/json matches them),
// where a null or zero member of want may be absent from got.
func sameJSON(path string, want, got any) string {
	switch w := want.(type) {
	case map[string]any:
		g, _ := got.(map[string]any)
		for k, v := range w {
			gv, ok := lookupFold(g, k)
			if !ok {
				if !isZero(v) {
					return fmt.Sprintf("%s.%s lost: %v", path, k, v)
				}
				continue
			}
			if p := sameJSON(path+"."+k, v, gv); p != "" {
				return p
			}
		}
	case []any:
		g, _ := got.([]any)
		if len(g) != len(w) {
			return fmt.Sprintf("%s: %d elements, want %d", path, len(g), len(w))
		}
		for i := range w {
			if p := sameJSON(fmt.Sprintf("%s[%d]", path, i), w[i], g[i]); p != "" {
				return p
			}
		}
	case json.Number:
		g, ok := got.(json.Number)
		if s, isString := got.(string); isString { // a number where the model says string
			g, ok = json.Number(s), s == w.String()
		}
		if !ok || canonical(w) != canonical(g) {
			return fmt.Sprintf("%s: %v, want %v", path, got, w)
		}
	case string: // a number or a bool written as a string comes back in its type
		switch g := got.(type) {
		case json.Number:
			if _, err := json.Number(w).Float64(); err != nil || canonical(json.Number(w)) != canonical(g) {
				return fmt.Sprintf("%s: %v, want %q", path, got, w)
			}
		case bool:
			if !strings.EqualFold(w, strconv.FormatBool(g)) {
				return fmt.Sprintf("%s: %v, want %q", path, got, w)
			}
		default:
			if got != want {
				return fmt.Sprintf("%s: %v, want %q", path, got, w)
			}
		}
	default:
		if !reflect.DeepEqual(want, got) {
			return fmt.Sprintf("%s: %v, want %v", path, got, want)
		}
	}
	return ""
}

// lookupFold finds key in m as encoding/json matches members: exactly,
// else without regard to case.
func lookupFold(m map[string]any, key string) (any, bool) {
	if v, ok := m[key]; ok {
		return v, true
	}
	for k, v := range m {
		if strings.EqualFold(k, key) {
			return v, true
		}
	}
	return nil, false
}

// isZero reports whether v is null, a zero value of its kind (written as a
// string too), or an object of zero members (an output leaves a zero
// object out).
func isZero(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case json.Number:
		f, err := v.Float64()
		return err == nil && f == 0
	case map[string]any:
		for _, x := range v {
			if !isZero(x) {
				return false
			}
		}
		return true
	case []any:
		return len(v) == 0
	case string: // or a zero number or false written as a string
		return v == "" || strings.EqualFold(v, "false") || isZero(json.Number(v))
	}
	return reflect.ValueOf(v).IsZero()
}

// canonical writes a number without its formatting (1.0 is 1).
func canonical(n json.Number) string {
	if i, err := n.Int64(); err == nil {
		return fmt.Sprint(i)
	}
	f, _ := n.Float64()
	return fmt.Sprint(f)
}

// CheckExampleRequests sends every example request of service (but those
// of the actions in skip, which need state the fake at url lacks) to that
// fake, signed with cred: a JSON body as a POST, a query as a GET. Every
// one must be accepted, its action, names, types and required members the
// model's, but those defects names ("Action/index": why), which disagree
// with the vendor's own model and must keep being refused, so that the
// list shrinks if the fake learns to read them. It returns how many were
// accepted.
func CheckExampleRequests(t *testing.T, service, url string, cred auth.Credential, skip []string, defects map[string]string) int {
	t.Helper()
	model, err := models.Load(service)
	if err != nil {
		t.Fatal(err)
	}
	requests, err := models.Requests(service)
	if err != nil {
		t.Fatal(err)
	}
	clients := map[string]*core.Client{}
	for _, method := range []string{"POST", "GET"} {
		c, err := core.New(core.Service{Name: service, Version3: model.Version}, cred, "ap-guangzhou", common.WithEndpoint(url), common.WithHTTPMethod(method), common.WithMaxRetries(0))
		if err != nil {
			t.Fatal(err)
		}
		clients[method] = c
	}
	accepted := 0
	for action, list := range requests {
		if slices.Contains(skip, action) {
			continue
		}
		for i, r := range list {
			c, params := clients["POST"], any(r.JSON)
			if r.JSON == nil {
				c, params = clients["GET"], r.Query
			}
			var out struct{ RequestId string }
			err := c.Call(t.Context(), &core.Operation{Action: action}, params, &out)
			name := fmt.Sprintf("%s/%d", action, i)
			switch why, defect := defects[name]; {
			case defect && err == nil:
				t.Errorf("%s is listed as a defect (%s) but was accepted", name, why)
			case !defect && err != nil:
				t.Errorf("%s: %v", name, err)
			case err == nil:
				accepted++
			}
		}
	}
	return accepted
}
