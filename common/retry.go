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
	"time"

	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
)

// permanentError marks a failure before anything was sent that no retry
// can mend (no credentials, an invalid key).
type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

// checkRetry is the go-retryablehttp CheckRetry of the project's policy:
//
//   - API answers with a retryable code (4200, 4400, 5100, 6000, 6200,
//     ActionLocked, ServiceUnavailable), HTTP 429 and 5xx but 501 are retried
//     for every action; 4500 (replay) once, and only for idempotent actions:
//     each attempt has a fresh Nonce, so a 4500 on Attach may mean that a copy
//     of it got through.
//   - Transport failures are retried for idempotent actions; for the others
//     only when the request was never written. A written request whose answer
//     was lost ends the call with errors.ErrOutcomeUnknown.
//   - A non-idempotent request that net/http wrote twice (it re-sends GETs
//     on a failed reused connection) is never retried by the SDK.
func (c *Client) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	st := stateFrom(ctx)
	retry, reason, err := decideRetry(ctx, st, resp, err)
	if retry {
		c.logger.LogAttrs(ctx, slog.LevelDebug, "qcloud retryable failure",
			slog.String("service", st.service), slog.String("action", st.op.Action),
			slog.Int("attempt", int(st.attempts.Load())), slog.String("reason", reason))
	}
	return retry, err
}

// decideRetry applies the policy to one attempt and says why it retries.
func decideRetry(ctx context.Context, st *callState, resp *http.Response, err error) (bool, string, error) {
	if err != nil {
		return retryAfterFailure(ctx, st, err)
	}
	if st.resent() {
		return false, "", nil // Call reports the outcome as unknown
	}
	if resp.StatusCode != http.StatusOK {
		retry := resp.StatusCode == http.StatusTooManyRequests ||
			resp.StatusCode >= 500 && resp.StatusCode != http.StatusNotImplemented
		return retry, "HTTP " + strconv.Itoa(resp.StatusCode), nil
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
	case !apiErr.Retryable():
		return false, "", nil
	case apiErr.Code == 4500:
		return st.op.Idempotent && st.replays.Add(1) == 1, reason, nil
	}
	return true, reason, nil
}

// retryAfterFailure decides after an attempt that got no usable answer.
func retryAfterFailure(ctx context.Context, st *callState, err error) (bool, string, error) {
	var perm *permanentError
	var unknownCA x509.UnknownAuthorityError
	var certErr *tls.CertificateVerificationError
	if errors.As(err, &perm) || errors.As(err, &unknownCA) || errors.As(err, &certErr) {
		return false, "", err
	}
	if !st.op.Idempotent && st.sent() {
		return false, "", fmt.Errorf("%w: %w", qerrors.ErrOutcomeUnknown, stripURLError(err))
	}
	if ctx.Err() != nil {
		return false, "", err
	}
	return true, stripURLError(err).Error(), nil
}

// backoff is exponential with full jitter, capped at maximum; a Retry-After
// header (seconds or HTTP date) is honoured but clamped to maximum.
func backoff(base, maximum time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil {
		if v := resp.Header.Get("Retry-After"); v != "" {
			if secs, err := strconv.Atoi(v); err == nil && secs >= 0 {
				return min(time.Duration(secs)*time.Second, maximum)
			}
			if t, err := http.ParseTime(v); err == nil {
				return max(0, min(time.Until(t), maximum))
			}
		}
	}
	ceiling := maximum
	if attempt < 32 && base<<attempt > 0 {
		ceiling = min(base<<attempt, maximum)
	}
	return rand.N(ceiling + 1)
}
