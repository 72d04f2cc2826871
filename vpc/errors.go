package vpc

import qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"

// Error codes of the VPC actions of this package: errors.Is(err, ErrXxx)
// holds for an answer with that code. The class sentinels of package
// errors (errors.ErrInvalidParameter, ...) match them too.
const (
	// ErrInternalErrorModuleError may answer DescribeVpcs.
	ErrInternalErrorModuleError qerrors.Code = "InternalError.ModuleError"
	// ErrInvalidParameterCoexist may answer DescribeVpcs.
	ErrInvalidParameterCoexist qerrors.Code = "InvalidParameter.Coexist"
	// ErrInvalidParameterFilterInvalidKey may answer DescribeVpcs.
	ErrInvalidParameterFilterInvalidKey qerrors.Code = "InvalidParameter.FilterInvalidKey"
	// ErrInvalidParameterFilterNotDict may answer DescribeVpcs.
	ErrInvalidParameterFilterNotDict qerrors.Code = "InvalidParameter.FilterNotDict"
	// ErrInvalidParameterFilterValuesNotList may answer DescribeVpcs.
	ErrInvalidParameterFilterValuesNotList qerrors.Code = "InvalidParameter.FilterValuesNotList"
	// ErrInvalidParameterValueLimitExceeded may answer DescribeVpcs and
	// AttachClassicLinkVpc.
	ErrInvalidParameterValueLimitExceeded qerrors.Code = "InvalidParameterValue.LimitExceeded"
	// ErrInvalidParameterValueMalformed may answer DescribeVpcs,
	// AttachClassicLinkVpc and DetachClassicLinkVpc.
	ErrInvalidParameterValueMalformed qerrors.Code = "InvalidParameterValue.Malformed"
	// ErrInvalidParameterValueNotUtf8EncodingError may answer DescribeVpcs.
	ErrInvalidParameterValueNotUtf8EncodingError qerrors.Code = "InvalidParameterValue.NotUtf8EncodingError"
	// ErrInvalidParameterValueRange may answer DescribeVpcs.
	ErrInvalidParameterValueRange qerrors.Code = "InvalidParameterValue.Range"
	// ErrResourceInUse answers an action on a resource that another
	// operation still holds (errors.ErrActionLocked matches it too).
	ErrResourceInUse qerrors.Code = "ResourceInUse"
	// ErrResourceNotFound may answer DescribeVpcs and the ClassicLink
	// actions.
	ErrResourceNotFound qerrors.Code = "ResourceNotFound"
	// ErrUnsupportedOperation may answer DescribeVpcs, AttachClassicLinkVpc
	// and DescribeVpcTaskResult.
	ErrUnsupportedOperation qerrors.Code = "UnsupportedOperation"
)
