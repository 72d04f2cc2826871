package wire

import (
	"encoding/json"
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
		{`5100`, 5100, false}, {`"5100"`, 5100, false}, {`-1`, -1, false}, {`"0"`, 0, false},
		{`null`, 7, false}, // unchanged
		{`""`, 0, true}, {`"5x"`, 0, true}, {`1.5`, 0, true}, {`true`, 0, true}, {`"99999999999999999999"`, 0, true},
	}
	for _, tt := range tests {
		n := Int(7)
		if tt.want != 7 {
			n = 0
		}
		err := json.Unmarshal([]byte(tt.in), &n)
		if tt.wantErr {
			assert.Error(t, err, tt.in)
			continue
		}
		assert.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, n, tt.in)
	}
}
