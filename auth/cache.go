package auth

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/internal/logctx"
)

// Tuning of [NewCache].
const (
	// refreshAhead is how long before Expires the cache refreshes (at most
	// half the credentials' lifetime), plus up to a tenth of it in jitter, so
	// that a fleet started together does not refresh together.
	refreshAhead = 5 * time.Minute
	// refreshTimeout bounds one refresh; no caller's ctx cancels it.
	refreshTimeout = 30 * time.Second
	// Backoff after a failed refresh: doubling from min to max.
	refreshBackoffMin = time.Second
	refreshBackoffMax = time.Minute
)

// NewCache returns a provider that keeps p's credentials until shortly
// before they expire (about five minutes, with jitter; credentials without
// Expires are kept for good). There is one refresh in flight however many
// goroutines ask; it runs on its own, so one caller's ctx ending does not
// cancel it for the others. While a refresh fails, still-valid credentials
// keep being served (with a warning through the client's logger, which the
// SDK's clients pass in the Retrieve ctx) and the next try waits a backoff;
// once they have
// expired, Retrieve returns the refresh's error. Credentials that p returns
// already expired are an error.
func NewCache(p Provider) Provider { return &cache{p: p} }

type cache struct {
	p Provider

	mu        sync.Mutex
	cur       Credential
	have      bool
	refreshAt time.Time     // when cur should be replaced
	inflight  chan struct{} // closed when the running refresh ends; nil if none
	lastErr   error         // of the last refresh, if it failed
	nextTry   time.Time     // no refresh before, after a failure
	backoff   time.Duration
}

func (c *cache) Retrieve(ctx context.Context) (Credential, error) {
	c.mu.Lock()
	now := time.Now()
	if c.have && now.Before(c.refreshAt) {
		cred := c.cur
		c.mu.Unlock()
		return cred, nil
	}
	valid := c.have && !c.cur.Expired(now)
	if c.inflight == nil && (!now.Before(c.nextTry) || !valid && c.lastErr == nil) {
		c.startRefresh(logctx.From(ctx))
	}
	if valid { // served while the refresh runs (or after it failed)
		cred := c.cur
		c.mu.Unlock()
		return cred, nil
	}
	wait, lastErr := c.inflight, c.failure()
	c.mu.Unlock()
	if wait == nil { // backing off after a failure, with nothing valid to give
		return Credential{}, lastErr
	}
	select {
	case <-wait:
	case <-ctx.Done():
		return Credential{}, ctx.Err()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.have && !c.cur.Expired(time.Now()) {
		return c.cur, nil
	}
	return Credential{}, c.failure()
}

// failure is the error of a cache with nothing valid to give. The caller
// holds c.mu.
func (c *cache) failure() error {
	if c.have {
		return fmt.Errorf("auth: the cached credentials expired at %s and the refresh failed: %w",
			c.cur.Expires.UTC().Format(time.RFC3339), c.lastErr)
	}
	return c.lastErr
}

// startRefresh runs one refresh in its own goroutine. The caller holds c.mu.
func (c *cache) startRefresh(logger *slog.Logger) {
	done := make(chan struct{})
	c.inflight = done
	go func() {
		defer close(done)
		ctx, cancel := context.WithTimeout(logctx.With(context.Background(), logger), refreshTimeout)
		defer cancel()
		cred, err := c.p.Retrieve(ctx)
		now := time.Now()
		if err == nil && cred.Expired(now) {
			err = fmt.Errorf("auth: the provider returned credentials that expired at %s", cred.Expires.UTC().Format(time.RFC3339))
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		c.inflight = nil
		if err != nil {
			c.backoff = min(max(2*c.backoff, refreshBackoffMin), refreshBackoffMax)
			c.nextTry = now.Add(c.backoff)
			c.lastErr = err
			if c.have && !c.cur.Expired(now) {
				logger.Warn("qcloud credentials refresh failed; serving the current ones until they expire",
					slog.Time("expires", c.cur.Expires), slog.Duration("retry_in", c.backoff), slog.String("error", err.Error()))
			}
			return
		}
		c.cur, c.have, c.lastErr, c.backoff, c.nextTry = cred, true, nil, 0, time.Time{}
		c.refreshAt = refreshTime(cred.Expires, now)
	}()
}

// refreshTime is when credentials expiring at expires, fetched at now,
// should be replaced.
func refreshTime(expires, now time.Time) time.Time {
	if expires.IsZero() {
		return time.Unix(1<<62, 0) // never
	}
	ahead := min(refreshAhead, expires.Sub(now)/2)
	if ahead > 0 {
		ahead += rand.N(ahead/10 + 1)
	}
	return expires.Add(-ahead)
}
