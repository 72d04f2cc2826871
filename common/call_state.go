package common

import "sync/atomic"

// callState follows one Call across its attempts: the transport records
// whether the current attempt's request was written, and the retry policy
// reads it to tell "never sent" from "sent, answer lost".
type callState struct {
	service  string
	op       Operation
	attempts atomic.Int32
	replays  atomic.Int32 // 4500 answers retried so far
	wrote    atomic.Bool
}

// beginAttempt resets the per-attempt flags and returns the attempt number, from 1.
func (s *callState) beginAttempt() int {
	s.wrote.Store(false)
	return int(s.attempts.Add(1))
}
