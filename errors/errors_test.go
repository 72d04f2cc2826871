package errors_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
)

func TestAPIErrorMessage(t *testing.T) {
	t.Parallel()
	err := &qerrors.APIError{Service: "vpc", Action: "AttachClassicLinkVpc", Code: 4000,
		CodeDesc: "InstanceAlreadyLinked", Message: "(9001)the CVM is already linked"}
	assert.Equal(t, "vpc AttachClassicLinkVpc: InstanceAlreadyLinked (code 4000): (9001)the CVM is already linked", err.Error())
	assert.Equal(t, "AttachClassicLinkVpc: (code 6000)", (&qerrors.APIError{Action: "AttachClassicLinkVpc", Code: 6000}).Error())
}

func TestAPIErrorIsBusinessSentinels(t *testing.T) {
	t.Parallel()
	business := map[string]error{
		"InvalidInstance.NotFound": qerrors.ErrInvalidInstanceNotFound,
		"InvalidVpc.NotFound":      qerrors.ErrInvalidVpcNotFound,
		"InstanceLimitExceeded":    qerrors.ErrInstanceLimitExceeded,
		"InstanceAlreadyLinked":    qerrors.ErrInstanceAlreadyLinked,
	}
	for desc, sentinel := range business {
		err := fmt.Errorf("wrapped: %w", &qerrors.APIError{Code: 4000, CodeDesc: desc})
		assert.ErrorIs(t, err, sentinel, desc)
		assert.ErrorIs(t, err, qerrors.ErrInvalidParameter, desc)
		for other, s := range business {
			if other != desc {
				assert.NotErrorIs(t, err, s, "%s must not match %s", desc, other)
			}
		}
	}
}

func TestAPIErrorIsNumericClass(t *testing.T) {
	t.Parallel()
	tests := []struct {
		code int
		want error
	}{
		{4000, qerrors.ErrInvalidParameter}, {4100, qerrors.ErrAuthFailure}, {4104, qerrors.ErrAuthFailure},
		{4110, qerrors.ErrAuthFailure}, {4200, qerrors.ErrRequestExpired}, {4300, qerrors.ErrAccessDenied},
		{4400, qerrors.ErrQuotaExceeded}, {4500, qerrors.ErrReplayAttack}, {4600, qerrors.ErrProtocolNotSupported},
		{5000, qerrors.ErrResourceNotFound}, {5100, qerrors.ErrOperationFailed}, {5200, qerrors.ErrPurchaseFailed},
		{5300, qerrors.ErrPurchaseFailed}, {5400, qerrors.ErrPartialSuccess}, {5500, qerrors.ErrQualificationFailed},
		{6000, qerrors.ErrInternal}, {6100, qerrors.ErrActionNotSupported}, {6200, qerrors.ErrServiceUnavailable},
	}
	for _, tt := range tests {
		err := &qerrors.APIError{Code: tt.code, CodeDesc: "SomethingNew"}
		assert.ErrorIs(t, err, tt.want, "code %d", tt.code)
		assert.NotErrorIs(t, err, qerrors.ErrInvalidInput)
		if tt.code != 4000 {
			assert.NotErrorIs(t, err, qerrors.ErrInvalidParameter, "code %d", tt.code)
		}
	}
	assert.NotErrorIs(t, &qerrors.APIError{Code: 4111}, qerrors.ErrAuthFailure)
	for _, class := range []error{qerrors.ErrInvalidParameter, qerrors.ErrAuthFailure, qerrors.ErrInternal, qerrors.ErrResourceNotFound} {
		assert.NotErrorIs(t, &qerrors.APIError{}, class, "no code, no class")
	}
}

func TestAPIErrorRetryable(t *testing.T) {
	t.Parallel()
	for code, want := range map[int]bool{4000: false, 4100: false, 4200: true, 4400: true, 4500: true, 5000: false, 5100: true, 6000: true, 6100: false, 6200: true} {
		assert.Equal(t, want, (&qerrors.APIError{Code: code}).Retryable(), "code %d", code)
	}
	assert.True(t, (&qerrors.APIError{Code: 4000, CodeDesc: "ActionLocked"}).Retryable())
}

func TestValidationError(t *testing.T) {
	t.Parallel()
	err := fmt.Errorf("call: %w", &qerrors.ValidationError{Field: "VpcID", Reason: "must not be empty"})
	assert.ErrorIs(t, err, qerrors.ErrInvalidInput)
	assert.NotErrorIs(t, err, qerrors.ErrInvalidParameter)
	assert.EqualError(t, err, "call: invalid input: VpcID: must not be empty")
	var ve *qerrors.ValidationError
	assert.True(t, errors.As(err, &ve))
	assert.Equal(t, "VpcID", ve.Field)
}

func TestStatusError(t *testing.T) {
	t.Parallel()
	err := &qerrors.StatusError{Service: "vpc", Action: "A", StatusCode: 502, Body: "bad"}
	assert.Equal(t, "vpc A: HTTP 502 Bad Gateway: bad", err.Error())
	assert.ErrorIs(t, err, qerrors.ErrInternal)
	assert.ErrorIs(t, &qerrors.StatusError{StatusCode: 503}, qerrors.ErrServiceUnavailable)
	assert.ErrorIs(t, &qerrors.StatusError{StatusCode: 429}, qerrors.ErrQuotaExceeded)
	assert.NotErrorIs(t, &qerrors.StatusError{StatusCode: 404}, qerrors.ErrInternal)
}

func TestTaskFailedError(t *testing.T) {
	t.Parallel()
	err := fmt.Errorf("wait: %w", &qerrors.TaskFailedError{TaskID: "7", Code: 1001, Message: "busy"})
	assert.ErrorIs(t, err, qerrors.ErrTaskFailed)
	assert.EqualError(t, err, "wait: task 7 failed: code 1001: busy")
}

func TestAPIErrorAPI3Message(t *testing.T) {
	t.Parallel()
	err := &qerrors.APIError{Service: "vpc", Action: "AttachClassicLinkVpc", CodeDesc: "ResourceNotFound",
		Message: "no such VPC", RequestID: "354f4ac3-8546-4516-8c8a-69e3ab73aa8a"}
	assert.Equal(t, "vpc AttachClassicLinkVpc: ResourceNotFound: no such VPC (request 354f4ac3-8546-4516-8c8a-69e3ab73aa8a)", err.Error())
}

// Under API 3.0 the class sentinels match by the dotted class of
// Error.Code; the ClassicLink errors that 3.0 names apart are matched by
// the vpc package's bindings (vpc's tests).
func TestAPIErrorIsAPI3Codes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		action, code string
		want         []error
	}{
		{"AttachClassicLinkVpc", "UnsupportedOperation.ClassicInstanceIdAlreadyExists", nil}, // vpc's binding matches it
		{"AttachClassicLinkVpc", "ResourceNotFound", []error{qerrors.ErrResourceNotFound}},
		{"DescribeVpcTaskResult", "ResourceNotFound.TaskId", []error{qerrors.ErrResourceNotFound}},
		{"", "AuthFailure.SignatureFailure", []error{qerrors.ErrAuthFailure}},
		{"", "AuthFailure.SignatureExpire", []error{qerrors.ErrAuthFailure, qerrors.ErrRequestExpired}},
		{"", "UnauthorizedOperation", []error{qerrors.ErrAuthFailure}},
		{"", "RequestLimitExceeded.UinLimitExceeded", []error{qerrors.ErrQuotaExceeded}},
		{"", "InternalError.ModuleError", []error{qerrors.ErrInternal}},
		{"", "InvalidParameterValue.Malformed", []error{qerrors.ErrInvalidParameter}},
		{"", "MissingParameter", []error{qerrors.ErrInvalidParameter}},
		{"", "UnknownParameter", []error{qerrors.ErrInvalidParameter}},
		{"", "InvalidParameter.FilterValuesNotList", []error{qerrors.ErrInvalidParameter}},
		{"", "ServiceUnavailable", []error{qerrors.ErrServiceUnavailable}},
		{"", "ResourceUnavailable", []error{qerrors.ErrServiceUnavailable}},
		{"", "FailedOperation.TaskFailed", []error{qerrors.ErrOperationFailed}},
		{"", "InvalidAction", []error{qerrors.ErrActionNotSupported}},
		{"", "InvalidParameterish", nil}, // a prefix is a whole dotted class
		{"", "UnsupportedOperation", nil},
	}
	all := []error{qerrors.ErrInstanceAlreadyLinked, qerrors.ErrInstanceLimitExceeded, qerrors.ErrResourceNotFound,
		qerrors.ErrAuthFailure, qerrors.ErrRequestExpired, qerrors.ErrQuotaExceeded, qerrors.ErrInternal,
		qerrors.ErrInvalidParameter, qerrors.ErrServiceUnavailable, qerrors.ErrOperationFailed, qerrors.ErrActionNotSupported,
		qerrors.ErrInvalidVpcNotFound, qerrors.ErrInvalidInput}
	for _, tt := range tests {
		err := fmt.Errorf("wrapped: %w", &qerrors.APIError{Action: tt.action, CodeDesc: tt.code})
		for _, s := range all {
			want := false
			for _, w := range tt.want {
				want = want || w == s
			}
			assert.Equal(t, want, errors.Is(err, s), "%s %s is %v", tt.action, tt.code, s)
		}
	}
}

func TestAPIErrorRetryableAPI3(t *testing.T) {
	t.Parallel()
	for code, want := range map[string]bool{
		"AuthFailure.SignatureExpire": true, "RequestLimitExceeded": true, "RequestLimitExceeded.IPLimitExceeded": true,
		"InternalError": true, "InternalError.ModuleError": true, "ServiceUnavailable": true, "ResourceUnavailable": true,
		"AuthFailure.SignatureFailure": false, "InvalidParameter": false, "ResourceNotFound": false, "LimitExceeded": false,
		"RequestLimitExceededX": false,
	} {
		assert.Equal(t, want, (&qerrors.APIError{CodeDesc: code}).Retryable(), code)
	}
}

// A 2.0 not-found codeDesc matches ErrResourceNotFound too, so that code
// written for 3.0's ResourceNotFound works under both protocols.
func TestAPIErrorNotFoundUnderBothProtocols(t *testing.T) {
	t.Parallel()
	for _, desc := range []string{"InvalidVpc.NotFound", "InvalidInstance.NotFound", "InvalidLanIp.NotFound"} {
		assert.ErrorIs(t, &qerrors.APIError{Code: 4000, CodeDesc: desc}, qerrors.ErrResourceNotFound, desc)
	}
	assert.NotErrorIs(t, &qerrors.APIError{Code: 4000, CodeDesc: "InstanceAlreadyLinked"}, qerrors.ErrResourceNotFound)
	assert.ErrorIs(t, &qerrors.APIError{CodeDesc: "ResourceNotFound"}, qerrors.ErrResourceNotFound)
}

// A service's Code sentinel matches the answers with that code, under
// either protocol, and nothing else; the class sentinels keep matching.
func TestCodeSentinels(t *testing.T) {
	t.Parallel()
	const coexist qerrors.Code = "InvalidParameter.Coexist"
	err := fmt.Errorf("wrapped: %w", &qerrors.APIError{Service: "vpc", Action: "DescribeVpcs", CodeDesc: "InvalidParameter.Coexist"})
	assert.ErrorIs(t, err, coexist)
	assert.ErrorIs(t, err, qerrors.ErrInvalidParameter)
	assert.NotErrorIs(t, err, qerrors.Code("InvalidParameter"))
	assert.NotErrorIs(t, &qerrors.APIError{CodeDesc: "InvalidParameter.Coexisting"}, coexist)
	assert.ErrorIs(t, &qerrors.APIError{Code: 4000, CodeDesc: "ActionLocked"}, qerrors.Code("ActionLocked"), "an API 2.0 codeDesc")
	assert.Equal(t, "InvalidParameter.Coexist", coexist.Error())
}

// A CallError says the service, the action, the attempts and the RequestId
// once each, and errors.Is and errors.As see through it.
func TestCallError(t *testing.T) {
	t.Parallel()
	apiErr := &qerrors.APIError{Service: "vpc", Action: "DescribeVpcs", CodeDesc: "RequestLimitExceeded", Message: "slow down", RequestID: "req-9"}
	err := error(&qerrors.CallError{Service: "vpc", Action: "DescribeVpcs", Attempts: 4, RequestID: "req-9", Err: apiErr})
	assert.Equal(t, "vpc DescribeVpcs: RequestLimitExceeded: slow down (request req-9) (after 4 attempts)", err.Error())
	assert.ErrorIs(t, err, qerrors.ErrQuotaExceeded)
	var got *qerrors.APIError
	require.ErrorAs(t, err, &got)
	assert.Same(t, apiErr, got)

	err = &qerrors.CallError{Service: "vpc", Action: "DescribeVpcs", Attempts: 1, RequestID: "req-1", Err: fmt.Errorf("%w: no TotalCount", qerrors.ErrMalformedResponse)}
	assert.Equal(t, "vpc DescribeVpcs: malformed response: no TotalCount (request req-1)", err.Error())
	assert.ErrorIs(t, err, qerrors.ErrMalformedResponse)
	var ce *qerrors.CallError
	require.ErrorAs(t, fmt.Errorf("listing: %w", err), &ce)
	assert.Equal(t, 1, ce.Attempts)
}
