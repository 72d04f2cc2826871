package errors

import (
	"strconv"
	"strings"
)

// CallError is the error of a call that went to the service (or tried
// to): it says once which service and action, after how many attempts, and
// the RequestId of the last answer that had one. Err is what went wrong: an
// *APIError, a *StatusError, a malformed answer (ErrMalformedResponse), a
// failure of the network, possibly marked ErrOutcomeUnknown; errors.Is and
// errors.As see through to it. Input refused before sending is a
// *ValidationError instead.
type CallError struct {
	// Service and Action name the call, for example "vpc" and
	// "AttachClassicLinkVpc".
	Service, Action string
	// Attempts counts the requests made, retries included (0: none left).
	Attempts int
	// RequestID is the RequestId of the last answer that had one (API 3.0).
	RequestID string
	// Err is what went wrong.
	Err error
}

// Error reads like "vpc DescribeVpcs: HTTP 503 Service Unavailable (after
// 4 attempts)" or "vpc AttachClassicLinkVpc: ResourceNotFound: no such
// VPC (request 354f4ac3-...)": Err's text, led by the service and action
// unless it names them itself, and the attempts and RequestId that it does
// not say.
func (e *CallError) Error() string {
	msg := e.Err.Error()
	if prefix := e.Service + " " + e.Action + ": "; !strings.HasPrefix(msg, prefix) {
		msg = prefix + msg
	}
	var notes []string
	if e.Attempts > 1 {
		notes = append(notes, "after "+strconv.Itoa(e.Attempts)+" attempts")
	}
	if e.RequestID != "" && !strings.Contains(msg, e.RequestID) {
		notes = append(notes, "request "+e.RequestID)
	}
	if len(notes) > 0 {
		msg += " (" + strings.Join(notes, "; ") + ")"
	}
	return msg
}

// Unwrap returns Err.
func (e *CallError) Unwrap() error { return e.Err }
