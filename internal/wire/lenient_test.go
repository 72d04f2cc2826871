package wire_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/internal/wire"
)

type lenientItem struct {
	Count  uint64              `json:"Count"`
	Size   common.Value[int64] `json:"Size,omitzero"`
	Flag   bool                `json:"Flag"`
	Ratio  float64             `json:"Ratio"`
	Name   string              `json:"Name"`
	When   common.DateTime     `json:"When,omitzero"`
	Labels map[string]int64    `json:"Labels"`
}

type lenientOut struct {
	Items     []lenientItem `json:"Items"`
	Total     int64         `json:"TotalCount"`
	RequestID string        `json:"RequestId"`
}

// Scalars written in another type than the model's decode, at any depth,
// through common.Value, lists and maps; members matched as encoding/json
// matches them (any case).
func TestUnmarshalReadsScalarsInOtherTypes(t *testing.T) {
	t.Parallel()
	var out lenientOut
	require.NoError(t, wire.Unmarshal([]byte(`{"totalcount":" 2","RequestId":"r","Items":[
		{"Count":"7","Size":"-3","Flag":"True","Ratio":"1.5","Name":42,"When":"2024-01-02 03:04:05","Labels":{"a":"1"}},
		{"Count":8.0,"Flag":false,"Name":true}]}`), &out, true))
	size, ok := out.Items[0].Size.Get()
	assert.True(t, ok)
	assert.Equal(t, int64(-3), size)
	assert.Equal(t, int64(2), out.Total)
	assert.Equal(t, uint64(7), out.Items[0].Count)
	assert.True(t, out.Items[0].Flag)
	assert.Equal(t, 1.5, out.Items[0].Ratio)
	assert.Equal(t, "42", out.Items[0].Name)
	assert.Equal(t, map[string]int64{"a": 1}, out.Items[0].Labels)
	when, err := out.Items[0].When.Time()
	require.NoError(t, err)
	assert.Equal(t, 2024, when.Year())
	assert.Equal(t, uint64(8), out.Items[1].Count)
	assert.Equal(t, "true", out.Items[1].Name)
	assert.Equal(t, "r", out.RequestID)
}

// What no rewriting makes fit is the first decoding's error: never a
// silent zero.
func TestUnmarshalRefusesWhatDoesNotFit(t *testing.T) {
	t.Parallel()
	for _, body := range []string{
		`{"Items":[{"Count":"-1"}]}`,   // negative for a uint64
		`{"Items":[{"Count":"1.5"}]}`,  // a fraction for an integer
		`{"Items":[{"Count":"many"}]}`, // no number
		`{"Items":[{"Flag":"yes"}]}`,   // neither true nor false
		`{"Items":[{"Count":"NaN"}]}`,  // not a JSON number
		`{"Items":{"Count":1}}`,        // an object for a list
		`{"TotalCount":"0x10"}`,        // not a JSON number
		`{"TotalCount":1.5}`,           // a fraction for an integer
		`{"TotalCount":1e300}`,         // past an int64
	} {
		var out lenientOut
		err := wire.Unmarshal([]byte(body), &out, false)
		var typeErr *json.UnmarshalTypeError
		assert.ErrorAs(t, err, &typeErr, body)
	}
	var out lenientOut
	assert.Error(t, wire.Unmarshal([]byte(`{"TotalCount":"1","Unknown":1}`), &out, true), "strict: an unknown member")
	require.NoError(t, wire.Unmarshal([]byte(`{"TotalCount":"1","Unknown":1}`), &out, false))
	assert.Equal(t, int64(1), out.Total)
}

// The members of an embedded envelope are read as encoding/json reads
// them: as the outer type's own.
func TestUnmarshalReadsEmbeddedFields(t *testing.T) {
	t.Parallel()
	type inner struct {
		Count int64 `json:"Count"`
	}
	var out struct {
		inner
		Name string `json:"Name"`
	}
	require.NoError(t, wire.Unmarshal([]byte(`{"Count":"12","Name":"x"}`), &out, true))
	assert.Equal(t, int64(12), out.Count)
}
