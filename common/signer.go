package common

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"math/rand/v2"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
)

// signer is the http.RoundTripper under go-retryablehttp that signs every
// attempt afresh: it fetches credentials, adds Timestamp, a new Nonce,
// SecretId, Token and SignatureMethod to the call's unsigned parameters,
// signs them and sends a clone of the bare request that carries them (query
// for GET, form body for POST). Parameters and signature exist only on that
// clone, so they never reach go-retryablehttp's errors or any log. It also
// bounds each attempt by the per-attempt timeout, reading the body included.
//
// It deliberately has no CloseIdleConnections method: go-retryablehttp
// calls that on the client after every failed call, which would close the
// idle connections of every other caller sharing the transport.
type signer struct {
	next    http.RoundTripper
	creds   auth.Provider
	method  auth.SignatureMethod
	timeout time.Duration // per attempt; 0 means none
	logger  *slog.Logger
	// timeoutErr is the cause of the attempts that time out, made once.
	timeoutErr *attemptTimeoutError
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
	st := stateFrom(req.Context())
	attempt := st.beginAttempt()
	ctx := req.Context()
	cancel := context.CancelFunc(func() {})
	if s.timeout > 0 {
		ctx, cancel = context.WithTimeoutCause(ctx, s.timeout, s.timeoutErr)
	}
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		WroteRequest: func(httptrace.WroteRequestInfo) { st.writes.Add(1) },
	})
	signed, err := s.sign(ctx, req, st)
	if err != nil {
		cancel()
		return nil, err
	}

	start := time.Now()
	resp, err := s.next.RoundTrip(signed)
	if err != nil {
		err = s.timedOut(ctx, err)
		cancel()
	} else {
		resp.Body = &attemptBody{ReadCloser: resp.Body, ctx: ctx, cancel: cancel, s: s}
	}
	if s.logger.Enabled(ctx, slog.LevelDebug) {
		attrs := []slog.Attr{
			slog.String("service", st.service), slog.String("action", st.op.Action),
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
	ctx    context.Context
	cancel context.CancelFunc
	s      *signer
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
	b.cancel()
	return err
}

// sign returns a clone of req with ctx, carrying the call's parameters signed.
func (s *signer) sign(ctx context.Context, req *http.Request, st *callState) (*http.Request, error) {
	cred, err := s.creds.Retrieve(ctx)
	if err != nil {
		return nil, &permanentError{fmt.Errorf("retrieving credentials: %w", err)}
	}
	st.secrets.add(cred.SecretID, cred.SecretKey, cred.Token)
	if err := cred.Validate(); err != nil {
		return nil, &permanentError{err}
	}
	params := make(url.Values, len(st.params)+6)
	for k, v := range st.params { // Set below replaces values, never mutates them
		params[k] = v
	}
	params.Set("Timestamp", strconv.FormatInt(time.Now().Unix(), 10))
	// A 63-bit positive nonce, as the official SDK sends: a repeat within the
	// service's two-hour window is practically impossible.
	params.Set("Nonce", strconv.FormatInt(rand.Int64N(math.MaxInt64)+1, 10))
	params.Set("SecretId", cred.SecretID)
	if cred.Token != "" {
		params.Set("Token", cred.Token)
	}
	params.Set("SignatureMethod", string(s.method))
	sts := auth.StringToSign(req.Method, req.URL.Host, req.URL.Path, params)
	signature := auth.Sign(sts, cred.SecretKey, s.method)
	st.secrets.add(signature)
	params.Set("Signature", signature)

	out := req.Clone(ctx)
	encoded := params.Encode()
	if req.Method == http.MethodPost {
		out.Body = io.NopCloser(strings.NewReader(encoded))
		out.ContentLength = int64(len(encoded))
		out.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		out.GetBody = nil
		if st.op.Idempotent {
			out.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(encoded)), nil }
		}
	} else {
		out.URL.RawQuery = encoded
		out.GetBody = nil // go-retryablehttp sets one; the signed clone has no body to rewind
		if !st.op.Idempotent {
			// net/http re-sends on its own a GET whose reused connection
			// failed after the write. A request with a body and no GetBody
			// is not replayable for it. The body is empty and, with the
			// identity transfer coding, written as nothing: no header, and
			// no goroutine to probe it.
			out.Body = io.NopCloser(strings.NewReader(""))
			out.TransferEncoding = identity
		}
	}
	return out, nil
}

// identity is the transfer coding of a non-replayable GET's empty body.
var identity = []string{"identity"}

// callStateKey carries a *callState in the request context.
type callStateKey struct{}

func stateFrom(ctx context.Context) *callState {
	if st, ok := ctx.Value(callStateKey{}).(*callState); ok {
		return st
	}
	return &callState{}
}
