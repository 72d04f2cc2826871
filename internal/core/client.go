package core

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
)

// userAgentValue is the User-Agent header of every request (never
// modified: every request shares it).
var userAgentValue = []string{"qcloud-sdk-go/" + common.Version}

// noHeader is the header of the request a call starts from:
// the signer builds each attempt's. Requests share it, and nothing modifies
// it (net/http does not, nor may a RoundTripper).
var noHeader = http.Header{}

// Client sends signed calls to one service module in one region, under
// API 2.0 or API 3.0. It is safe for concurrent use.
type Client struct {
	service   Service
	region    string
	api       common.API
	sigMethod auth.SignatureMethod
	endpoint  *url.URL
	method    string
	http      *http.Client // its Transport is the signer
	logger    *slog.Logger
	codec     codec // the protocol's wire form
	// fixed are the headers of every attempt (User-Agent, and those of the
	// protocol that do not change: Content-Type, X-TC-Version, X-TC-Region),
	// shared by all requests and never modified; headers is how many an
	// attempt has with its own.
	fixed   http.Header
	headers int
	// jar is set when the http.Client has a cookie jar, which adds the
	// cookies to the call's request header: each call then has its own.
	jar bool
	// transport is the RoundTripper under the signer.
	transport http.RoundTripper
	// maxRetries is the retries of a call without WithCallRetries,
	// retryWaitMin and retryWaitMax bound the backoff between attempts;
	// observer sees every attempt (nil: none).
	maxRetries                 int
	retryWaitMin, retryWaitMax time.Duration
	observer                   common.Observer
}

// New returns a client of service in region ("": $TENCENTCLOUD_REGION, else
// the region of the tccli profile). It checks the credentials
// provider, the region and the options (and, when creds is a static
// auth.Credential, the credential itself), so that mistakes show up here
// rather than at the first call. Its errors match errors.ErrInvalidInput
// and list every problem found, one per line.
func New(service Service, creds auth.Provider, region string, opts ...common.Option) (*Client, error) {
	o := applyOptions(opts)
	var problems []*qerrors.ValidationError
	if isNil(creds) {
		problems = append(problems, Invalid("credentials", "nil credential provider"))
	} else if c, ok := creds.(auth.Credential); ok {
		if err := c.Validate(); err != nil {
			problems = append(problems, Invalid("credentials", "%s", strings.TrimPrefix(err.Error(), "auth: ")))
		}
	}
	var regionSource string // where a region not given came from
	if region == "" {
		var err *qerrors.ValidationError
		if region, regionSource, err = defaultRegion(); err != nil {
			problems = append(problems, err)
		}
	}
	if err := validRegion(region); region != "" && err != nil { // "" was reported above
		if regionSource != "" {
			err.Reason += " (from " + regionSource + ")"
		}
		problems = append(problems, err)
	}
	settings, optProblems := resolve(&o, service.Name)
	if problems = append(problems, optProblems...); len(problems) > 0 {
		return nil, &configError{service: service.Name, problems: problems}
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
	c := &Client{service: service, region: region, api: o.API, sigMethod: settings.sigMethod,
		endpoint: settings.endpoint, method: settings.method, logger: logger, transport: next,
		codec: codecOf(o.API, settings.sigMethod), jar: hc.Jar != nil, maxRetries: o.MaxRetries,
		retryWaitMin: o.RetryWaitMin, retryWaitMax: o.RetryWaitMax, observer: o.Observer}
	c.fixed = http.Header{"User-Agent": userAgentValue}
	if c.method == http.MethodPost || c.sigMethod == auth.TC3HmacSHA256 {
		c.fixed["Content-Type"] = []string{c.contentType()}
	}
	c.headers = len(c.fixed)
	if c.sigMethod == auth.TC3HmacSHA256 {
		c.fixed["X-Tc-Version"] = []string{service.Version3}
		c.fixed["X-Tc-Region"] = []string{region}
		c.headers = len(c.fixed) + 4 // X-TC-Action, X-TC-Timestamp, Authorization, X-TC-Token
	}
	// The per-attempt timeout is a context deadline (attemptClock) in the
	// signer, which covers reading the body; http.Client.Timeout over a
	// custom transport would send net/http down its legacy cancellation
	// path.
	timeout := attemptTimeout(&o)
	_, static := creds.(auth.Credential)
	sg := &signer{c: c, next: next, creds: creds, logger: logger, static: static,
		timeoutErr: &attemptTimeoutError{after: timeout}}
	if timeout > 0 {
		sg.clock = &attemptClock{timeout: timeout, cause: sg.timeoutErr}
	}
	hc.Transport = sg
	hc.Timeout = 0
	if hc.CheckRedirect == nil {
		// The API never redirects; following one would re-send a signed call
		// to a place the caller did not choose.
		hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	}
	c.http = &hc
	return c, nil
}

// Idle connections kept by the default transport. http.DefaultTransport
// keeps 100 in all and 2 per host, so that a client with more concurrent
// callers than that closes a connection after most calls and dials anew.
// Sized like this, a client keeps one connection per concurrent caller up
// to 1024.
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

// Region returns the region the client calls.
func (c *Client) Region() string { return c.region }

// API returns the protocol the client speaks.
func (c *Client) API() common.API { return c.api }

// CloseIdleConnections closes the idle connections of the client's
// transport (the SDK's default one, or the Transport of WithHTTPClient).
func (c *Client) CloseIdleConnections() {
	if t, ok := c.transport.(interface{ CloseIdleConnections() }); ok {
		t.CloseIdleConnections()
	}
}

// Do sends req under the client's protocol and decodes a successful answer
// into req.Result. An error answer is an *errors.APIError;
// every error names the service and action, and no error holds a
// credential or a signature, whatever the server sent back.
func (c *Client) Do(ctx context.Context, req *Request) (Envelope, error) {
	action := req.Op.name(c.api)
	maxRetries := c.maxRetries
	if len(req.Options) > 0 {
		var o common.CallOptions
		for _, opt := range req.Options {
			if opt != nil {
				opt(&o)
			}
		}
		switch {
		case o.MaxRetriesSet && (o.MaxRetries < 0 || o.MaxRetries > maxRetriesLimit):
			return Envelope{}, Invalid("WithCallRetries", "%d: want 0 to %d", o.MaxRetries, maxRetriesLimit)
		case o.Timeout < 0:
			return Envelope{}, Invalid("WithCallTimeout", "%v: must not be negative", o.Timeout)
		case o.MaxRetriesSet:
			maxRetries = o.MaxRetries
		}
		if o.Timeout > 0 {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, o.Timeout)
			defer cancel()
		}
	}
	st := newCallState(ctx, req.Op, action, req.Result)
	st.maxRetries = maxRetries
	if err := c.encode(&st.enc, req, action); err != nil {
		return Envelope{}, &qerrors.CallError{Service: c.service.Name, Action: action, Err: fmt.Errorf("encoding parameters: %w", err)}
	}
	st.secrets.add(req.Secrets...)
	env, err := c.do(st)
	st.release()
	if err != nil {
		err = &qerrors.CallError{Service: c.service.Name, Action: action, Attempts: int(st.attempts.Load()), RequestID: st.requestID, Err: err}
	}
	return env, st.secrets.scrubErr(err)
}

// do runs the attempts of one call and decodes the last answer.
func (c *Client) do(st *callState) (Envelope, error) {
	// The request itself is bare, on the endpoint's URL, which nothing
	// modifies: the signer adds the headers and the parameters to each
	// attempt's copy, so no URL with parameters reaches net/http's errors.
	header := noHeader
	if c.jar {
		header = make(http.Header)
	}
	// It lives in the call state: WithContext is inlined, so that its copy
	// stays on the stack.
	st.httpRequest = *(&http.Request{Method: c.method, URL: c.endpoint, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: header}).WithContext(st)
	resp, err := c.send(&st.httpRequest)
	if err != nil {
		if resp != nil {
			resp.Body.Close()
		}
		return Envelope{}, stripURLError(err)
	}
	defer resp.Body.Close()
	ans := &st.answer
	if !st.read { // the retry policy did not read this one (not a 200)
		ans = st.readAnswer(resp, c.codec)
	}
	if ans.readErr != nil && !errors.Is(ans.readErr, errBodyTooLarge) {
		return Envelope{}, ans.readErr
	}
	env, err := c.decode(st, resp.StatusCode, ans, st.out)
	if err != nil && !st.op.Idempotent && outcomeUnknown(resp.StatusCode, err) {
		return Envelope{}, &unknownOutcome{err}
	}
	return env, err
}

// attemptHeader returns the header of an attempt of a call whose request
// header is call: the fixed ones, call's own (a cookie jar's) and room for
// the attempt's. An attempt that adds none (API 2.0's, and 3.0's with the
// v1 signature) of a call without a header of its own shares c.fixed.
func (c *Client) attemptHeader(call http.Header) http.Header {
	switch {
	case len(call) > 0:
		h := make(http.Header, c.headers+len(call))
		maps.Copy(h, c.fixed)
		maps.Copy(h, call)
		return h
	case c.headers == len(c.fixed):
		return c.fixed
	}
	return maps.Clone(c.fixed) // copies the table, without hashing each name again; TC3's 8 headers fit in it
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
	err := fmt.Errorf("%w: %s", qerrors.ErrMalformedResponse, fmt.Sprintf(format, args...))
	if !op.Idempotent {
		err = &unknownOutcome{err}
	}
	return &qerrors.CallError{Service: c.service.Name, Action: op.name(c.api), Err: err}
}

// unknownOutcome is the error of a non-idempotent call that was sent and
// got no valid answer: it matches errors.ErrOutcomeUnknown and whatever err
// matches, and reads as err followed by what that means.
type unknownOutcome struct{ err error }

func (e *unknownOutcome) Error() string {
	return e.err.Error() + " (" + qerrors.ErrOutcomeUnknown.Error() + ")"
}

func (e *unknownOutcome) Unwrap() []error { return []error{qerrors.ErrOutcomeUnknown, e.err} }

// stripURLError returns the cause of a *url.Error: its URL is the bare
// endpoint, noise in a message that names the call anyway.
func stripURLError(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}
