package vpc_test

import (
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/internal/gen/gentest"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
)

// Every action follows the retry rule its name and its ClientToken give it,
// on the wire: read-only ones and those with a ClientToken are retried
// after an HTTP 502, the others are not and report the outcome unknown.
// Attach and Detach, written by hand, refuse an input without a VPC before
// sending (their rule is tested in retry_success_test.go).
func TestEveryActionFollowsTheRetryRule(t *testing.T) {
	t.Parallel()
	n, refused := gentest.CheckRetryRule(t, func(endpoint string) any {
		c, err := vpc.NewClient(auth.NewCredential("AKIDx", "key"), "ap-guangzhou", common.WithEndpoint(endpoint),
			common.WithMaxRetries(1), common.WithRetryWait(time.Microsecond, time.Microsecond))
		require.NoError(t, err)
		return c
	})
	assert.Equal(t, []string{"AttachClassicLinkVpc", "DetachClassicLinkVpc"}, refused)
	t.Logf("%d actions called", n)
	if n < 445 {
		t.Errorf("%d actions called, want at least 445", n)
	}
}

// Whatever a server quotes back of a request (its Authorization and token
// headers, its body), no action's error or debug log line shows a
// credential or a signature.
func TestEveryActionKeepsSecretsOutOfErrors(t *testing.T) {
	t.Parallel()
	n := gentest.CheckNoSecretEchoed(t, func(endpoint string, cred auth.Credential, logger *slog.Logger) any {
		c, err := vpc.NewClient(cred, "ap-guangzhou", common.WithEndpoint(endpoint), common.WithMaxRetries(0),
			common.WithLogger(logger))
		require.NoError(t, err)
		return c
	})
	if n < 445 {
		t.Errorf("%d actions called, want at least 445", n)
	}
}

// Every action's output carries the answer's RequestId. The ClassicLink
// actions, written by hand, refuse an empty input or an answer without its
// TotalCount (tested apart).
func TestEveryActionAnswersItsRequestID(t *testing.T) {
	t.Parallel()
	n, failed := gentest.CheckRequestIDs(t, func(endpoint string) any {
		c, err := vpc.NewClient(auth.NewCredential("AKIDx", "key"), "ap-guangzhou", common.WithEndpoint(endpoint))
		require.NoError(t, err)
		return c
	})
	assert.Equal(t, []string{"AttachClassicLinkVpc", "DescribeVpcClassicLink", "DetachClassicLinkVpc"}, failed)
	t.Logf("%d actions called", n)
}
