package common

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"strings"

	"github.com/hashicorp/go-retryablehttp"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
)

// apiPath is the path of every v2 module.
const apiPath = "/v2/index.php"

// Client sends signed v2 calls to one service module in one region. It is
// safe for concurrent use.
type Client struct {
	service  string
	region   string
	endpoint *url.URL
	method   string
	http     *retryablehttp.Client
	logger   *slog.Logger
	// transport is the RoundTripper under the signer.
	transport http.RoundTripper
}

// Operation describes one API action.
type Operation struct {
	// Action is the v2 action name, for example "AttachClassicLinkVpc".
	Action string
	// Idempotent actions (Describe*) are retried after any transient
	// failure; others only when the request certainly was not acted on.
	Idempotent bool
}

// Envelope holds the common fields of a successful response.
type Envelope struct {
	// CodeDesc is the response's string code ("Success" or empty on success).
	CodeDesc string
	// Message is the response's message, usually empty on success.
	Message string
}

// NewClient returns a client of service (the module host prefix, e.g. "vpc")
// in region. It checks the credentials provider, the region and the options
// (and, when creds is a static auth.Credential, the credential itself), so
// that mistakes show up here rather than at the first call. Its errors match
// errors.ErrInvalidInput and list every problem found, one per line.
func NewClient(service string, creds auth.Provider, region string, opts ...Option) (*Client, error) {
	o := defaultOptions()
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	var problems []*qerrors.ValidationError
	if isNil(creds) {
		problems = append(problems, qerrors.Invalid("credentials", "nil credential provider"))
	} else if c, ok := creds.(auth.Credential); ok {
		if err := c.Validate(); err != nil {
			problems = append(problems, qerrors.Invalid("credentials", "%s", strings.TrimPrefix(err.Error(), "auth: ")))
		}
	}
	if err := validRegion(region); err != nil {
		problems = append(problems, err)
	}
	endpoint, optProblems := o.validate(service)
	if problems = append(problems, optProblems...); len(problems) > 0 {
		return nil, &configError{service: service, problems: problems}
	}
	logger := o.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}

	var hc http.Client
	if o.HTTPClient != nil {
		hc = *o.HTTPClient
	}
	next := hc.Transport
	if next == nil {
		next = defaultTransport()
	}
	// The per-attempt timeout is a context deadline in the signer, which
	// covers reading the body; http.Client.Timeout over a custom transport
	// would send net/http down its legacy cancellation path.
	timeout := o.attemptTimeout()
	hc.Transport = &signer{next: next, creds: creds, method: o.SignatureMethod, logger: logger,
		timeout: timeout, timeoutErr: &attemptTimeoutError{after: timeout}}
	hc.Timeout = 0
	if hc.CheckRedirect == nil {
		// The API never redirects; following one would re-send a signed call
		// to a place the caller did not choose.
		hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	}

	c := &Client{service: service, region: region, endpoint: endpoint, method: o.HTTPMethod, logger: logger, transport: next}
	c.http = &retryablehttp.Client{
		HTTPClient:   &hc,
		RetryWaitMin: o.RetryWaitMin,
		RetryWaitMax: o.RetryWaitMax,
		RetryMax:     o.MaxRetries,
		CheckRetry:   c.checkRetry,
		Backoff:      backoff,
		ErrorHandler: retryablehttp.PassthroughErrorHandler,
	}
	return c, nil
}

// Idle connections kept by the default transport. http.DefaultTransport
// keeps 100 in all and 2 per host, so that a client with more concurrent
// callers than that closes a connection after most calls and dials anew:
// 256 goroutines made about 5,000 connections in 20,000 calls. Sized like
// this, a client keeps one connection per concurrent caller up to 1024.
const (
	maxIdleConns        = 1024
	maxIdleConnsPerHost = 1024
)

// defaultTransport is the SDK's own clone of http.DefaultTransport, sized
// so that concurrent callers reuse connections instead of churning them.
func defaultTransport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = maxIdleConns
	t.MaxIdleConnsPerHost = maxIdleConnsPerHost
	return t
}

// isNil reports whether p is nil or a nil pointer (or other nil-able
// value) in a non-nil interface, which would panic at the first call.
func isNil(p auth.Provider) bool {
	if p == nil {
		return true
	}
	switch v := reflect.ValueOf(p); v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan, reflect.Interface:
		return v.IsNil()
	}
	return false
}

// maxRegionLength bounds a region name; the longest real one
// (ap-shanghai-adc, na-siliconvalley, ...) has fewer than 20 characters.
const maxRegionLength = 32

func validRegion(region string) *qerrors.ValidationError {
	switch {
	case region == "":
		return qerrors.Invalid("region", "must not be empty")
	case len(region) > maxRegionLength:
		return qerrors.Invalid("region", "%d characters: at most %d", len(region), maxRegionLength)
	case strings.ContainsFunc(region, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-')
	}):
		return qerrors.Invalid("region", "%q: want lower-case letters, digits and '-', like ap-guangzhou", region)
	}
	return nil
}

// CloseIdleConnections closes the idle connections of the client's
// transport (the SDK's default one, or the Transport of WithHTTPClient).
func (c *Client) CloseIdleConnections() {
	if t, ok := c.transport.(interface{ CloseIdleConnections() }); ok {
		t.CloseIdleConnections()
	}
}

// Region returns the region the client calls.
func (c *Client) Region() string { return c.region }

// Call sends op with the parameters of in (a go-querystring tagged struct,
// or nil) and decodes a successful response into out (a pointer to a
// json-tagged struct, or nil). A non-zero code is returned as an
// *errors.APIError; every error names the service and action, and no error
// holds a credential or a signature, whatever the server sent back.
func (c *Client) Call(ctx context.Context, op Operation, in, out any) (Envelope, error) {
	params, err := encodeParams(op.Action, c.region, in)
	if err != nil {
		return Envelope{}, fmt.Errorf("%s %s: encoding parameters: %w", c.service, op.Action, err)
	}
	st := &callState{service: c.service, op: op, params: params}
	env, err := c.do(ctx, st, out)
	return env, st.secrets.scrubErr(err)
}

// do runs the attempts of one call and decodes the last answer.
func (c *Client) do(ctx context.Context, st *callState, out any) (Envelope, error) {
	op := st.op
	// The request itself is bare: the signer adds the parameters to each
	// attempt's copy, so no URL with parameters reaches retryablehttp.
	req, err := retryablehttp.NewRequestWithContext(context.WithValue(ctx, callStateKey{}, st),
		c.method, c.endpoint.String(), nil)
	if err != nil {
		return Envelope{}, fmt.Errorf("%s %s: building request: %w", c.service, op.Action, err)
	}
	req.Header.Set("User-Agent", userAgent)

	resp, err := c.http.Do(req)
	if err != nil {
		if resp != nil {
			resp.Body.Close()
		}
		return Envelope{}, c.transportError(st, err)
	}
	defer resp.Body.Close()
	ans := st.answer
	if ans == nil { // the retry policy did not read this one (not a 200)
		ans = st.readAnswer(resp)
	}
	if ans.readErr != nil && !errors.Is(ans.readErr, errBodyTooLarge) {
		return Envelope{}, c.transportError(st, ans.readErr)
	}
	env, err := decode(c.service, op.Action, resp.StatusCode, ans, out, st.secrets.scrub)
	if err != nil && !op.Idempotent && outcomeUnknown(resp.StatusCode, err) {
		return Envelope{}, &unknownOutcome{err}
	}
	return env, err
}

// outcomeUnknown reports whether err, the answer to a non-idempotent call
// that was written, leaves open whether the service acted: any HTTP status
// but 429 and 503 (a gateway may have forwarded the call), a 200 that is
// not a valid answer, or an internal error.
func outcomeUnknown(status int, err error) bool {
	if status != http.StatusOK {
		return status != http.StatusTooManyRequests && status != http.StatusServiceUnavailable
	}
	var apiErr *qerrors.APIError
	if errors.As(err, &apiErr) {
		return mayHaveActed(apiErr)
	}
	return errors.Is(err, qerrors.ErrMalformedResponse)
}

// Malformed returns the error for a successful answer to op that lacks
// what the caller needs (a task id, a count): errors.ErrMalformedResponse,
// and for a non-idempotent op also errors.ErrOutcomeUnknown, since the
// service did receive the call.
func (c *Client) Malformed(op Operation, format string, args ...any) error {
	err := fmt.Errorf("%s %s: %w: %s", c.service, op.Action, qerrors.ErrMalformedResponse, fmt.Sprintf(format, args...))
	if !op.Idempotent {
		return &unknownOutcome{err}
	}
	return err
}

// unknownOutcome is the error of a non-idempotent call that was sent and
// got no valid answer: it matches errors.ErrOutcomeUnknown and whatever err
// matches, and reads as err followed by what that means.
type unknownOutcome struct{ err error }

func (e *unknownOutcome) Error() string {
	return e.err.Error() + " (" + qerrors.ErrOutcomeUnknown.Error() + ")"
}

func (e *unknownOutcome) Unwrap() []error { return []error{qerrors.ErrOutcomeUnknown, e.err} }

// transportError strips the *url.Error wrapper (its URL adds nothing the
// message lacks), names the call and says how many attempts were made.
func (c *Client) transportError(st *callState, err error) error {
	err = stripURLError(err)
	if n := st.attempts.Load(); n > 1 {
		return fmt.Errorf("%s %s (after %d attempts): %w", c.service, st.op.Action, n, err)
	}
	return fmt.Errorf("%s %s: %w", c.service, st.op.Action, err)
}

// stripURLError returns the cause of a *url.Error: its URL is the bare
// endpoint, noise in a message that names the call anyway.
func stripURLError(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}

// maxBodyBytes bounds a response body; a larger one is an error.
const maxBodyBytes = 8 << 20

var errBodyTooLarge = fmt.Errorf("%w: body larger than %d bytes", qerrors.ErrMalformedResponse, maxBodyBytes)

func readBody(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxBodyBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading response: %w", err)
	}
	if len(b) > maxBodyBytes {
		return nil, errBodyTooLarge
	}
	return b, nil
}

// secretish matches parameters that must not be echoed from a response body
// into an error, whoever's they are (a proxy's error page may quote the
// request URL): name=value, name%3D, "name": "value", name: value and
// <name>value. The transport also removes the call's own secrets by value.
var secretish = regexp.MustCompile(`(?i)(signature|secretid|secretkey|token)(=|%3D|%253D|"\s*:\s*"|:\s*|>)[^&\s"'<>]*`)

// excerpt returns the start of body with credential-like values masked.
func excerpt(body []byte) string {
	const n = 200
	s := strings.ToValidUTF8(string(body[:min(len(body), n)]), "")
	s = secretish.ReplaceAllString(s, "$1$2[redacted]")
	if len(body) > n {
		s += "..."
	}
	return strings.Join(strings.Fields(s), " ")
}

// configError lists every problem NewClient found, one per line. It
// matches errors.ErrInvalidInput (each problem is a *errors.ValidationError).
type configError struct {
	service  string
	problems []*qerrors.ValidationError
}

func (e *configError) Error() string {
	if len(e.problems) == 1 {
		return e.service + ": invalid client configuration: " + e.problems[0].Field + ": " + e.problems[0].Reason
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: invalid client configuration (%d problems):", e.service, len(e.problems))
	for _, p := range e.problems {
		b.WriteString("\n\t")
		b.WriteString(p.Field + ": " + p.Reason)
	}
	return b.String()
}

func (e *configError) Unwrap() []error {
	errs := make([]error, len(e.problems))
	for i, p := range e.problems {
		errs[i] = p
	}
	return errs
}
