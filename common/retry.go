package common

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

// checkRetry is the go-retryablehttp CheckRetry of the project's policy
// (DESIGN.md, "Retry policy"):
//
//   - Idempotent actions (Describe*) are retried after transport failures,
//     HTTP 429 and 5xx but 501, and the retryable codes (4200, 4400, 5100,
//     6000, 6200, ActionLocked, ServiceUnavailable); 4500 (replay) once.
//   - Non-idempotent actions (Attach, Detach) are retried only when the
//     service certainly did not act: a request that was never written, HTTP
//     429 or 503, or a valid answer whose code says "not done" (see notDone).
//     Anything else after the request was written ends the call; Call then
//     reports errors.ErrOutcomeUnknown.
func (c *Client) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	st := stateFrom(ctx)
	retry, reason, err := decideRetry(ctx, st, resp, err)
	if retry {
		c.logger.LogAttrs(ctx, slog.LevelDebug, "qcloud retryable failure",
			slog.String("service", st.service), slog.String("action", st.op.Action),
			slog.Int("attempt", int(st.attempts.Load())), slog.String("reason", st.secrets.scrub(reason)))
	}
	return retry, err
}

// decideRetry applies the policy to one attempt and says why it retries.
func decideRetry(ctx context.Context, st *callState, resp *http.Response, err error) (bool, string, error) {
	if err != nil {
		return retryAfterFailure(ctx, st, err)
	}
	if resp.StatusCode != http.StatusOK {
		reason := "HTTP " + strconv.Itoa(resp.StatusCode)
		switch {
		case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable:
			return true, reason, nil
		case !st.op.Idempotent: // a gateway may have forwarded it: Call reports the outcome unknown
			return false, "", nil
		}
		return resp.StatusCode >= 500 && resp.StatusCode != http.StatusNotImplemented, reason, nil
	}
	a := st.readAnswer(resp)
	switch {
	case errors.Is(a.readErr, errBodyTooLarge):
		return false, "", nil
	case a.readErr != nil:
		return retryAfterFailure(ctx, st, a.readErr)
	case a.err != nil || *a.env.Code == 0:
		return false, "", nil // success, or a malformed body that decode reports
	}
	apiErr := qerrors.APIError{Code: int(*a.env.Code), CodeDesc: a.env.CodeDesc}
	reason := fmt.Sprintf("code %d %s", apiErr.Code, apiErr.CodeDesc)
	switch {
	case !st.op.Idempotent:
		return notDone(&apiErr), reason, nil
	case apiErr.Code == 4500:
		return st.replays.Add(1) == 1, reason, nil
	}
	return apiErr.Retryable(), reason, nil
}

// notDone reports whether an answer says that the service did not act on
// the request (throttled, expired, busy, unavailable), so that even a
// non-idempotent call may be sent again. 4500 is not among them: every
// attempt has a fresh Nonce, so it means clock skew or a copy that got
// through. 6000 is not either: an internal error may come after the act.
func notDone(e *qerrors.APIError) bool {
	switch e.Code {
	case 4200, 4400, 5100, 6200:
		return true
	}
	return e.CodeDesc == "ActionLocked" || e.CodeDesc == "ServiceUnavailable"
}

// mayHaveActed reports whether an error answer to a non-idempotent call
// leaves open whether the service acted: an internal error.
func mayHaveActed(e *qerrors.APIError) bool { return e.Code == 6000 }

// retryAfterFailure decides after an attempt that got no usable answer.
func retryAfterFailure(ctx context.Context, st *callState, err error) (bool, string, error) {
	var perm *permanentError
	var unknownCA x509.UnknownAuthorityError
	var certErr *tls.CertificateVerificationError
	if errors.As(err, &perm) || errors.As(err, &unknownCA) || errors.As(err, &certErr) {
		return false, "", err
	}
	if !st.op.Idempotent && st.sent() {
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
