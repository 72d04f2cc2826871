package errors

import (
	"fmt"
	"net/http"
)

// StatusError reports an HTTP status other than 200. The v2 service answers
// API errors with status 200, so this is a failure of the transport path
// (a gateway, a proxy, a load balancer).
type StatusError struct {
	// Service and Action name the call.
	Service, Action string
	// StatusCode is the HTTP status.
	StatusCode int
	// Body is a short excerpt of the response body, with anything that looks
	// like a credential or signature masked.
	Body string
}

// Error reads like "vpc AttachClassicLinkVpc: HTTP 502 Bad Gateway: <excerpt>".
func (e *StatusError) Error() string {
	s := fmt.Sprintf("%s %s: HTTP %d %s", e.Service, e.Action, e.StatusCode, http.StatusText(e.StatusCode))
	if e.Body != "" {
		s += ": " + e.Body
	}
	return s
}

// Is matches [ErrQuotaExceeded] for 429, [ErrServiceUnavailable] for 503 and
// [ErrInternal] for the other 5xx statuses.
func (e *StatusError) Is(target error) bool {
	switch {
	case e.StatusCode == http.StatusTooManyRequests:
		return target == ErrQuotaExceeded
	case e.StatusCode == http.StatusServiceUnavailable:
		return target == ErrServiceUnavailable
	case e.StatusCode >= 500:
		return target == ErrInternal
	}
	return false
}
