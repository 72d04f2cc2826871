package wire

import (
	"encoding/json"
	"fmt"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestIntAcceptsNumberOrString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    Int
		wantErr bool
	}{
		{`5100`, Int{5100, true}, false}, {`"5100"`, Int{5100, true}, false}, {`-1`, Int{-1, true}, false},
		{`"0"`, Int{0, true}, false}, {`0`, Int{0, true}, false},
		{`null`, Int{}, false}, // not valid: as if absent
		{`""`, Int{}, true}, {`"5x"`, Int{}, true}, {`1.5`, Int{}, true}, {`true`, Int{}, true}, {`"99999999999999999999"`, Int{}, true},
	}
	for _, tt := range tests {
		var n Int
		err := json.Unmarshal([]byte(tt.in), &n)
		if tt.wantErr {
			assert.Error(t, err, tt.in)
			continue
		}
		assert.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, n, tt.in)
	}
	var absent struct {
		N Int `json:"n"`
	}
	assert.NoError(t, json.Unmarshal([]byte(`{"m":1}`), &absent))
	assert.False(t, absent.N.Valid, "an absent field is not valid")
}

func TestFormEncodesListsAsNameDotIndex(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, 1, 12, 1100} {
		l := make([]string, n)
		for i := range l {
			l[i] = fmt.Sprintf("v%d", i)
		}
		f := Form{}
		f.SetList("ids", l)
		f.Set("name", "x")
		f.Set("empty", "")
		f.SetInt("zero", 0)
		v := url.Values(f)
		got := map[string]string{}
		assert.NoError(t, Each(v, func(name, value string) {
			_, dup := got[name]
			assert.False(t, dup, name)
			got[name] = value
		}))
		want := map[string]string{"name": "x"}
		for i := range l {
			want[fmt.Sprintf("ids.%d", i)] = l[i]
		}
		assert.Equal(t, want, got)
		assert.Equal(t, n+1, Len(v))
	}
}

func TestFlatten(t *testing.T) {
	t.Parallel()
	type filter struct {
		Name   string   `json:"Name"`
		Values []string `json:"Values"`
	}
	v, err := Flatten(struct {
		Filters []filter `json:"Filters"`
		Limit   string   `json:"Limit"`
		N       int      `json:"N"`
		B       bool     `json:"B"`
		Skip    *string  `json:"Skip"`
	}{Filters: []filter{{"vpc-id", []string{"a", "b"}}}, Limit: "20", N: 7, B: true})
	assert.NoError(t, err)
	assert.Equal(t, url.Values{"Filters.0.Name": {"vpc-id"}, "Filters.0.Values.0": {"a"}, "Filters.0.Values.1": {"b"},
		"Limit": {"20"}, "N": {"7"}, "B": {"true"}}, v, "null is left out")
	_, err = Flatten([]int{1})
	assert.Error(t, err, "not an object")
}

func TestFormSetInt(t *testing.T) {
	t.Parallel()
	f := Form{}
	f.SetInt("taskId", 135254)
	f.SetInt("offset", -1)
	assert.Equal(t, Form{"taskId": {"135254"}, "offset": {"-1"}}, f)
}

func TestEachRefusesRepeatedNames(t *testing.T) {
	t.Parallel()
	v := url.Values{"plain": {"a", "b"}}
	err := Each(v, func(string, string) { t.Error("called for a name with two values") })
	assert.ErrorContains(t, err, "parameter plain has 2 values")
}
