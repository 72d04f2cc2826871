package common

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
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
// in region. It checks the options and, when creds is a static
// auth.Credential, the credential itself, so that mistakes show up here
// rather than at the first call.
func NewClient(service string, creds auth.Provider, region string, opts ...Option) (*Client, error) {
	if creds == nil {
		return nil, errors.New("common: nil credential provider")
	}
	if c, ok := creds.(auth.Credential); ok {
		if err := c.Validate(); err != nil {
			return nil, err
		}
	}
	if err := validRegion(region); err != nil {
		return nil, err
	}
	o := defaultOptions()
	for _, opt := range opts {
		opt(&o)
	}
	endpoint, err := o.validate(service)
	if err != nil {
		return nil, err
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
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConnsPerHost = 64
		next = t
	}
	hc.Transport = &signer{next: next, creds: creds, method: o.SignatureMethod, logger: logger}
	hc.Timeout = o.Timeout
	// The v2 API never redirects; following one would re-send a signed call
	// to a place the caller did not choose.
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

	c := &Client{service: service, region: region, endpoint: endpoint, method: o.HTTPMethod, logger: logger}
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

func validRegion(region string) error {
	if region == "" {
		return errors.New("common: region is empty")
	}
	if strings.ContainsFunc(region, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-')
	}) {
		return fmt.Errorf("common: region %q: want lower-case letters, digits and '-', like ap-guangzhou", region)
	}
	return nil
}

// Region returns the region the client calls.
func (c *Client) Region() string { return c.region }

// Call sends op with the parameters of in (a go-querystring tagged struct,
// or nil) and decodes a successful response into out (a pointer to a
// json-tagged struct, or nil). A non-zero code is returned as an
// *errors.APIError; every error names the service and action.
func (c *Client) Call(ctx context.Context, op Operation, in, out any) (Envelope, error) {
	params, err := encodeParams(op.Action, c.region, in)
	if err != nil {
		return Envelope{}, fmt.Errorf("%s %s: encoding parameters: %w", c.service, op.Action, err)
	}
	st := &callState{service: c.service, op: op, params: params}
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
	if ans.readErr != nil {
		return Envelope{}, c.transportError(st, ans.readErr)
	}
	env, err := decode(c.service, op.Action, resp.StatusCode, ans, out)
	if err != nil && st.resent() {
		// The refused copy was net/http's own re-send; the first may have
		// been applied (a v2 service refuses the copy's Nonce with 4500).
		return Envelope{}, fmt.Errorf("%s %s: %w: net/http re-sent the request on a reused connection and the copy was refused: %w",
			c.service, op.Action, qerrors.ErrOutcomeUnknown, err)
	}
	return env, err
}

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

var errBodyTooLarge = fmt.Errorf("response body larger than %d bytes", maxBodyBytes)

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
// into an error (a proxy's error page may quote the request URL).
var secretish = regexp.MustCompile(`(?i)(signature|secretid|secretkey|token)(=|%3D|"\s*:\s*")[^&\s"'<>]*`)

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
