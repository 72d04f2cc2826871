package errors

import "fmt"

// ValidationError reports input that the SDK rejected before sending
// anything. It matches [ErrInvalidInput] with errors.Is.
type ValidationError struct {
	// Field names the offending input field, for example "InstanceIDs[2]".
	Field string
	// Reason says what is wrong with it.
	Reason string
}

// Error reads like "invalid input: VpcID: must not be empty".
func (e *ValidationError) Error() string {
	return fmt.Sprintf("%v: %s: %s", ErrInvalidInput, e.Field, e.Reason)
}

// Is reports whether target is [ErrInvalidInput].
func (e *ValidationError) Is(target error) bool { return target == ErrInvalidInput }
