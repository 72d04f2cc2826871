package common

import (
	"context"
	"time"
)

// Defaults of a wait (WaitForTask, the AndWait methods, WaitForInstances).
const (
	DefaultPollMin = 1 * time.Second
	DefaultPollMax = 20 * time.Second
	DefaultMaxWait = 10 * time.Minute
)

// Clock is the time source of a wait. Tests substitute one whose Sleep
// advances a fake time at once.
type Clock interface {
	Now() time.Time
	// Sleep waits d, or returns ctx.Err() when ctx ends first.
	Sleep(ctx context.Context, d time.Duration) error
}

// WaitOptions are what the WaitOption functions set; a wait validates them
// before anything is sent.
type WaitOptions struct {
	// PollMin and PollMax bound the delay between polls, which grows
	// exponentially, with jitter, from the one to the other.
	PollMin, PollMax time.Duration
	// MaxWait bounds the whole wait; the ctx deadline bounds it too.
	MaxWait time.Duration
	// Clock is the time source; nil is the wall clock.
	Clock Clock
}

// WaitOption configures a wait.
type WaitOption func(*WaitOptions)

// WithPollInterval bounds the delay between polls; it grows exponentially,
// with jitter, from minimum to maximum (defaults 1 s and 20 s). A minimum
// that is not positive, or a maximum below it, is refused.
func WithPollInterval(minimum, maximum time.Duration) WaitOption {
	return func(o *WaitOptions) { o.PollMin, o.PollMax = minimum, maximum }
}

// WithMaxWait bounds the whole wait (default 10 minutes); the ctx deadline
// bounds it too. A value that is not positive is refused.
func WithMaxWait(d time.Duration) WaitOption { return func(o *WaitOptions) { o.MaxWait = d } }

// WithClock replaces the wall clock, for tests.
func WithClock(clock Clock) WaitOption { return func(o *WaitOptions) { o.Clock = clock } }
