package vpc_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/internal/gen/gentest"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
)

// Every action keeps the SDK's promises on the wire: the retry rule its
// name and its ClientToken give it, no secret in an error or a log line
// whatever the server quotes, the answer's RequestId in its output.
// The ClassicLink actions, written by hand, refuse an empty input or an
// answer without its TotalCount; their retries are tested in
// retry_success_test.go.
func TestEveryAction(t *testing.T) {
	t.Parallel()
	n := gentest.CheckEveryAction(t, func(cred auth.Credential, opts ...common.Option) any {
		c, err := vpc.NewClient(cred, "ap-guangzhou", opts...)
		require.NoError(t, err)
		return c
	}, "AttachClassicLinkVpc", "DescribeVpcClassicLink", "DetachClassicLinkVpc")
	t.Logf("%d actions", n)
	if n < 448 {
		t.Errorf("%d actions, want at least 448", n)
	}
}
