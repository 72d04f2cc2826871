package vpc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every answer of the vendor's examples (vpc/testdata/examples.json,
// written by internal/gen/derive) decodes into its action's typed output,
// every member known and of its type, and encodes back to the same JSON:
// no member lost. A member the example gives as null or zero may come back
// absent (outputs leave zero members out).
func TestExampleAnswersRoundTrip(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("testdata/examples.json")
	require.NoError(t, err)
	var examples map[string][]json.RawMessage
	require.NoError(t, json.Unmarshal(b, &examples))
	n := 0
	for action, answers := range examples {
		newOut, ok := newOutput[action]
		if !ok {
			continue // written by hand
		}
		for i, answer := range answers {
			var whole struct{ Response json.RawMessage }
			require.NoError(t, json.Unmarshal(answer, &whole))
			var envelope struct{ Error any }
			require.NoError(t, json.Unmarshal(whole.Response, &envelope))
			if envelope.Error != nil {
				continue // an error answer: nothing to decode into the output
			}
			name := fmt.Sprintf("%s/%d", action, i)
			if reason, ok := exampleDefects[name]; ok {
				// The example disagrees with the model; it must keep failing,
				// so that this list shrinks when the decoding learns to read it.
				out := newOut()
				dec := json.NewDecoder(bytes.NewReader(whole.Response))
				dec.DisallowUnknownFields()
				assert.Error(t, dec.Decode(out), "%s decodes now (%s): take it off exampleDefects", name, reason)
				continue
			}
			t.Run(name, func(t *testing.T) {
				out := newOut()
				dec := json.NewDecoder(bytes.NewReader(whole.Response))
				dec.DisallowUnknownFields()
				require.NoError(t, dec.Decode(out), "every member known, of its type")
				again, err := json.Marshal(out)
				require.NoError(t, err)
				assertSameJSON(t, whole.Response, again)
			})
			n++
		}
	}
	assert.Greater(t, n, 400, "examples checked")
}

// exampleDefects are the vendor's example answers that disagree with its
// own model, and why: a member spelt otherwise, or a number or a bool
// written as a string.
var exampleDefects = map[string]string{
	"CreateVpcEndPointService/0":      "AutoAcceptFlag, a bool, written as a string",
	"CheckAssistantCidr/0":            "a member the model does not have (ConfilctId, spelt so)",
	"ModifyAssistantCidr/0":           "Subnet.AvailableIpAddressCount, a uint64, written as a string",
	"ModifyAssistantCidr/1":           "Subnet.AvailableIpAddressCount, a uint64, written as a string",
	"DescribeAddressTemplateGroups/0": "AddressTemplateName, a member the model does not have",
	"CreateAddressTemplateGroup/0":    "AddressTemplateName, a member the model does not have",
	"DescribeVpnConnections/0":        "IntegrityAlgorith, a member the model does not have (spelt so)",
	"CreateVpnConnection/0":           "IntegrityAlgorith, a member the model does not have (spelt so)",
}

// assertSameJSON checks that got holds every member of want, equal, where
// a null or zero member of want may be absent from got.
func assertSameJSON(t *testing.T, want, got []byte) {
	t.Helper()
	var w, g any
	for _, x := range []struct {
		b []byte
		v *any
	}{{want, &w}, {got, &g}} {
		dec := json.NewDecoder(bytes.NewReader(x.b))
		dec.UseNumber()
		require.NoError(t, dec.Decode(x.v))
	}
	sameJSON(t, "Response", w, g)
}

func sameJSON(t *testing.T, path string, want, got any) {
	t.Helper()
	switch w := want.(type) {
	case map[string]any:
		g, _ := got.(map[string]any)
		for k, v := range w {
			gv, ok := lookupFold(g, k)
			if !ok {
				assert.True(t, isZeroJSON(v), "%s.%s lost: %v", path, k, v)
				continue
			}
			sameJSON(t, path+"."+k, v, gv)
		}
	case []any:
		g, _ := got.([]any)
		if !assert.Len(t, g, len(w), path) {
			return
		}
		for i := range w {
			sameJSON(t, fmt.Sprintf("%s[%d]", path, i), w[i], g[i])
		}
	case json.Number:
		g, ok := got.(json.Number)
		if assert.True(t, ok, "%s: %v is %T", path, got, got) {
			assert.Equal(t, canonicalNumber(w), canonicalNumber(g), path)
		}
	default:
		assert.Equal(t, want, got, path)
	}
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

// isZeroJSON reports whether v is null, a zero value of its kind, or an
// object of zero members (an output leaves a zero object out).
func isZeroJSON(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case json.Number:
		f, err := v.Float64()
		return err == nil && f == 0
	case map[string]any:
		for _, x := range v {
			if !isZeroJSON(x) {
				return false
			}
		}
		return true
	case []any:
		return len(v) == 0
	}
	return reflect.ValueOf(v).IsZero()
}

// canonicalNumber writes a number without its formatting (1.0 is 1).
func canonicalNumber(n json.Number) string {
	if i, err := n.Int64(); err == nil {
		return fmt.Sprint(i)
	}
	f, _ := n.Float64()
	return fmt.Sprint(f)
}
