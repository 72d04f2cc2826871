package common

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"maps"
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
// clone, so they never reach go-retryablehttp's errors or any log.
type signer struct {
	next   http.RoundTripper
	creds  auth.Provider
	method auth.SignatureMethod
	logger *slog.Logger
}

func (s *signer) RoundTrip(req *http.Request) (*http.Response, error) {
	st := stateFrom(req.Context())
	attempt := st.beginAttempt()
	ctx := httptrace.WithClientTrace(req.Context(), &httptrace.ClientTrace{
		WroteRequest: func(httptrace.WroteRequestInfo) { st.writes.Add(1) },
	})
	signed, err := s.sign(ctx, req, st.params)
	if err != nil {
		return nil, err
	}

	start := time.Now()
	resp, err := s.next.RoundTrip(signed)
	if s.logger.Enabled(ctx, slog.LevelDebug) {
		attrs := []slog.Attr{
			slog.String("service", st.service), slog.String("action", st.op.Action),
			slog.Int("attempt", attempt), slog.Duration("elapsed", time.Since(start)),
		}
		if err != nil {
			attrs = append(attrs, slog.String("error", err.Error()))
		} else {
			attrs = append(attrs, slog.Int("status", resp.StatusCode))
		}
		s.logger.LogAttrs(ctx, slog.LevelDebug, "qcloud request", attrs...)
	}
	return resp, err
}

// sign returns a clone of req with ctx, carrying params signed.
func (s *signer) sign(ctx context.Context, req *http.Request, unsigned url.Values) (*http.Request, error) {
	cred, err := s.creds.Retrieve(ctx)
	if err != nil {
		return nil, &permanentError{fmt.Errorf("retrieving credentials: %w", err)}
	}
	if err := cred.Validate(); err != nil {
		return nil, &permanentError{err}
	}
	params := maps.Clone(unsigned) // Set below replaces values, never mutates them
	if params == nil {
		params = url.Values{}
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
	params.Set("Signature", auth.Sign(sts, cred.SecretKey, s.method))

	out := req.Clone(ctx)
	encoded := params.Encode()
	if req.Method == http.MethodPost {
		out.Body = io.NopCloser(strings.NewReader(encoded))
		out.ContentLength = int64(len(encoded))
		out.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(encoded)), nil }
		out.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		out.URL.RawQuery = encoded
	}
	return out, nil
}

// callStateKey carries a *callState in the request context.
type callStateKey struct{}

func stateFrom(ctx context.Context) *callState {
	if st, ok := ctx.Value(callStateKey{}).(*callState); ok {
		return st
	}
	return &callState{}
}
