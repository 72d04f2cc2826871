// Package errors holds the error types and sentinel values returned by the
// qcloud-sdk-go clients.
//
// Callers usually import it under an alias, such as qerrors, because its
// name shadows the standard library package:
//
//	_, err := client.AttachClassicLinkVpc(ctx, in)
//	switch {
//	case errors.Is(err, qerrors.ErrInstanceAlreadyLinked):
//		// the instance is linked to a VPC already
//	case errors.Is(err, qerrors.ErrInvalidInput):
//		// the input was rejected before anything was sent
//	}
//	var apiErr *qerrors.APIError
//	if errors.As(err, &apiErr) {
//		log.Println(apiErr.Code, apiErr.CodeDesc, apiErr.Message)
//	}
//
// Every failure of a call that was sent is a [*CallError], which says the
// service, the action, the attempts made and the last RequestId, and wraps
// what went wrong: an [*APIError] (the service's answer), a [*StatusError],
// a malformed answer, a network failure. Input refused before sending is a
// [*ValidationError].
//
// An [*APIError] matches two sentinels with errors.Is, under both protocols:
// the one of its business code and the one of its class. Under API 2.0 the
// business code is the codeDesc (for example [ErrInvalidVpcNotFound]) and
// the class that of the numeric code ([ErrInvalidParameter] for 4000);
// under API 3.0 the business code is Error.Code
// (UnsupportedOperation.ClassicInstanceIdAlreadyExists is
// [ErrInstanceAlreadyLinked], LimitExceeded on Attach is
// [ErrInstanceLimitExceeded]) and the class its dotted prefix
// (AuthFailure.* is [ErrAuthFailure], ResourceNotFound* is
// [ErrResourceNotFound], ...). An unknown code still matches its class.
package errors
