package errors

import "fmt"

// TaskFailedError reports an asynchronous task that finished with status
// failure. It matches [ErrTaskFailed] with errors.Is.
type TaskFailedError struct {
	// TaskID is the id of the failed task: API 2.0's taskId, API 3.0's RequestId.
	TaskID string
	// Code is the task's error code (API 2.0 data.output.errorCode), 0 if none was given.
	Code int
	// Message is the task's error text (API 2.0 data.output.errorMsg, API
	// 3.0 Output), if any.
	Message string
}

// Error reads like "task 135254 failed: code 1001: instance busy".
func (e *TaskFailedError) Error() string {
	s := fmt.Sprintf("task %s failed", e.TaskID)
	if e.Code != 0 {
		s += fmt.Sprintf(": code %d", e.Code)
	}
	if e.Message != "" {
		s += ": " + e.Message
	}
	return s
}

// Is reports whether target is [ErrTaskFailed].
func (e *TaskFailedError) Is(target error) bool { return target == ErrTaskFailed }
