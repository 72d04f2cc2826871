package cvm_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/cvm"
	"github.com/qcloudkit/qcloud-sdk-go/internal/gen/gentest"
)

// Every action keeps the SDK's promises on the wire: the retry rule its
// name and its ClientToken give it, no secret in an error or a log line
// whatever the server quotes, the answer's RequestId in its output.
func TestEveryAction(t *testing.T) {
	t.Parallel()
	n := gentest.CheckEveryAction(t, func(cred auth.Credential, opts ...common.Option) any {
		c, err := cvm.NewClient(cred, "ap-guangzhou", opts...)
		require.NoError(t, err)
		return c
	})
	t.Logf("%d actions", n)
	if n < 106 {
		t.Errorf("%d actions, want at least 106", n)
	}
}
