package common

import (
	"context"
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
// SecretId, Token and SignatureMethod to the unsigned parameters of the
// request (query for GET, form body for POST), signs them and sends a clone.
// The signed URL exists only on that clone, so it never reaches
// go-retryablehttp's errors or any log.
type signer struct {
	next   http.RoundTripper
	creds  auth.Provider
	method auth.SignatureMethod
	logger *slog.Logger
}

func (s *signer) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	st := stateFrom(ctx)
	attempt := st.beginAttempt()

	signed, err := s.sign(req)
	if err != nil {
		return nil, err
	}
	signed = signed.WithContext(httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		WroteRequest: func(httptrace.WroteRequestInfo) { st.writes.Add(1) },
	}))

	start := time.Now()
	resp, err := s.next.RoundTrip(signed)
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
	return resp, err
}

// sign returns a clone of req carrying the signed parameters. It consumes
// and closes req.Body, as a RoundTripper must.
func (s *signer) sign(req *http.Request) (*http.Request, error) {
	params, err := unsignedParams(req)
	if err != nil {
		return nil, &permanentError{err}
	}
	cred, err := s.creds.Retrieve(req.Context())
	if err != nil {
		return nil, &permanentError{fmt.Errorf("retrieving credentials: %w", err)}
	}
	if err := cred.Validate(); err != nil {
		return nil, &permanentError{err}
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

	out := req.Clone(req.Context())
	encoded := params.Encode()
	if req.Method == http.MethodPost {
		out.Body = io.NopCloser(strings.NewReader(encoded))
		out.ContentLength = int64(len(encoded))
		out.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(encoded)), nil }
	} else {
		out.URL.RawQuery = encoded
	}
	return out, nil
}

func unsignedParams(req *http.Request) (url.Values, error) {
	if req.Method != http.MethodPost {
		return req.URL.Query(), nil
	}
	if req.Body == nil {
		return url.Values{}, nil
	}
	defer req.Body.Close()
	b, err := io.ReadAll(req.Body)
	if err != nil {
		return nil, fmt.Errorf("reading request body: %w", err)
	}
	return url.ParseQuery(string(b))
}

// callStateKey carries a *callState in the request context.
type callStateKey struct{}

func stateFrom(ctx context.Context) *callState {
	if st, ok := ctx.Value(callStateKey{}).(*callState); ok {
		return st
	}
	return &callState{}
}
