package core

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"

	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
)

// permanentError marks a failure before anything was sent that no retry
// can mend (no credentials, an invalid key).
type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

// checkRetry judges an attempt by the project's policy
// (docs/wire.md and README.md, "Retries"), the same under both protocols:
//
//   - Idempotent actions (Describe*) are retried after transport failures,
//     HTTP 429 and 5xx but 501, and the codes the protocol marks retryable
//     (APIError.Retryable); a replay or expiry answer (4500,
//     AuthFailure.SignatureExpire) once, re-signed.
//   - Non-idempotent actions (Attach, Detach) are retried only when the
//     service certainly did not act: a request that was never written, HTTP
//     429 or 503, or a valid answer whose code says "not done" (see notDone).
//     Anything else after the request was written ends the call; Do then
//     reports errors.ErrOutcomeUnknown.
func (c *Client) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	st := stateFrom(ctx)
	retry, reason, checkErr := c.decideRetry(ctx, st, resp, err)
	retry = retry && int(st.attempts.Load()) <= st.maxRetries
	if c.observer != nil {
		c.observe(ctx, st, resp, err, retry)
	}
	if retry {
		c.logger.LogAttrs(ctx, slog.LevelDebug, "qcloud retryable failure",
			slog.String("service", c.service.Name), slog.String("action", st.action),
			slog.Int("attempt", int(st.attempts.Load())), slog.String("reason", st.secrets.scrub(reason)))
	}
	return retry, checkErr
}

// decideRetry applies the policy to one attempt and says why it retries.
func (c *Client) decideRetry(ctx context.Context, st *callState, resp *http.Response, err error) (bool, string, error) {
	if err != nil {
		return retryAfterFailure(ctx, st, err, st.sent())
	}
	if resp.StatusCode != http.StatusOK {
		reason := "HTTP " + strconv.Itoa(resp.StatusCode)
		switch {
		case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable:
			return true, reason, nil
		case !st.op.Idempotent: // a gateway may have forwarded it: Do reports the outcome unknown
			return false, "", nil
		}
		return resp.StatusCode >= 500 && resp.StatusCode != http.StatusNotImplemented, reason, nil
	}
	a := st.readAnswer(resp, c.codec)
	switch {
	case errors.Is(a.readErr, errBodyTooLarge):
		return false, "", nil
	case a.readErr != nil:
		// An answer began: the request was written, whether or not the
		// transport's write hook has run yet (it may run after the answer).
		return retryAfterFailure(ctx, st, a.readErr, true)
	case a.err != nil || a.env.apiErr == nil:
		return false, "", nil // success, or a malformed body that decode reports
	}
	e := a.env.apiErr
	reason := fmt.Sprintf("code %d %s", e.Code, e.CodeDesc)
	if e.Code == 0 {
		reason = "code " + e.CodeDesc
	}
	switch {
	case isResignable(e):
		return st.replays.Add(1) == 1 && (st.op.Idempotent || e.Code == 0), reason, nil
	case !st.op.Idempotent:
		return notDone(e), reason, nil
	}
	return e.Retryable(), reason, nil
}

// isResignable reports a replay or expiry answer, which one re-signed retry
// may mend: 4500 (under 2.0 only for idempotent actions, as every attempt
// has a fresh Nonce, so for Attach it means clock skew or a copy that got
// through) and AuthFailure.SignatureExpire (a clock more than 5 minutes
// off; the service did not act, so Attach may retry it too).
func isResignable(e *qerrors.APIError) bool {
	return e.Code == 4500 || e.CodeDesc == "AuthFailure.SignatureExpire"
}

// notDone reports whether an answer says that the service did not act on
// the request (throttled, expired, locked or in use, busy, unavailable), so that even a
// non-idempotent call may be sent again. An internal error is not among
// them: it may come after the act.
func notDone(e *qerrors.APIError) bool {
	if e.Code != 0 {
		switch e.Code {
		case 4200, 4400, 5100, 6200:
			return true
		}
		return e.CodeDesc == "ActionLocked" || e.CodeDesc == "ServiceUnavailable"
	}
	class, _, _ := strings.Cut(e.CodeDesc, ".")
	return class == "RequestLimitExceeded" || e.CodeDesc == "ServiceUnavailable" || e.CodeDesc == "ResourceUnavailable" ||
		e.CodeDesc == "ResourceInUse"
}

// mayHaveActed reports whether an error answer to a non-idempotent call
// leaves open whether the service acted: an internal error.
func mayHaveActed(e *qerrors.APIError) bool {
	class, _, _ := strings.Cut(e.CodeDesc, ".")
	return e.Code == 6000 || e.Code == 0 && class == "InternalError"
}

// retryAfterFailure decides after an attempt that got no usable answer;
// sent says whether its request was written.
func retryAfterFailure(ctx context.Context, st *callState, err error, sent bool) (bool, string, error) {
	var perm *permanentError
	var redirect *redirectError
	var unknownCA x509.UnknownAuthorityError
	var certErr *tls.CertificateVerificationError
	switch {
	case errors.As(err, &redirect) && !st.op.Idempotent:
		// Answered with a redirect, like a 3xx that is not followed.
		return false, "", &unknownOutcome{stripURLError(err)}
	case redirect != nil, errors.As(err, &perm), errors.As(err, &unknownCA), errors.As(err, &certErr):
		return false, "", err
	}
	if !st.op.Idempotent && sent {
		return false, "", &unknownOutcome{stripURLError(err)}
	}
	if ctx.Err() != nil {
		return false, "", err
	}
	return true, stripURLError(err).Error(), nil
}

// backoff is exponential with full jitter, capped at maximum; a Retry-After
// header (seconds or HTTP date) is honoured but clamped to maximum, before
// any conversion, so that no value can overflow into a short wait.
func backoff(base, maximum time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil {
		if v := resp.Header.Get("Retry-After"); v != "" {
			if d, ok := retryAfter(v, maximum); ok {
				return d
			}
		}
	}
	ceiling := maximum
	if attempt < 32 && base<<attempt > 0 {
		ceiling = min(base<<attempt, maximum)
	}
	return rand.N(ceiling + 1)
}

// retryAfter reads a Retry-After value, clamped to [0, maximum].
func retryAfter(v string, maximum time.Duration) (time.Duration, bool) {
	if v != "" && strings.Trim(v, "0123456789") == "" {
		secs, err := strconv.ParseUint(v, 10, 64)
		if err != nil || secs > uint64(maximum/time.Second) { // out of range: larger than any cap
			return maximum, true
		}
		return min(time.Duration(secs)*time.Second, maximum), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(0, min(time.Until(t), maximum)), true
	}
	return 0, false
}
