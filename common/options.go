package common

import (
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
)

// Options configure a Client. Set them with the With* functions; NewClient
// validates the result and returns an error for an invalid value.
type Options struct {
	// Endpoint is the scheme and host (and port) of the service, for example
	// "http://127.0.0.1:8080". Empty means https://<service>.api.qcloud.com.
	// The path /v2/index.php is added by the SDK.
	Endpoint string
	// HTTPClient is copied, never mutated. Its Transport (or the SDK's
	// default, a clone of http.DefaultTransport that keeps up to 1024 idle
	// connections) is wrapped by the signer; its Timeout bounds each attempt
	// (see Timeout); its CheckRedirect is honoured, and without one redirects
	// are not followed; its Jar is kept. Nil means a default.
	HTTPClient *http.Client
	// SignatureMethod defaults to auth.HmacSHA256.
	SignatureMethod auth.SignatureMethod
	// HTTPMethod is "GET" (the default) or "POST" (form body).
	HTTPMethod string
	// MaxRetries is the number of retries after the first attempt (default 3).
	MaxRetries int
	// RetryWaitMin and RetryWaitMax bound the backoff (defaults 200 ms and 5 s).
	RetryWaitMin, RetryWaitMax time.Duration
	// Timeout bounds each attempt, reading the body included. Unset, it is
	// the Timeout of HTTPClient if that is set, else 30 s; with both set,
	// the smaller applies.
	Timeout    time.Duration
	timeoutSet bool
	// Logger receives a debug line for each attempt and each retryable
	// failure; nil is silent.
	Logger *slog.Logger
}

// Option sets one field of Options.
type Option func(*Options)

// WithEndpoint sets the scheme and host of the service, for a fake server
// or a proxy. Plain http is allowed only through this option.
func WithEndpoint(baseURL string) Option { return func(o *Options) { o.Endpoint = baseURL } }

// WithHTTPClient sets the HTTP client, for its Transport (proxies, TLS,
// instrumentation); it is copied, never mutated, and its Timeout,
// CheckRedirect and Jar are honoured (see Options.HTTPClient).
func WithHTTPClient(c *http.Client) Option { return func(o *Options) { o.HTTPClient = c } }

// WithSignatureMethod selects HmacSHA256 (the default) or HmacSHA1.
func WithSignatureMethod(m auth.SignatureMethod) Option {
	return func(o *Options) { o.SignatureMethod = m }
}

// WithHTTPMethod selects GET (the default) or POST with a form body.
func WithHTTPMethod(method string) Option { return func(o *Options) { o.HTTPMethod = method } }

// WithMaxRetries sets the retries after the first attempt; 0 disables them.
func WithMaxRetries(n int) Option { return func(o *Options) { o.MaxRetries = n } }

// WithRetryWait sets the base and the cap of the exponential backoff.
func WithRetryWait(base, maximum time.Duration) Option {
	return func(o *Options) { o.RetryWaitMin, o.RetryWaitMax = base, maximum }
}

// WithLogger sets the logger; nil or absent means silent. Log lines never
// hold credentials, signatures or request URLs.
func WithLogger(l *slog.Logger) Option { return func(o *Options) { o.Logger = l } }

// WithTimeout bounds each attempt, reading the body included; 0 means no
// per-attempt limit (the ctx deadline still applies). Without it, the
// Timeout of the WithHTTPClient client applies, else 30 s.
func WithTimeout(d time.Duration) Option {
	return func(o *Options) { o.Timeout, o.timeoutSet = d, true }
}

func defaultOptions() Options {
	return Options{
		SignatureMethod: auth.HmacSHA256,
		HTTPMethod:      http.MethodGet,
		MaxRetries:      3,
		RetryWaitMin:    200 * time.Millisecond,
		RetryWaitMax:    5 * time.Second,
	}
}

// maxRetriesLimit keeps a typo (1000 for 10) from hammering the service.
const maxRetriesLimit = 20

// defaultTimeout bounds an attempt when neither WithTimeout nor the
// Timeout of WithHTTPClient's client says otherwise.
const defaultTimeout = 30 * time.Second

// attemptTimeout resolves the per-attempt timeout: WithTimeout's, the
// Timeout of the WithHTTPClient client (which net/http applies per request,
// that is per attempt), the smaller of the two when both are set, else the
// default.
func (o *Options) attemptTimeout() time.Duration {
	var hc time.Duration
	if o.HTTPClient != nil {
		hc = o.HTTPClient.Timeout
	}
	switch {
	case o.timeoutSet && o.Timeout > 0 && hc > 0:
		return min(o.Timeout, hc)
	case o.timeoutSet:
		return o.Timeout
	case hc > 0:
		return hc
	}
	return defaultTimeout
}

// validate checks o and returns the endpoint URL. No problem quotes the
// endpoint's user info.
func (o *Options) validate(service string) (*url.URL, []*qerrors.ValidationError) {
	var errs []*qerrors.ValidationError
	if !o.SignatureMethod.Valid() {
		errs = append(errs, qerrors.Invalid("WithSignatureMethod", "%q: want HmacSHA1 or HmacSHA256", o.SignatureMethod))
	}
	if o.HTTPMethod != http.MethodGet && o.HTTPMethod != http.MethodPost {
		errs = append(errs, qerrors.Invalid("WithHTTPMethod", "%q: want GET or POST", o.HTTPMethod))
	}
	if o.MaxRetries < 0 || o.MaxRetries > maxRetriesLimit {
		errs = append(errs, qerrors.Invalid("WithMaxRetries", "%d: want 0 to %d", o.MaxRetries, maxRetriesLimit))
	}
	if o.RetryWaitMin <= 0 || o.RetryWaitMax < o.RetryWaitMin {
		errs = append(errs, qerrors.Invalid("WithRetryWait", "%v..%v: want 0 < base <= cap", o.RetryWaitMin, o.RetryWaitMax))
	}
	if o.Timeout < 0 {
		errs = append(errs, qerrors.Invalid("WithTimeout", "%v: must not be negative", o.Timeout))
	}
	endpoint := o.Endpoint
	if endpoint == "" {
		endpoint = "https://" + service + ".api.qcloud.com"
	}
	u, err := url.Parse(endpoint)
	if err != nil {
		// url.Parse's error quotes the whole string, user info included.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, append(errs, qerrors.Invalid("WithEndpoint", "cannot parse it as a URL: %v", err))
	}
	shown := u.Redacted()
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		errs = append(errs, qerrors.Invalid("WithEndpoint", "%q: scheme must be http or https", shown))
	case u.Host == "":
		errs = append(errs, qerrors.Invalid("WithEndpoint", "%q: no host", shown))
	case u.User != nil:
		errs = append(errs, qerrors.Invalid("WithEndpoint", "%q: user info is not sent; set a proxy in WithHTTPClient's transport", shown))
	case (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "":
		errs = append(errs, qerrors.Invalid("WithEndpoint", "%q: give only scheme and host; the SDK adds %s", shown, apiPath))
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return &url.URL{Scheme: u.Scheme, Host: u.Host, Path: apiPath}, nil
}
