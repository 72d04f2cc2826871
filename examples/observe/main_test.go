package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every attempt is counted once, the throttled one apart from the rest.
func TestRun(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out))
	assert.Equal(t, `qcloud_attempts_total{service="vpc",action="AttachClassicLinkVpc",outcome="api_error",code="RequestLimitExceeded"} 1
qcloud_attempts_total{service="vpc",action="AttachClassicLinkVpc",outcome="success",code=""} 1
qcloud_attempts_total{service="vpc",action="DescribeVpcTaskResult",outcome="success",code=""} 1
qcloud_attempts_total{service="vpc",action="DescribeVpcs",outcome="success",code=""} 1
`, out.String())
}
