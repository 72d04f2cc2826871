package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// run itself fails when a scenario's error does not match its sentinel;
// this checks that every scenario ran and printed its line.
func TestRun(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out))
	for _, s := range scenarios {
		assert.Contains(t, out.String(), "errors.Is(err, "+s.symbol+") = true", s.name)
	}
	assert.Equal(t, len(scenarios), strings.Count(out.String(), ") = true"))
}
