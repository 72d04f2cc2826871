package core

import (
	"net/http"
	"net/http/httptrace"
	"sync/atomic"
)

// callState follows one call across its attempts. The transport counts how
// often the current attempt's request was written: none means it never
// left, so even a non-idempotent call is safe to repeat.
type callState struct {
	op       Operation
	action   string   // op's name under the client's protocol
	enc      *encoded // read-only once the call starts
	attempts atomic.Int32
	replays  atomic.Int32 // "replayed" or "expired" answers retried so far
	writes   atomic.Int32 // writes of the current attempt (counted by an httptrace hook)
	lastTS   int64        // the timestamp of the attempt before

	// secrets are the credentials and signatures of the attempts so far.
	secrets secrets

	// trace counts the writes; body bounds reading the answer by the
	// attempt's timeout. Attempts run one after the other, so one of each
	// per call serves them all.
	trace httptrace.ClientTrace
	body  attemptBody

	// answer is the current attempt's 200 body and its envelope, when the
	// retry policy has read them; Do decodes from it instead of reading and
	// parsing twice. Only the calling goroutine touches it.
	answer *answer
}

// answer is a response body already read, with its parsed envelope.
type answer struct {
	body    []byte
	readErr error    // reading the body failed
	env     envelope // of a 200 body
	err     error    // parsing the envelope of a 200 body failed
}

// readAnswer reads resp's body (through the size limit) and, for a 200,
// parses its envelope, once per attempt: the retry policy and Do share it.
func (s *callState) readAnswer(resp *http.Response, parse func([]byte) (envelope, error)) *answer {
	body, err := readBody(resp.Body)
	resp.Body.Close()
	resp.Body = http.NoBody
	a := &answer{body: body, readErr: err}
	if err == nil && resp.StatusCode == http.StatusOK {
		a.env, a.err = parse(body)
	}
	s.answer = a
	return a
}

// newCallState returns the state of a call of op.
func newCallState(op Operation, action string, enc *encoded) *callState {
	st := &callState{op: op, action: action, enc: enc}
	st.trace.WroteRequest = st.wrote
	return st
}

func (s *callState) wrote(httptrace.WroteRequestInfo) { s.writes.Add(1) }

// beginAttempt resets the per-attempt counters and returns the attempt number, from 1.
func (s *callState) beginAttempt() int {
	s.writes.Store(0)
	s.answer = nil
	return int(s.attempts.Add(1))
}

// nextTimestamp returns the timestamp of an attempt made at now (Unix
// seconds): later than the attempt before's, so that a retry within the
// same second never carries the same TC3 signature, which has no nonce.
func (s *callState) nextTimestamp(now int64) int64 {
	s.lastTS = max(now, s.lastTS+1)
	return s.lastTS
}

// sent reports whether the current attempt's request reached the wire.
func (s *callState) sent() bool { return s.writes.Load() > 0 }
