package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/common"
)

// run itself fails when a scenario's error does not match its sentinel;
// this checks that every scenario ran and printed its line.
// The same scenarios, with the same sentinels, under both protocols.
func TestRun(t *testing.T) {
	t.Parallel()
	for _, api := range []common.API{common.API2, common.API3} {
		var out bytes.Buffer
		require.NoError(t, run(context.Background(), &out, api), api)
		for _, s := range scenarios {
			assert.Contains(t, out.String(), "errors.Is(err, "+s.symbol+") = true", s.name)
		}
		assert.Equal(t, len(scenarios), strings.Count(out.String(), ") = true"))
		assert.Contains(t, out.String(), "over "+api.String())
	}
}
