package core

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
)

// Waiting is a wait's validated options.
type Waiting struct{ o common.WaitOptions }

// NewWaiting applies opts to the defaults and validates the result.
func NewWaiting(opts []common.WaitOption) (Waiting, error) {
	o := common.WaitOptions{PollMin: common.DefaultPollMin, PollMax: common.DefaultPollMax, MaxWait: common.DefaultMaxWait, Clock: realClock{}}
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	switch {
	case o.PollMin <= 0 || o.PollMax < o.PollMin:
		return Waiting{}, Invalid("WithPollInterval", "%v..%v: want 0 < minimum <= maximum", o.PollMin, o.PollMax)
	case o.MaxWait <= 0:
		return Waiting{}, Invalid("WithMaxWait", "%v: want a positive duration", o.MaxWait)
	case o.Clock == nil:
		return Waiting{}, Invalid("WithClock", "nil clock")
	}
	return Waiting{o}, nil
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// errPollCut marks a poll cut short by the end of the maximum wait.
var errPollCut = errors.New("poll cut short by the maximum wait")

// Await polls describe, with backoff, until done says that what it
// describes has finished (with done's error for a failure), the maximum
// wait ends (an error matching errors.ErrWaitTimeout, with the last
// result), or ctx does (its error, wrapped). Every poll, with its retries,
// is bounded by what is left of the maximum wait, so the wait never runs
// over it. Every error is led by label and says how long it waited and how
// many polls it made.
func Await[T any](ctx context.Context, w Waiting, label string, describe func(context.Context) (T, error), done func(T) (bool, error)) (T, error) {
	o := w.o
	var zero, last T
	start := o.Clock.Now()
	timeout := func(polls int) error {
		return fmt.Errorf("%s: %w: waited %v, %d polls", label, qerrors.ErrWaitTimeout, o.Clock.Now().Sub(start), polls)
	}
	delay := o.PollMin
	for polls := 1; ; polls++ {
		res, err := poll(ctx, o.MaxWait-o.Clock.Now().Sub(start), describe)
		waited := o.Clock.Now().Sub(start)
		switch {
		case errors.Is(err, errPollCut):
			return last, timeout(polls)
		case err != nil:
			return zero, fmt.Errorf("%s: after %v and %d polls: %w", label, waited, polls, err)
		}
		last = res
		if finished, err := done(res); finished {
			return res, err
		}
		if waited >= o.MaxWait {
			return res, timeout(polls)
		}
		// Equal jitter: between half the delay and the delay, never past the end of the wait.
		pause := delay/2 + rand.N(delay/2+1)
		pause = min(max(pause, o.PollMin), o.PollMax, o.MaxWait-waited)
		if err := o.Clock.Sleep(ctx, pause); err != nil {
			return zero, fmt.Errorf("%s: still running after %v and %d polls: %w", label, o.Clock.Now().Sub(start), polls, err)
		}
		if o.Clock.Now().Sub(start) >= o.MaxWait {
			// The wait is over: a poll now would have no time left.
			return res, timeout(polls)
		}
		delay = min(delay*2, o.PollMax)
	}
}

// poll describes within left, the rest of the maximum wait.
func poll[T any](ctx context.Context, left time.Duration, describe func(context.Context) (T, error)) (T, error) {
	pctx, cancel := context.WithTimeoutCause(ctx, left, errPollCut)
	defer cancel()
	res, err := describe(pctx)
	if err != nil && ctx.Err() == nil && context.Cause(pctx) == errPollCut {
		var zero T
		return zero, errPollCut
	}
	return res, err
}
