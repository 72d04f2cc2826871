// Package errors holds the error types and sentinel values returned by the
// qcloud-sdk-go clients.
//
// Callers usually import it under an alias, because its name shadows the
// standard library package:
//
//	import qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
//
//	out, err := client.AttachClassicLinkVpc(ctx, in)
//	switch {
//	case errors.Is(err, qerrors.ErrInstanceAlreadyLinked):
//		// the instance is linked to a VPC already
//	case errors.Is(err, qerrors.ErrInvalidInput):
//		// the input was rejected before anything was sent
//	}
//
//	var apiErr *qerrors.APIError
//	if errors.As(err, &apiErr) {
//		log.Println(apiErr.Code, apiErr.CodeDesc, apiErr.Message)
//	}
//
// An [*APIError] matches two sentinels with errors.Is: the one for its
// codeDesc (for example [ErrInvalidVpcNotFound]) and the one for the class
// of its numeric code (for example [ErrInvalidParameter] for 4000). An
// unknown codeDesc still matches its numeric class.
package errors
