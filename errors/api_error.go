package errors

import (
	"fmt"
	"strings"
)

// APIError is an answer of the service with a non-zero code.
type APIError struct {
	// Service is the API module, for example "vpc".
	Service string
	// Action is the API action, for example "AttachClassicLinkVpc".
	Action string
	// Code is the numeric code of the envelope (4000, 4100, ...).
	Code int
	// CodeDesc is the string code, for example "InvalidVpc.NotFound"; it may be empty.
	CodeDesc string
	// Message is the service's text, often led by a module code such as "(100004)".
	Message string
}

// Error reads like
// "vpc AttachClassicLinkVpc: InstanceAlreadyLinked (code 4000): (9001)the CVM is already linked".
func (e *APIError) Error() string {
	var b strings.Builder
	if e.Service != "" {
		b.WriteString(e.Service)
		b.WriteByte(' ')
	}
	b.WriteString(e.Action)
	b.WriteString(": ")
	if e.CodeDesc != "" {
		b.WriteString(e.CodeDesc)
		b.WriteByte(' ')
	}
	fmt.Fprintf(&b, "(code %d)", e.Code)
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	return b.String()
}

// Is reports whether target is the sentinel of e's codeDesc or of the class
// of e's numeric code.
func (e *APIError) Is(target error) bool {
	if s, ok := codeDescSentinels[e.CodeDesc]; ok && s == target {
		return true
	}
	return target != nil && ClassOf(e.Code) == target
}

// Retryable reports whether the protocol marks this answer as safe to try
// again after a pause (throttling, expiry, busy resources, internal errors).
func (e *APIError) Retryable() bool {
	switch e.Code {
	case 4200, 4400, 4500, 5100, 6000, 6200:
		return true
	}
	return e.CodeDesc == "ActionLocked" || e.CodeDesc == "ServiceUnavailable"
}
