package core

import (
	"fmt"

	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
)

// Invalid returns the *errors.ValidationError of input rejected before
// anything is sent: field, and the reason formatted.
func Invalid(field, format string, args ...any) *qerrors.ValidationError {
	return &qerrors.ValidationError{Field: field, Reason: fmt.Sprintf(format, args...)}
}
