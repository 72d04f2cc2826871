package common

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
)

// Options configure a Client. Set them with the With* functions; NewClient
// validates the result and returns an error for an invalid value.
type Options struct {
	// Endpoint is the scheme and host (and port) of the service, for example
	// "http://127.0.0.1:8080". Empty means https://<service>.api.qcloud.com.
	// The path /v2/index.php is added by the SDK.
	Endpoint string
	// HTTPClient is copied; its Transport (or a clone of
	// http.DefaultTransport) is wrapped by the signer, its Timeout replaced by
	// Timeout and its redirects turned off. Nil means a default.
	HTTPClient *http.Client
	// SignatureMethod defaults to auth.HmacSHA256.
	SignatureMethod auth.SignatureMethod
	// HTTPMethod is "GET" (the default) or "POST" (form body).
	HTTPMethod string
	// MaxRetries is the number of retries after the first attempt (default 3).
	MaxRetries int
	// RetryWaitMin and RetryWaitMax bound the backoff (defaults 200 ms and 5 s).
	RetryWaitMin, RetryWaitMax time.Duration
	// Timeout bounds each attempt, reading the body included (default 30 s).
	Timeout time.Duration
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
// instrumentation); it is copied, never mutated.
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

// WithTimeout bounds each attempt; 0 means no per-attempt limit (the ctx
// deadline still applies).
func WithTimeout(d time.Duration) Option { return func(o *Options) { o.Timeout = d } }

func defaultOptions() Options {
	return Options{
		SignatureMethod: auth.HmacSHA256,
		HTTPMethod:      http.MethodGet,
		MaxRetries:      3,
		RetryWaitMin:    200 * time.Millisecond,
		RetryWaitMax:    5 * time.Second,
		Timeout:         30 * time.Second,
	}
}

// maxRetriesLimit keeps a typo (1000 for 10) from hammering the service.
const maxRetriesLimit = 20

// validate checks o and returns the parsed endpoint.
func (o *Options) validate(service string) (*url.URL, error) {
	var errs []error
	if !o.SignatureMethod.Valid() {
		errs = append(errs, fmt.Errorf("signature method %q: want HmacSHA1 or HmacSHA256", o.SignatureMethod))
	}
	if o.HTTPMethod != http.MethodGet && o.HTTPMethod != http.MethodPost {
		errs = append(errs, fmt.Errorf("HTTP method %q: want GET or POST", o.HTTPMethod))
	}
	if o.MaxRetries < 0 || o.MaxRetries > maxRetriesLimit {
		errs = append(errs, fmt.Errorf("max retries %d: want 0 to %d", o.MaxRetries, maxRetriesLimit))
	}
	if o.RetryWaitMin <= 0 || o.RetryWaitMax < o.RetryWaitMin {
		errs = append(errs, fmt.Errorf("retry wait %v..%v: want 0 < base <= cap", o.RetryWaitMin, o.RetryWaitMax))
	}
	if o.Timeout < 0 {
		errs = append(errs, fmt.Errorf("timeout %v: must not be negative", o.Timeout))
	}
	endpoint := o.Endpoint
	if endpoint == "" {
		endpoint = "https://" + service + ".api.qcloud.com"
	}
	u, err := url.Parse(endpoint)
	switch {
	case err != nil:
		errs = append(errs, fmt.Errorf("endpoint: %w", err))
	case u.Scheme != "http" && u.Scheme != "https":
		errs = append(errs, fmt.Errorf("endpoint %q: scheme must be http or https", endpoint))
	case u.Host == "":
		errs = append(errs, fmt.Errorf("endpoint %q: no host", endpoint))
	case (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.User != nil || u.Fragment != "":
		errs = append(errs, fmt.Errorf("endpoint %q: give only scheme and host; the SDK adds %s", endpoint, apiPath))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("common: invalid options: %w", err)
	}
	return &url.URL{Scheme: u.Scheme, Host: u.Host, Path: apiPath}, nil
}
