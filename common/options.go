package common

import (
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
)

// API selects the wire protocol of a client.
type API int

// The protocols: API 3.0 (the default: TC3-signed JSON, what the live
// service answers) and API 2.0 (the protocol of the original ClassicLink
// documentation; the VPC module's 2.0 went offline on 2023-01-01, and the
// fake still speaks it).
const (
	API2 API = 2
	API3 API = 3
)

// String returns "API 2.0" or "API 3.0".
func (v API) String() string {
	switch v {
	case API2:
		return "API 2.0"
	case API3:
		return "API 3.0"
	}
	return "API(" + strconv.Itoa(int(v)) + ")"
}

// Options configure a client. Set them with the With* functions; NewClient
// applies them to the defaults (API 3.0, 3 retries, a backoff of 200 ms to
// 5 s, a 30 s attempt timeout), validates the result and returns an error
// for an invalid value.
type Options struct {
	// API is API3 (the default) or API2.
	API API
	// Endpoint is the scheme and host (and port) of the service, for example
	// "http://127.0.0.1:8080". Empty means https://<service>.api.qcloud.com
	// under API2 and https://<service>.tencentcloudapi.com under API3 (the
	// nearest region; give https://<service>.<region>.tencentcloudapi.com for
	// a region's own host). The path (/v2/index.php or /) is the SDK's.
	Endpoint string
	// HTTPClient is copied, never mutated. Its Transport (or the SDK's
	// default, a clone of http.DefaultTransport that keeps up to 1024 idle
	// connections) is wrapped by the signer; its Timeout bounds each attempt
	// (see Timeout); its CheckRedirect is honoured, and without one redirects
	// are not followed; its Jar is kept. Nil means a default.
	HTTPClient *http.Client
	// SignatureMethod defaults to auth.HmacSHA256 under API2 and to
	// auth.TC3HmacSHA256 under API3, which also takes HmacSHA1 and HmacSHA256
	// (its "v1" signature).
	SignatureMethod auth.SignatureMethod
	// HTTPMethod is "GET" or "POST": under API2 GET is the default and POST
	// sends a form body; under API3 POST (a JSON body, or a form with the v1
	// signature) is the default and GET puts the parameters in the query.
	HTTPMethod string
	// MaxRetries is the number of retries after the first attempt: 0 to 20
	// (default 3).
	MaxRetries int
	// RetryWaitMin and RetryWaitMax bound the backoff (defaults 200 ms and 5 s).
	RetryWaitMin, RetryWaitMax time.Duration
	// Timeout bounds each attempt, reading the body included; with
	// TimeoutSet (WithTimeout sets both), 0 means no limit. Unset, it is
	// the Timeout of HTTPClient if that is set, else 30 s; with both set,
	// the smaller applies.
	Timeout    time.Duration
	TimeoutSet bool
	// Logger receives a debug line for each attempt and each retryable
	// failure; nil is silent.
	Logger *slog.Logger
	// Observer receives every attempt (see WithObserver); nil: none.
	Observer Observer
}

// Option sets one field of Options.
type Option func(*Options)

// WithAPI selects the protocol: API3 (the default) or API2.
func WithAPI(v API) Option { return func(o *Options) { o.API = v } }

// WithEndpoint sets the scheme and host of the service, for a fake server
// or a proxy. Plain http is allowed only through this option.
func WithEndpoint(baseURL string) Option { return func(o *Options) { o.Endpoint = baseURL } }

// WithHTTPClient sets the HTTP client, for its Transport (proxies, TLS,
// instrumentation); it is copied, never mutated, and its Timeout,
// CheckRedirect and Jar are honoured (see Options.HTTPClient).
func WithHTTPClient(c *http.Client) Option { return func(o *Options) { o.HTTPClient = c } }

// WithSignatureMethod selects the signature: HmacSHA256 (the API2 default)
// or HmacSHA1, or under API3 also TC3HmacSHA256 (its default).
func WithSignatureMethod(m auth.SignatureMethod) Option {
	return func(o *Options) { o.SignatureMethod = m }
}

// WithHTTPMethod selects GET or POST (see Options.HTTPMethod for the defaults).
func WithHTTPMethod(method string) Option { return func(o *Options) { o.HTTPMethod = method } }

// WithMaxRetries sets the retries after the first attempt (default 3): 0
// disables them, and NewClient refuses more than 20.
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
	return func(o *Options) { o.Timeout, o.TimeoutSet = d, true }
}

// CallOption changes one call of a client, not the client: see
// WithCallTimeout and WithCallRetries.
type CallOption func(*CallOptions)

// CallOptions holds what the CallOption functions set for one call.
type CallOptions struct {
	// Timeout bounds the whole call, every attempt and every backoff
	// included; 0 leaves it to the ctx.
	Timeout time.Duration
	// MaxRetries, when set (MaxRetriesSet), replaces the client's for
	// this call: 0 to 20.
	MaxRetries    int
	MaxRetriesSet bool
}

// WithCallTimeout bounds one call as a whole (every attempt and backoff);
// each attempt keeps the client's per-attempt timeout too.
func WithCallTimeout(d time.Duration) CallOption { return func(o *CallOptions) { o.Timeout = d } }

// WithCallRetries sets the retries of one call, 0 to 20, in place of the
// client's (WithMaxRetries): 0 for a call that must fail fast.
func WithCallRetries(n int) CallOption {
	return func(o *CallOptions) { o.MaxRetries, o.MaxRetriesSet = n, true }
}
