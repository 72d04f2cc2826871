package core

import (
	"context"
	"errors"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var errOutOfTime = errors.New("out of time")

// Attempts begun one after the other each end at their own deadline, with
// the clock's cause, whichever of them ended early; the ones that ended are
// not cut.
func TestAttemptClockCutsEachAttemptAtItsDeadline(t *testing.T) {
	t.Parallel()
	// The attempts begin 5 ms apart and the first few end well before the
	// first deadline, however slow the machine (the race detector).
	const timeout = time.Second
	k := &attemptClock{timeout: timeout, cause: errOutOfTime}
	attempts := make([]*attemptCtx, 6)
	began := make([]time.Time, len(attempts))
	for i := range attempts {
		attempts[i] = new(attemptCtx)
		began[i] = time.Now()
		k.start(context.Background(), attempts[i])
		time.Sleep(5 * time.Millisecond)
	}
	// The first, a middle one and the newest end before their deadlines.
	ended := map[int]bool{0: true, 3: true, 5: true}
	for i := range ended {
		attempts[i].end()
	}
	require.Less(t, time.Since(began[0]), timeout/2, "the attempts that end did so long before their deadlines")
	for i, a := range attempts {
		d, ok := a.Deadline()
		assert.True(t, ok)
		assert.WithinRange(t, d, began[i].Add(timeout), began[i].Add(timeout+50*time.Millisecond), "attempt %d's deadline", i)
		if !ended[i] {
			select {
			case <-a.Done():
			case <-time.After(5 * time.Second):
				t.Fatalf("attempt %d not cut", i)
			}
			assert.GreaterOrEqual(t, time.Since(began[i]), timeout, "attempt %d cut early", i)
			assert.Equal(t, errOutOfTime, context.Cause(a))
			assert.Equal(t, context.DeadlineExceeded, a.Err())
			continue
		}
		assert.Equal(t, context.Canceled, context.Cause(a), "attempt %d ended on its own", i)
		assert.Equal(t, context.Canceled, a.Err())
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	assert.Nil(t, k.oldest, "no attempt left in flight")
	assert.Nil(t, k.newest)
}

// After a quiet spell (the timer fired on an empty list), the next attempt
// is cut at its deadline again.
func TestAttemptClockRearmsAfterItFired(t *testing.T) {
	t.Parallel()
	k := &attemptClock{timeout: 30 * time.Millisecond, cause: errOutOfTime}
	first := new(attemptCtx)
	k.start(context.Background(), first)
	first.end()
	require.Eventually(t, func() bool {
		k.mu.Lock()
		defer k.mu.Unlock()
		return !k.armed
	}, 5*time.Second, 5*time.Millisecond, "the timer fires, finds none, and rests")

	second := new(attemptCtx)
	k.start(context.Background(), second)
	select {
	case <-second.Done():
		assert.Equal(t, errOutOfTime, context.Cause(second))
	case <-time.After(5 * time.Second):
		t.Fatal("the attempt after a quiet spell was not cut")
	}
}

// An attempt reports the caller's deadline when that is the earlier one,
// and ends with the caller's context.
func TestAttemptCtxFollowsTheCaller(t *testing.T) {
	t.Parallel()
	k := &attemptClock{timeout: time.Hour, cause: errOutOfTime}
	parent, cancel := context.WithTimeout(context.Background(), time.Minute)
	a := new(attemptCtx)
	k.start(parent, a)
	defer a.end()
	want, _ := parent.Deadline()
	got, ok := a.Deadline()
	assert.True(t, ok)
	assert.Equal(t, want, got)

	cancel()
	<-a.Done()
	assert.Equal(t, context.Canceled, a.Err())
	assert.NotEqual(t, errOutOfTime, context.Cause(a))
}

// net/http makes a child of the attempt's context for every request: the
// child hangs on the attempt's cancelCtx, without a goroutine to relay
// the end (which a context of an unknown type would need).
func TestAttemptCtxChildrenNeedNoGoroutine(t *testing.T) {
	t.Parallel()
	k := &attemptClock{timeout: time.Hour, cause: errOutOfTime}
	a := new(attemptCtx)
	k.start(context.Background(), a)
	created := []metrics.Sample{{Name: "/sched/goroutines-created:goroutines"}}
	metrics.Read(created)
	if created[0].Value.Kind() == metrics.KindBad {
		t.Skip("this Go has no /sched/goroutines-created metric (Go 1.26 has)")
	}
	before := created[0].Value.Uint64()
	children := make([]context.Context, 50)
	for i := range children {
		var cancel context.CancelCauseFunc
		children[i], cancel = context.WithCancelCause(a)
		defer cancel(nil)
	}
	metrics.Read(created)
	assert.Less(t, created[0].Value.Uint64()-before, uint64(10), "goroutines started for 50 children")
	a.end()
	for _, c := range children {
		<-c.Done()
	}
}
