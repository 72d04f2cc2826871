package errors

import (
	"fmt"
	"strings"
)

// APIError is an answer of the service that reports an error.
//
// Under API 2.0, Code is the envelope's numeric code (4000, 4100, ...) and
// CodeDesc its string code. Under API 3.0, CodeDesc is Error.Code (for
// example "AuthFailure.SignatureFailure") and Code is 0.
type APIError struct {
	// Service is the API module, for example "vpc".
	Service string
	// Action is the API action, for example "AttachClassicLinkVpc".
	Action string
	// Code is the numeric code of an API 2.0 envelope; 0 under API 3.0.
	Code int
	// CodeDesc is the string code, for example "InvalidVpc.NotFound"; it
	// may be empty under API 2.0.
	CodeDesc string
	// Message is the service's text, often led by a module code such as "(100004)".
	Message string
	// RequestID identifies the call to Tencent Cloud support; API 3.0 only.
	RequestID string
}

// Error reads like
// "vpc AttachClassicLinkVpc: InstanceAlreadyLinked (code 4000): (9001)the CVM is already linked"
// or, under API 3.0,
// "vpc AttachClassicLinkVpc: ResourceNotFound: no such VPC (request 354f4ac3-...)".
func (e *APIError) Error() string {
	var b strings.Builder
	if e.Service != "" {
		b.WriteString(e.Service)
		b.WriteByte(' ')
	}
	b.WriteString(e.Action)
	b.WriteString(": ")
	b.WriteString(e.CodeDesc)
	if e.Code != 0 || e.CodeDesc == "" {
		if e.CodeDesc != "" {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "(code %d)", e.Code)
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	if e.RequestID != "" {
		b.WriteString(" (request ")
		b.WriteString(e.RequestID)
		b.WriteByte(')')
	}
	return b.String()
}

// Is reports whether target is e's code (a [Code] sentinel of a service),
// the business sentinel of its code, or the sentinel of its class: under API 2.0, of the codeDesc and of the numeric
// code (a codeDesc ending in .NotFound is also ErrResourceNotFound); under
// API 3.0, of Error.Code and of its dotted class.
func (e *APIError) Is(target error) bool {
	if target == nil {
		return false
	}
	if c, ok := target.(Code); ok {
		return string(c) == e.CodeDesc
	}
	if s := businessSentinel(e.CodeDesc); s != nil && s == target {
		return true
	}
	if e.Code != 0 {
		// A 2.0 codeDesc such as InvalidVpc.NotFound also matches
		// ErrResourceNotFound, as 3.0's ResourceNotFound for the same error does.
		return classOf(e.Code) == target || target == ErrResourceNotFound && strings.HasSuffix(e.CodeDesc, ".NotFound")
	}
	for _, s := range classOf3(e.CodeDesc) {
		if s == target {
			return true
		}
	}
	return false
}

// Retryable reports whether the protocol marks this answer as safe to try
// again after a pause (throttling, expiry, locked or busy resources,
// internal errors).
func (e *APIError) Retryable() bool {
	if e.Code != 0 {
		switch e.Code {
		case 4200, 4400, 4500, 5100, 6000, 6200:
			return true
		}
		return e.CodeDesc == "ActionLocked" || e.CodeDesc == "ServiceUnavailable"
	}
	return e.CodeDesc == "AuthFailure.SignatureExpire" || hasClass(e.CodeDesc, "RequestLimitExceeded") ||
		hasClass(e.CodeDesc, "InternalError") || e.CodeDesc == "ServiceUnavailable" || e.CodeDesc == "ResourceUnavailable" ||
		e.CodeDesc == "ResourceInUse"
}

// hasClass reports whether an API 3.0 code is class or class.<detail>.
func hasClass(code, class string) bool {
	rest, ok := strings.CutPrefix(code, class)
	return ok && (rest == "" || rest[0] == '.')
}
