//go:build unix

package auth_test

import (
	"context"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
)

// A FIFO (or any file that is not a regular one) is refused at once, never
// waited on for a writer.
func TestProfileProviderRefusesAFIFO(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "credentials")
	require.NoError(t, syscall.Mkfifo(path, 0o600))
	done := make(chan error, 1)
	go func() {
		_, err := auth.ProfileProvider(path, "").Retrieve(context.Background())
		done <- err
	}()
	select {
	case err := <-done:
		require.Error(t, err)
		assert.Contains(t, err.Error(), "not a regular file")
		assert.NotErrorIs(t, err, auth.ErrNoCredentials)
	case <-time.After(5 * time.Second):
		t.Fatal("blocked on the FIFO")
	}
}
