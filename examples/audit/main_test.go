package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// With no arguments: both VPCs of the region, the two links of the first
// and what CVM says of their instances.
func TestAuditOnTheFakes(t *testing.T) {
	t.Setenv("TENCENTCLOUD_SECRET_ID", "") // proves no credentials are needed
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), nil, &out))
	assert.Equal(t, `vpc-2ari9m7h prod 10.0.0.0/16
  linked: ins-df454d web-1 RUNNING 10.66.1.10
  linked: ins-1a2b3c4d web-2 STOPPED 10.66.1.11
vpc-5t8kd0qa staging 172.16.0.0/16
`, out.String())
}
