package common

import (
	"context"
	"time"
)

// Attempt describes one attempt of a call, for an Observer: what tracing
// (OpenTelemetry spans) or metrics (Prometheus histograms and counters)
// need, and never a credential, a signature or a parameter.
type Attempt struct {
	// Service and Action name the call, for example "vpc" and
	// "DescribeVpcs" (the action's name under the client's protocol).
	Service, Action string
	// Number counts the call's attempts from 1.
	Number int
	// Duration is from sending the request to the answer's status and
	// headers (or the failure).
	Duration time.Duration
	// StatusCode is the HTTP status, 0 when no answer came.
	StatusCode int
	// RequestID is the answer's RequestId (API 3.0), when it had one.
	RequestID string
	// Outcome classes the attempt; see the Outcome constants.
	Outcome Outcome
	// ErrorCode is the API's error code of an OutcomeAPIError answer
	// (API 3.0 Error.Code such as RequestLimitExceeded; API 2.0 codeDesc,
	// else the numeric code), "" otherwise.
	ErrorCode string
	// Retry says whether another attempt follows.
	Retry bool
}

// Outcome classes an attempt.
type Outcome string

// The outcomes of an attempt.
const (
	OutcomeSuccess   Outcome = "success"    // a valid answer without error
	OutcomeAPIError  Outcome = "api_error"  // a valid answer that reports an error
	OutcomeHTTPError Outcome = "http_error" // an HTTP status other than 200
	OutcomeMalformed Outcome = "malformed"  // a 200 that is not a valid answer
	OutcomeTransport Outcome = "transport"  // no answer: refused, reset, timed out
)

// Observer receives every attempt of every call of a client, on the
// calling goroutine, once the SDK has decided whether to retry. It must
// not block: the call waits for it.
type Observer func(ctx context.Context, a Attempt)

// WithObserver sets the client's Observer (nil: none), the one extension
// point for tracing and metrics; see examples/observe.
func WithObserver(obs Observer) Option { return func(o *Options) { o.Observer = obs } }
