package core

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptrace"
	"strconv"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/internal/logctx"
)

// signer is the http.Client's RoundTripper, which signs every
// attempt afresh: it fetches credentials, takes a timestamp later than the
// attempt before's, and signs a copy of the bare request with the call's
// encoded parameters (v2-style or TC3). Parameters and signature exist only
// on that copy, so they never reach net/http's errors or any log.
// It also bounds each attempt by the per-attempt timeout, reading the body
// included.
//
// It has no CloseIdleConnections method: Client.CloseIdleConnections
// reaches the transport under it.
type signer struct {
	c      *Client
	next   http.RoundTripper
	creds  auth.Provider
	logger *slog.Logger
	// clock bounds each attempt by the per-attempt timeout; nil means
	// none. timeoutErr is the cause of the attempts that run out of it.
	clock      *attemptClock
	timeoutErr *attemptTimeoutError
	// static is set when creds is an auth.Credential, which needs no logger.
	static bool
}

// attemptTimeoutError is the cause of an attempt that ran out of its
// timeout. It matches context.DeadlineExceeded.
type attemptTimeoutError struct{ after time.Duration }

func (e *attemptTimeoutError) Error() string {
	return fmt.Sprintf("attempt timed out after %v", e.after)
}
func (e *attemptTimeoutError) Is(target error) bool { return target == context.DeadlineExceeded }

// Timeout reports true, as net.Error's method does for a timeout.
func (e *attemptTimeoutError) Timeout() bool { return true }

func (s *signer) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := s.c.checkDestination(req); err != nil {
		return nil, err
	}
	st := stateFrom(req.Context())
	attempt := st.beginAttempt()
	ctx := req.Context()
	var actx *attemptCtx // nil without a timeout
	if s.clock != nil {
		actx = st.attemptContext()
		s.clock.start(ctx, actx)
		ctx = actx
	}
	ctx = httptrace.WithClientTrace(ctx, &st.trace)
	signed, err := s.sign(ctx, req, st)
	if err != nil {
		actx.end()
		return nil, err
	}

	start := time.Now()
	st.sentAt = start
	resp, err := s.next.RoundTrip(signed)
	if err != nil {
		err = s.timedOut(ctx, err)
		actx.end()
	} else {
		st.body = attemptBody{ReadCloser: resp.Body, ctx: ctx, attempt: actx, s: s}
		resp.Body = &st.body
	}
	if s.logger.Enabled(ctx, slog.LevelDebug) {
		attrs := []slog.Attr{
			slog.String("service", s.c.service.Name), slog.String("action", st.action),
			slog.Int("attempt", attempt), slog.Duration("elapsed", time.Since(start)),
		}
		if err != nil {
			attrs = append(attrs, slog.String("error", st.secrets.scrub(stripURLError(err).Error())))
		} else {
			attrs = append(attrs, slog.Int("status", resp.StatusCode))
		}
		s.logger.LogAttrs(ctx, slog.LevelDebug, "qcloud request", attrs...)
	}
	return resp, err
}

// redirectError refuses a redirect hop: credentials are only ever sent to
// the configured endpoint, and a call is never re-sent to where an answer
// points. It names the target's host, never its path or query.
type redirectError struct {
	status int
	host   string
}

func (e *redirectError) Error() string {
	return fmt.Sprintf("the server redirected (HTTP %d) to %s: the SDK signs requests only for its endpoint and follows no redirect", e.status, e.host)
}

// checkDestination refuses to sign req unless it is the call's own request
// to the endpoint: a redirect hop that a caller's CheckRedirect let
// through, or anything aimed elsewhere, would take credentials (or a
// signature valid at the endpoint) to a host the caller did not choose.
func (c *Client) checkDestination(req *http.Request) error {
	u := req.URL
	if req.Response == nil && u.Scheme == c.endpoint.Scheme && u.Host == c.endpoint.Host && u.Path == c.endpoint.Path {
		return nil
	}
	e := &redirectError{host: strconv.Quote(u.Host)}
	if req.Response != nil {
		e.status = req.Response.StatusCode
	}
	return e
}

// timedOut names the per-attempt timeout as the cause of err when it was.
func (s *signer) timedOut(ctx context.Context, err error) error {
	if context.Cause(ctx) == error(s.timeoutErr) && !errors.Is(err, s.timeoutErr) {
		return fmt.Errorf("%w: %w", s.timeoutErr, err)
	}
	return err
}

// attemptBody ends the attempt's context when the body is closed, so that
// the per-attempt timeout covers reading it.
type attemptBody struct {
	io.ReadCloser
	ctx     context.Context
	attempt *attemptCtx
	s       *signer
}

func (b *attemptBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil && err != io.EOF {
		err = b.s.timedOut(b.ctx, err)
	}
	return n, err
}

func (b *attemptBody) Close() error {
	err := b.ReadCloser.Close()
	b.attempt.end()
	return err
}

// sign returns a copy of req with ctx, carrying the call signed with
// credentials fetched for this attempt (or marked unsigned).
func (s *signer) sign(ctx context.Context, req *http.Request, st *callState) (*http.Request, error) {
	// A shallow copy, with a header and a URL of its own: the headers and
	// the query are the attempt's.
	out := st.attemptRequest(req, ctx)
	out.Header = s.c.attemptHeader(req.Header)
	out.URL = st.attemptURL(req.URL)
	out.GetBody = nil // the copy's body is set below
	ts := st.nextTimestamp(time.Now().Unix())
	if st.op.Unsigned {
		s.c.markUnsigned(out, st, ts)
	} else {
		rctx := ctx
		if !s.static { // a static credential logs nothing: no context for it
			rctx = logctx.With(ctx, s.logger)
		}
		cred, err := s.creds.Retrieve(rctx)
		if err != nil {
			return nil, &permanentError{fmt.Errorf("retrieving credentials: %w", err)}
		}
		st.secrets.add(cred.SecretID, cred.SecretKey, cred.Token)
		if err := cred.Validate(); err != nil {
			return nil, &permanentError{err}
		}
		st.secrets.add(s.c.codec.sign(s.c, out, st, cred, ts))
	}
	if out.Body == nil && !st.op.Idempotent {
		// net/http re-sends on its own a GET whose reused connection failed
		// after the write. A request with a body and no GetBody is not
		// replayable for it. The body is empty and, with the identity
		// transfer coding, written as nothing: no header, and no goroutine
		// to probe it.
		out.Body = emptyBody
		out.TransferEncoding = identity
	}
	return out, nil
}

// identity is the transfer coding of a non-replayable GET's empty body.
var identity = []string{"identity"}

// emptyBody is that body: it has no state, so every request may share it.
var emptyBody io.ReadCloser = noBody{}

type noBody struct{}

func (noBody) Read([]byte) (int, error) { return 0, io.EOF }
func (noBody) Close() error             { return nil }

// WriteTo writes nothing; without it net/http would copy the body through
// a fresh 32 KB buffer.
func (noBody) WriteTo(io.Writer) (int64, error) { return 0, nil }
