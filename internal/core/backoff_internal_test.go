package core

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestBackoffFullJitterCapped(t *testing.T) {
	t.Parallel()
	base, capped := 200*time.Millisecond, 5*time.Second
	for attempt := range 40 {
		ceiling := min(capped, base<<min(attempt, 20))
		for range 50 {
			d := backoff(base, capped, attempt, nil)
			assert.GreaterOrEqual(t, d, time.Duration(0))
			assert.LessOrEqual(t, d, ceiling, "attempt %d", attempt)
		}
	}
	// Full jitter: the waits of one attempt spread over the range.
	seen := map[time.Duration]bool{}
	for range 50 {
		seen[backoff(base, capped, 3, nil)] = true
	}
	assert.Greater(t, len(seen), 10)
}

func TestBackoffRetryAfter(t *testing.T) {
	t.Parallel()
	resp := func(v string) *http.Response { return &http.Response{Header: http.Header{"Retry-After": {v}}} }
	assert.Equal(t, 2*time.Second, backoff(time.Millisecond, 5*time.Second, 0, resp("2")))
	assert.Equal(t, 5*time.Second, backoff(time.Millisecond, 5*time.Second, 0, resp("3600")), "clamped to the cap")
	date := time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)
	assert.Equal(t, 5*time.Second, backoff(time.Millisecond, 5*time.Second, 0, resp(date)))
	assert.LessOrEqual(t, backoff(time.Millisecond, 5*time.Second, 0, resp("soon")), time.Millisecond, "garbage is ignored")
	// Values whose seconds overflow a Duration, or even a uint64, are huge,
	// not short: they are clamped before any conversion.
	for _, v := range []string{"10000000000", "9223372036854775807", "18446744073709551616", "99999999999999999999999999"} {
		assert.Equal(t, 5*time.Second, backoff(time.Millisecond, 5*time.Second, 0, resp(v)), v)
	}
	assert.Equal(t, time.Duration(0), backoff(time.Millisecond, 5*time.Second, 0, resp("0")))
	assert.Equal(t, 2*time.Millisecond, backoff(time.Millisecond, 2*time.Millisecond, 0, resp("1")), "a cap below a second")
}
