package core

import (
	"cmp"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
)

// The paths of the two protocols: every 2.0 module is at /v2/index.php,
// every 3.0 service at /.
const (
	path2 = "/v2/index.php"
	path3 = "/"
)

// maxRetriesLimit keeps a typo (1000 for 10) from hammering the service.
const maxRetriesLimit = 20

// defaultTimeout bounds an attempt when neither WithTimeout nor the
// Timeout of WithHTTPClient's client says otherwise.
const defaultTimeout = 30 * time.Second

// applyOptions returns the defaults with opts applied (nil options are
// skipped); resolve validates the result.
func applyOptions(opts []common.Option) common.Options {
	o := common.Options{
		API:          common.API3,
		MaxRetries:   3,
		RetryWaitMin: 200 * time.Millisecond,
		RetryWaitMax: 5 * time.Second,
	}
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	return o
}

// attemptTimeout resolves the per-attempt timeout: WithTimeout's, the
// Timeout of the WithHTTPClient client (which net/http applies per request,
// that is per attempt), the smaller of the two when both are set, else
// defaultTimeout.
func attemptTimeout(o *common.Options) time.Duration {
	var hc time.Duration
	if o.HTTPClient != nil {
		hc = o.HTTPClient.Timeout
	}
	switch {
	case o.TimeoutSet && o.Timeout > 0 && hc > 0:
		return min(o.Timeout, hc)
	case o.TimeoutSet:
		return o.Timeout
	case hc > 0:
		return hc
	}
	return defaultTimeout
}

// settings are what the options resolve to, defaults applied.
type settings struct {
	endpoint  *url.URL
	method    string
	sigMethod auth.SignatureMethod
}

// resolve checks o and fills in the protocol's defaults. No problem quotes
// the endpoint's user info.
func resolve(o *common.Options, service string) (settings, []*qerrors.ValidationError) {
	var errs []*qerrors.ValidationError
	s := settings{method: o.HTTPMethod, sigMethod: o.SignatureMethod}
	host, path := service+".api.qcloud.com", path2
	switch o.API {
	case common.API2:
		s.method = cmp.Or(s.method, http.MethodGet)
		s.sigMethod = cmp.Or(s.sigMethod, auth.HmacSHA256)
		if s.sigMethod == auth.TC3HmacSHA256 {
			errs = append(errs, Invalid("WithSignatureMethod", "%s needs WithAPI(common.API3); API 2.0 signs with HmacSHA1 or HmacSHA256", s.sigMethod))
		}
	case common.API3:
		host, path = service+".tencentcloudapi.com", path3
		s.method = cmp.Or(s.method, http.MethodPost)
		s.sigMethod = cmp.Or(s.sigMethod, auth.TC3HmacSHA256)
	default:
		errs = append(errs, Invalid("WithAPI", "%d: want common.API3 or common.API2", int(o.API)))
	}
	// Checked whatever the protocol, so that a bad WithAPI does not hide them;
	// an HTTP method or signature not given is not reported.
	if m := s.sigMethod; m != "" && m != auth.TC3HmacSHA256 && !m.Valid() {
		errs = append(errs, Invalid("WithSignatureMethod", "%q: want TC3-HMAC-SHA256 (API 3.0), HmacSHA1 or HmacSHA256", m))
	}
	if s.method != "" && s.method != http.MethodGet && s.method != http.MethodPost {
		errs = append(errs, Invalid("WithHTTPMethod", "%q: want GET or POST", s.method))
	}
	if o.MaxRetries < 0 || o.MaxRetries > maxRetriesLimit {
		errs = append(errs, Invalid("WithMaxRetries", "%d: want 0 to %d", o.MaxRetries, maxRetriesLimit))
	}
	if o.RetryWaitMin <= 0 || o.RetryWaitMax < o.RetryWaitMin {
		errs = append(errs, Invalid("WithRetryWait", "%v..%v: want 0 < base <= cap", o.RetryWaitMin, o.RetryWaitMax))
	}
	if o.Timeout < 0 {
		errs = append(errs, Invalid("WithTimeout", "%v: must not be negative", o.Timeout))
	}
	endpoint := cmp.Or(o.Endpoint, "https://"+host)
	u, err := url.Parse(endpoint)
	if err != nil {
		// url.Parse's error quotes the whole string, user info included.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return s, append(errs, Invalid("WithEndpoint", "cannot parse it as a URL: %v", err))
	}
	shown := u.Redacted()
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		errs = append(errs, Invalid("WithEndpoint", "%q: scheme must be http or https", shown))
	case u.Host == "":
		errs = append(errs, Invalid("WithEndpoint", "%q: no host", shown))
	case u.User != nil:
		errs = append(errs, Invalid("WithEndpoint", "%q: user info is not sent; set a proxy in WithHTTPClient's transport", shown))
	case (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "":
		errs = append(errs, Invalid("WithEndpoint", "%q: give only scheme and host; the SDK adds %s", shown, path))
	}
	s.endpoint = &url.URL{Scheme: u.Scheme, Host: u.Host, Path: path}
	return s, errs
}

// maxRegionLength bounds a region name; the longest real one
// (ap-shanghai-adc, na-siliconvalley, ...) has fewer than 20 characters.
const maxRegionLength = 32

func validRegion(region string) *qerrors.ValidationError {
	switch {
	case len(region) > maxRegionLength:
		return Invalid("region", "%d characters: at most %d", len(region), maxRegionLength)
	case strings.ContainsFunc(region, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-')
	}):
		return Invalid("region", "%q: want lower-case letters, digits and '-', like ap-guangzhou", region)
	}
	return nil
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
