package core

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"reflect"
	"sync"
	"sync/atomic"
	"time"
)

// callState follows one call across its attempts. The transport counts how
// often the current attempt's request was written: none means it never
// left, so even a non-idempotent call is safe to repeat.
//
// It is also the call's context: the caller's, carrying the state (which
// context.WithValue would cost an allocation for).
type callState struct {
	context.Context // the caller's

	op       Operation
	action   string  // op's name under the client's protocol
	out      any     // where the result goes (Request.Result)
	enc      encoded // read-only once the call starts
	attempts atomic.Int32
	replays  atomic.Int32 // "replayed" or "expired" answers retried so far
	writes   atomic.Int32 // writes of the current attempt (counted by an httptrace hook)
	lastTS   int64        // the timestamp of the attempt before
	// maxRetries bounds this call's retries; sentAt is when the current
	// attempt was handed to the transport; requestID is the RequestId of
	// the last answer that had one.
	maxRetries int
	sentAt     time.Time
	requestID  string

	// secrets are the credentials and signatures of the attempts so far.
	secrets secrets

	// httpRequest is the request the call starts from.
	httpRequest http.Request

	// trace counts the writes; body bounds reading the answer by the
	// attempt's timeout. Attempts run one after the other, so one of each
	// per call serves them all.
	trace httptrace.ClientTrace
	body  attemptBody
	// The first attempt's request, URL, context and body reader, and the
	// values of the headers it sets (hdrUsed of hdr so far), so that none
	// costs an allocation of its own. net/http may still be writing an
	// attempt when the next begins: the later ones allocate theirs.
	first   http.Request
	url     url.URL
	actx    attemptCtx
	reqBody bytes.Reader
	hdr     [4]string
	hdrUsed int

	// answer is the current attempt's body and its envelope, when the retry
	// policy has read them (read says so); Do decodes from it instead of
	// reading and parsing twice. Only the calling goroutine touches it.
	// buf is the pooled buffer the body is read into.
	answer answer
	read   bool
	buf    *[]byte
}

// bodyBuffers holds the buffers that answers are read into (as *[]byte). A
// result decodes from one into values of its own, and errors quote a copy,
// so the buffer is free again once the call ends.
var bodyBuffers sync.Pool

// maxPooledBody bounds the buffers kept for reuse.
const maxPooledBody = 64 << 10

// answer is a response body already read, with its parsed envelope.
type answer struct {
	body    []byte
	readErr error    // reading the body failed
	env     envelope // of a 200 body
	err     error    // parsing the envelope of a 200 body failed
}

// readAnswer reads resp's body (through the size limit) and, for a 200,
// parses its envelope, once per attempt: the retry policy and Do share it.
func (s *callState) readAnswer(resp *http.Response, cd codec) *answer {
	if s.buf == nil {
		if s.buf, _ = bodyBuffers.Get().(*[]byte); s.buf == nil {
			s.buf = new([]byte)
		}
	}
	body, err := readBody(resp.Body, resp.ContentLength, *s.buf)
	if err == nil {
		*s.buf = body[:0] // keep the buffer it grew into
	}
	resp.Body.Close()
	resp.Body = http.NoBody
	s.answer, s.read = answer{body: body, readErr: err}, true
	a := &s.answer
	if err == nil && resp.StatusCode == http.StatusOK {
		if s.out != nil && s.attempts.Load() > 1 {
			// json.Unmarshal leaves alone what a body does not mention: an
			// earlier attempt's Error, or its fields, would survive into
			// this one's result. The first attempt's result is the caller's
			// fresh one.
			reflect.ValueOf(s.out).Elem().SetZero()
		}
		a.env, a.err = cd.parse(body, s.out)
		switch {
		case a.env.apiErr != nil && a.env.apiErr.RequestID != "":
			s.requestID = a.env.apiErr.RequestID
		case a.env.requestID != "":
			s.requestID = a.env.requestID
		}
	}
	return a
}

// release ends the call: its answer is no longer read, and its buffer goes
// back to the pool.
func (s *callState) release() {
	s.answer = answer{}
	if s.buf != nil && cap(*s.buf) <= maxPooledBody {
		bodyBuffers.Put(s.buf)
	}
	s.buf = nil
}

// newCallState returns the state of a call of op in ctx.
func newCallState(ctx context.Context, op Operation, action string, out any) *callState {
	st := &callState{Context: ctx, op: op, action: action, out: out}
	st.trace.WroteRequest = st.wrote
	return st
}

// callStateKey is the context key under which a callState finds itself.
type callStateKey struct{}

// Value returns the call's state for callStateKey, else the caller's value.
func (s *callState) Value(key any) any {
	if key == (callStateKey{}) {
		return s
	}
	return s.Context.Value(key)
}

// stateFrom returns the state of the call that ctx belongs to.
func stateFrom(ctx context.Context) *callState {
	if st, ok := ctx.Value(callStateKey{}).(*callState); ok {
		return st
	}
	return newCallState(ctx, Operation{}, "", nil)
}

func (s *callState) wrote(httptrace.WroteRequestInfo) { s.writes.Add(1) }

// setHeader sets header key, which must be in canonical form (X-Tc-Action,
// not X-TC-Action: net/http's Header.Get, and so every RoundTripper that
// wraps the client's, looks a key up only in that form), of the attempt's
// request.
func (s *callState) setHeader(h http.Header, key, value string) {
	if s.hdrUsed == len(s.hdr) {
		h[key] = []string{value}
		return
	}
	s.hdr[s.hdrUsed] = value
	h[key] = s.hdr[s.hdrUsed : s.hdrUsed+1 : s.hdrUsed+1]
	s.hdrUsed++
}

// setBody makes b the body of the attempt's request out; only a
// replayable (idempotent) call's body can be rewound, by net/http, for its
// own re-sends.
func (s *callState) setBody(out *http.Request, b []byte) {
	r := &s.reqBody
	if s.attempts.Load() > 1 {
		r = new(bytes.Reader)
	}
	r.Reset(b)
	// A bytes.Reader under io.NopCloser is a body net/http knows to be in
	// memory: it writes the headers and the body in one segment, where for
	// a body type of its own it would flush the headers first (costing the
	// server a second read and a wake-up). It also writes it through its
	// WriteTo, without a buffer of its own.
	out.Body = io.NopCloser(r)
	out.ContentLength = int64(len(b))
	if s.op.Idempotent {
		out.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil }
	}
}

// attemptRequest returns a shallow copy of req with ctx, for an attempt.
func (s *callState) attemptRequest(req *http.Request, ctx context.Context) *http.Request {
	if s.attempts.Load() > 1 {
		return req.WithContext(ctx)
	}
	s.first = *req.WithContext(ctx) // inlined: its copy stays on the stack
	return &s.first
}

// attemptContext returns the context for an attempt to start.
func (s *callState) attemptContext() *attemptCtx {
	if s.attempts.Load() > 1 {
		return new(attemptCtx)
	}
	return &s.actx
}

// attemptURL returns a copy of u for an attempt to set its query on.
func (s *callState) attemptURL(u *url.URL) *url.URL {
	out := &s.url
	if s.attempts.Load() > 1 {
		out = new(url.URL)
	}
	*out = *u
	return out
}

// beginAttempt resets the per-attempt counters and returns the attempt number, from 1.
func (s *callState) beginAttempt() int {
	s.writes.Store(0)
	s.answer, s.read = answer{}, false
	n := int(s.attempts.Add(1))
	if n > 1 {
		// The first attempt's request still points into hdr, and net/http
		// may still be writing it: a retry's headers get slices of their own.
		s.hdrUsed = len(s.hdr)
	}
	return n
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
