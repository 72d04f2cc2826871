package auth_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/internal/logctx"
)

// issuer hands out credentials valid for lifetime, numbered; it fails
// while fail is set, and blocks each call until release if gate is set.
type issuer struct {
	lifetime time.Duration
	calls    atomic.Int32
	fail     atomic.Bool
	gate     chan struct{}
}

func (p *issuer) Retrieve(ctx context.Context) (auth.Credential, error) {
	n := p.calls.Add(1)
	if p.gate != nil {
		<-p.gate
	}
	if p.fail.Load() {
		return auth.Credential{}, errors.New("metadata service answered HTTP 500")
	}
	return auth.Credential{SecretID: "AKIDgen" + string(rune('0'+n)), SecretKey: "k", Token: "t", Expires: time.Now().Add(p.lifetime)}, nil
}

// Credentials are refreshed ahead of expiry (about five minutes), not before.
func TestCacheRefreshesAheadOfExpiry(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := &issuer{lifetime: time.Hour}
		c := auth.NewCache(p)
		ctx := context.Background()
		first, err := c.Retrieve(ctx)
		require.NoError(t, err)
		time.Sleep(54 * time.Minute) // 6 minutes left
		again, err := c.Retrieve(ctx)
		require.NoError(t, err)
		assert.Equal(t, first, again, "not refreshed 6 minutes before expiry")
		assert.Equal(t, int32(1), p.calls.Load())

		time.Sleep(90 * time.Second) // 4.5 minutes left: inside the window (5 min plus up to 30 s jitter)
		served, err := c.Retrieve(ctx)
		require.NoError(t, err)
		assert.Equal(t, first, served, "the still-valid credentials are served while the refresh runs")
		synctest.Wait()
		assert.Equal(t, int32(2), p.calls.Load())
		fresh, err := c.Retrieve(ctx)
		require.NoError(t, err)
		assert.NotEqual(t, first.SecretID, fresh.SecretID, "the refreshed ones, afterwards")
	})
}

// 100 goroutines asking a cache with nothing valid make one request.
func TestCacheOneRefreshForManyCallers(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := &issuer{lifetime: time.Hour, gate: make(chan struct{})}
		c := auth.NewCache(p)
		var wg sync.WaitGroup
		errs := make([]error, 100)
		for i := range errs {
			wg.Go(func() { _, errs[i] = c.Retrieve(context.Background()) })
		}
		synctest.Wait() // all 100 wait on the one refresh
		close(p.gate)
		wg.Wait()
		for _, err := range errs {
			assert.NoError(t, err)
		}
		assert.Equal(t, int32(1), p.calls.Load())
	})
}

// One caller giving up does not cancel the refresh for the others.
func TestCacheRefreshOutlivesACallersContext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := &issuer{lifetime: time.Hour, gate: make(chan struct{})}
		c := auth.NewCache(p)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error)
		go func() { _, err := c.Retrieve(ctx); done <- err }()
		synctest.Wait()
		cancel()
		assert.ErrorIs(t, <-done, context.Canceled)
		close(p.gate)
		cred, err := c.Retrieve(context.Background())
		require.NoError(t, err)
		assert.Equal(t, "AKIDgen1", cred.SecretID, "the first refresh completed and is used")
		assert.Equal(t, int32(1), p.calls.Load())
	})
}

// A failing refresh: valid credentials keep being served, with a warning
// and a backoff; once they expire, a clear error.
func TestCacheRefreshFailure(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := &issuer{lifetime: 10 * time.Minute}
		c := auth.NewCache(p)
		var logs bytes.Buffer
		ctx := logctx.With(context.Background(), slog.New(slog.NewTextHandler(&logs, nil)))
		first, err := c.Retrieve(ctx)
		require.NoError(t, err)
		p.fail.Store(true)
		time.Sleep(6 * time.Minute) // inside the window (half the lifetime)
		got, err := c.Retrieve(ctx)
		require.NoError(t, err)
		assert.Equal(t, first, got)
		synctest.Wait()
		assert.Contains(t, logs.String(), "credentials refresh failed")
		assert.NotContains(t, logs.String(), first.SecretKey+"\"", "no secret in the warning")
		calls := p.calls.Load()
		for range 5 { // within the one-second backoff: no new try
			_, err = c.Retrieve(ctx)
			require.NoError(t, err)
		}
		synctest.Wait()
		assert.Equal(t, calls, p.calls.Load(), "backoff before the next try")
		time.Sleep(2 * time.Second)
		_, _ = c.Retrieve(ctx)
		synctest.Wait()
		assert.Equal(t, calls+1, p.calls.Load(), "tried again after the backoff")

		time.Sleep(5 * time.Minute) // past expiry
		_, err = c.Retrieve(ctx)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "expired at")
		assert.Contains(t, err.Error(), "metadata service answered HTTP 500")

		p.fail.Store(false)
		time.Sleep(time.Minute)
		cred, err := c.Retrieve(ctx)
		require.NoError(t, err, "recovers once the source does")
		assert.False(t, cred.Expired(time.Now()))
	})
}

type expiredIssuer struct{}

func (expiredIssuer) Retrieve(context.Context) (auth.Credential, error) {
	return auth.Credential{SecretID: "AKIDold", SecretKey: "k", Expires: time.Now().Add(-time.Second)}, nil
}

func TestCacheRefusesExpiredCredentials(t *testing.T) {
	t.Parallel()
	_, err := auth.NewCache(expiredIssuer{}).Retrieve(context.Background())
	assert.ErrorContains(t, err, "returned credentials that expired")
}

// Credentials without Expires are kept for good.
func TestCacheKeepsPermanentCredentials(t *testing.T) {
	t.Parallel()
	p := &staticProvider{cred: auth.NewCredential("AKIDperm", "k")}
	c := auth.NewCache(p)
	for range 10 {
		_, err := c.Retrieve(context.Background())
		require.NoError(t, err)
	}
	assert.Equal(t, 1, p.n)
}
