package core

import (
	"context"
	"sync"
	"time"
)

// attemptClock bounds the attempts of one client by the per-attempt
// timeout with one timer, where context.WithTimeout would start a timer
// per attempt (an allocation, and a wake-up of the scheduler each time the
// timer heap was empty). Every attempt gets the same timeout, so the
// attempts in flight, kept in the order they began, are in deadline order:
// the timer waits for the oldest one's deadline, and an attempt that ends
// before it only leaves the list.
type attemptClock struct {
	timeout time.Duration
	cause   error // of the attempts that run out of time

	mu    sync.Mutex
	timer *time.Timer // made at the first attempt
	armed bool        // the timer will fire
	// oldest and newest are the ends of the list of attempts in flight.
	oldest, newest *attemptCtx
}

// attemptCtx is the context of one attempt, done when the attempt ends or
// its deadline passes, whichever is first. Like context.WithTimeout's, it
// reports its deadline, and Err is context.DeadlineExceeded once it passed.
type attemptCtx struct {
	context.Context // context.WithCancelCause of the call's
	cancel          context.CancelCauseFunc
	clock           *attemptClock
	deadline        time.Time // set by start, before the context is used
	// prev, next and linked (in the clock's list) are guarded by the
	// clock's mu.
	prev, next *attemptCtx
	linked     bool
}

// start makes c the context of an attempt beginning now under parent.
func (k *attemptClock) start(parent context.Context, c *attemptCtx) {
	c.Context, c.cancel = context.WithCancelCause(parent)
	c.clock = k
	k.mu.Lock() // the list is in deadline order: now is read under the lock
	c.deadline = time.Now().Add(k.timeout)
	c.prev, c.next, c.linked = k.newest, nil, true
	if k.newest != nil {
		k.newest.next = c
	} else {
		k.oldest = c
	}
	k.newest = c
	if !k.armed {
		k.armed = true
		if k.timer == nil {
			k.timer = time.AfterFunc(k.timeout, k.expire)
		} else {
			k.timer.Reset(k.timeout)
		}
	}
	k.mu.Unlock()
}

// end ends the attempt (nil: an attempt without a timeout).
func (c *attemptCtx) end() {
	if c == nil {
		return
	}
	c.clock.mu.Lock()
	c.clock.unlink(c)
	c.clock.mu.Unlock()
	c.cancel(nil)
}

// expire cancels the attempts whose deadline has passed, and sets the
// timer for the oldest of the others.
func (k *attemptClock) expire() {
	var due []context.CancelCauseFunc
	k.mu.Lock()
	now := time.Now()
	for k.oldest != nil && !k.oldest.deadline.After(now) {
		due = append(due, k.oldest.cancel)
		k.unlink(k.oldest)
	}
	if k.armed = k.oldest != nil; k.armed {
		k.timer.Reset(k.oldest.deadline.Sub(now))
	}
	k.mu.Unlock()
	for _, cancel := range due {
		cancel(k.cause)
	}
}

// unlink takes c out of the list, if it is still there; k.mu is held.
func (k *attemptClock) unlink(c *attemptCtx) {
	if !c.linked {
		return
	}
	if c.prev != nil {
		c.prev.next = c.next
	} else {
		k.oldest = c.next
	}
	if c.next != nil {
		c.next.prev = c.prev
	} else {
		k.newest = c.prev
	}
	c.prev, c.next, c.linked = nil, nil, false
}

// Deadline is the attempt's, or the caller's when that is earlier.
func (c *attemptCtx) Deadline() (time.Time, bool) {
	if d, ok := c.Context.Deadline(); ok && d.Before(c.deadline) {
		return d, true
	}
	return c.deadline, true
}

// Err is context.DeadlineExceeded when the attempt ran out of time.
func (c *attemptCtx) Err() error {
	err := c.Context.Err()
	if err != nil && context.Cause(c.Context) == c.clock.cause {
		return context.DeadlineExceeded
	}
	return err
}
