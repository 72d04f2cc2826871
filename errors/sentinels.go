package errors

import (
	stderrors "errors"
	"strings"
)

// Business errors of the VPC ClassicLink actions, matched by codeDesc.
var (
	// ErrInvalidInstanceNotFound is codeDesc InvalidInstance.NotFound: an
	// instance id does not exist.
	ErrInvalidInstanceNotFound = stderrors.New("InvalidInstance.NotFound")
	// ErrInvalidVpcNotFound is codeDesc InvalidVpc.NotFound: the VPC does not exist.
	ErrInvalidVpcNotFound = stderrors.New("InvalidVpc.NotFound")
	// ErrInstanceLimitExceeded is codeDesc InstanceLimitExceeded: too many
	// classic instances are linked to the VPC.
	ErrInstanceLimitExceeded = stderrors.New("InstanceLimitExceeded")
	// ErrInstanceAlreadyLinked is codeDesc InstanceAlreadyLinked: the instance
	// is linked to a VPC already (an instance links to one VPC only).
	ErrInstanceAlreadyLinked = stderrors.New("InstanceAlreadyLinked")
	// ErrInvalidLanIPNotFound is codeDesc InvalidLanIp.NotFound: no instance
	// has the private IP given as a filter.
	ErrInvalidLanIPNotFound = stderrors.New("InvalidLanIp.NotFound")
	// ErrInstanceNotLinked is codeDesc InstanceNotLinked: a detach named an
	// instance that is not linked to that VPC.
	ErrInstanceNotLinked = stderrors.New("InstanceNotLinked")
	// ErrActionLocked is codeDesc ActionLocked (API 3.0: ResourceInUse):
	// another operation on the resource is still running. The service did
	// not act, so every action, Attach and Detach included, is retried with
	// backoff under both protocols.
	ErrActionLocked = stderrors.New("ActionLocked")
)

// Classes of the common numeric codes of the v2 protocol.
var (
	// ErrInvalidParameter is code 4000.
	ErrInvalidParameter = stderrors.New("invalid parameter")
	// ErrAuthFailure is codes 4100 to 4110: signature, key or permission checks failed.
	ErrAuthFailure = stderrors.New("authentication or authorisation failed")
	// ErrRequestExpired is code 4200.
	ErrRequestExpired = stderrors.New("request expired")
	// ErrAccessDenied is code 4300: the account is blocked or out of scope.
	ErrAccessDenied = stderrors.New("access denied")
	// ErrQuotaExceeded is code 4400: the request quota is exceeded (throttled).
	ErrQuotaExceeded = stderrors.New("request quota exceeded")
	// ErrReplayAttack is code 4500: a repeated Nonce or a Timestamp more than
	// two hours from the server's clock.
	ErrReplayAttack = stderrors.New("replayed or stale request")
	// ErrProtocolNotSupported is code 4600: plain HTTP to the real service.
	ErrProtocolNotSupported = stderrors.New("protocol not supported")
	// ErrResourceNotFound is code 5000.
	ErrResourceNotFound = stderrors.New("resource not found")
	// ErrOperationFailed is code 5100: the resource operation failed, try later.
	ErrOperationFailed = stderrors.New("resource operation failed")
	// ErrPurchaseFailed is codes 5200 and 5300.
	ErrPurchaseFailed = stderrors.New("purchase failed")
	// ErrPartialSuccess is code 5400: part of a batch succeeded.
	ErrPartialSuccess = stderrors.New("partial success")
	// ErrQualificationFailed is code 5500.
	ErrQualificationFailed = stderrors.New("qualification review failed")
	// ErrInternal is code 6000 (API 3.0: InternalError*).
	ErrInternal = stderrors.New("internal server error")
	// ErrActionNotSupported is code 6100: unknown action or wrong module host.
	ErrActionNotSupported = stderrors.New("action not supported")
	// ErrServiceUnavailable is code 6200 and codeDesc ServiceUnavailable.
	ErrServiceUnavailable = stderrors.New("service temporarily unavailable")
)

// Errors raised by the SDK itself.
var (
	// ErrInvalidInput marks input rejected before any request was sent; see [ValidationError].
	ErrInvalidInput = stderrors.New("invalid input")
	// ErrOutcomeUnknown marks a non-idempotent call (Attach, Detach) whose
	// request was sent but that got no valid answer: a timeout or reset, an
	// HTTP error from a gateway that may have forwarded it, a malformed 200,
	// an internal error. The service may or may not have acted; the SDK does
	// not repeat such a call. Find out by listing the links (see the vpc
	// package's ClassicLinksOf) once the task that may be running has ended.
	ErrOutcomeUnknown = stderrors.New("outcome unknown: the request was sent but no valid answer came back; the service may have acted")
	// ErrMalformedResponse marks a response that is not a valid envelope, or
	// a successful one that lacks a field the caller needs.
	ErrMalformedResponse = stderrors.New("malformed response")
	// ErrTaskFailed marks an asynchronous task that finished with status failure.
	ErrTaskFailed = stderrors.New("task failed")
	// ErrWaitTimeout marks a wait for a task that ran out of its maximum wait
	// while the task was still running.
	ErrWaitTimeout = stderrors.New("task still running at the end of the wait")
)

// codeDescSentinels maps codeDesc strings to their sentinels.
var codeDescSentinels = map[string]error{
	"InvalidInstance.NotFound": ErrInvalidInstanceNotFound,
	"InvalidVpc.NotFound":      ErrInvalidVpcNotFound,
	"InstanceLimitExceeded":    ErrInstanceLimitExceeded,
	"InstanceAlreadyLinked":    ErrInstanceAlreadyLinked,
	"InvalidLanIp.NotFound":    ErrInvalidLanIPNotFound,
	"InstanceNotLinked":        ErrInstanceNotLinked,
	"ActionLocked":             ErrActionLocked,
	"ServiceUnavailable":       ErrServiceUnavailable,
}

// businessSentinel returns the sentinel of an API 2.0 business code, or of
// ResourceInUse, API 3.0's common code for what 2.0 calls ActionLocked; or
// nil. The API 3.0 codes of the other ClassicLink errors are matched by
// the actions that answer them (package vpc).
func businessSentinel(code string) error {
	if code == "ResourceInUse" {
		return ErrActionLocked
	}
	return codeDescSentinels[code]
}

// classOf3 returns the class sentinels of an API 3.0 code, matched by its
// dotted prefix (docs/wire.md, 3.4): AuthFailure.* and
// UnauthorizedOperation* are ErrAuthFailure (SignatureExpire is also
// ErrRequestExpired), RequestLimitExceeded* ErrQuotaExceeded, InternalError*
// ErrInternal, InvalidParameter*, InvalidParameterValue*, MissingParameter*
// and UnknownParameter* ErrInvalidParameter, ResourceNotFound*
// ErrResourceNotFound, FailedOperation* ErrOperationFailed,
// ServiceUnavailable and ResourceUnavailable ErrServiceUnavailable,
// InvalidAction, ActionOffline, NoSuchVersion and UnsupportedRegion
// ErrActionNotSupported.
func classOf3(code string) []error {
	class, _, _ := strings.Cut(code, ".")
	switch {
	case code == "AuthFailure.SignatureExpire":
		return []error{ErrAuthFailure, ErrRequestExpired}
	case class == "AuthFailure", class == "UnauthorizedOperation":
		return []error{ErrAuthFailure}
	case class == "RequestLimitExceeded":
		return []error{ErrQuotaExceeded}
	case class == "InternalError":
		return []error{ErrInternal}
	case class == "InvalidParameter", class == "InvalidParameterValue", class == "MissingParameter", class == "UnknownParameter":
		return []error{ErrInvalidParameter}
	case class == "ResourceNotFound":
		return []error{ErrResourceNotFound}
	case class == "FailedOperation":
		return []error{ErrOperationFailed}
	case code == "ServiceUnavailable", code == "ResourceUnavailable":
		return []error{ErrServiceUnavailable}
	case code == "InvalidAction", code == "ActionOffline", code == "NoSuchVersion", code == "UnsupportedRegion":
		return []error{ErrActionNotSupported}
	}
	return nil
}

// classOf returns the sentinel for the class of a numeric v2 code, or nil
// for 0 and codes the protocol does not document.
func classOf(code int) error {
	switch {
	case code == 4000:
		return ErrInvalidParameter
	case code >= 4100 && code <= 4110:
		return ErrAuthFailure
	case code == 4200:
		return ErrRequestExpired
	case code == 4300:
		return ErrAccessDenied
	case code == 4400:
		return ErrQuotaExceeded
	case code == 4500:
		return ErrReplayAttack
	case code == 4600:
		return ErrProtocolNotSupported
	case code == 5000:
		return ErrResourceNotFound
	case code == 5100:
		return ErrOperationFailed
	case code == 5200, code == 5300:
		return ErrPurchaseFailed
	case code == 5400:
		return ErrPartialSuccess
	case code == 5500:
		return ErrQualificationFailed
	case code == 6000:
		return ErrInternal
	case code == 6100:
		return ErrActionNotSupported
	case code == 6200:
		return ErrServiceUnavailable
	}
	return nil
}
