package vpc

import (
	"context"
	"fmt"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
	"github.com/qcloudkit/qcloud-sdk-go/internal/wire"
)

// TaskID identifies the asynchronous task of an Attach or Detach: under
// API 2.0 the answer's numeric taskId ("135254"), under API 3.0 the call's
// RequestId. Pass what Attach or Detach returned to WaitForTask or
// DescribeVpcTaskResult; the same code works under both protocols.
type TaskID string

// TaskStatus is the state of an asynchronous task.
type TaskStatus int

// The task statuses of DescribeVpcTaskResult. The zero value is
// TaskStatusUnknown, so that a status never read is not taken for success;
// the wire's values (API 2.0's data.status 0, 1 and 2, API 3.0's SUCCESS,
// FAILED and RUNNING) map onto the others.
const (
	TaskStatusUnknown TaskStatus = iota
	TaskSucceeded
	TaskFailed
	TaskRunning
)

// String returns "unknown", "succeeded", "failed", "running" or
// "TaskStatus(n)".
func (s TaskStatus) String() string {
	switch s {
	case TaskStatusUnknown:
		return "unknown"
	case TaskSucceeded:
		return "succeeded"
	case TaskFailed:
		return "failed"
	case TaskRunning:
		return "running"
	}
	return fmt.Sprintf("TaskStatus(%d)", int(s))
}

// TaskResult is the state of a task.
type TaskResult struct {
	// TaskID is the task's id.
	TaskID TaskID
	// Status says whether it runs, succeeded or failed.
	Status TaskStatus
	// ErrorCode (API 2.0 only) and ErrorMessage describe a failure, when the
	// service says; under API 3.0 ErrorMessage is the task's Output.
	ErrorCode    int
	ErrorMessage string
	// RequestID is the API 3.0 RequestId of the query ("" under API 2.0).
	RequestID string
}

var taskOp = core.Operation{Action: "DescribeVpcTaskResult", Idempotent: true}

// taskBinding is DescribeVpcTaskResult on both protocols.
var taskBinding = core.Binding[TaskID, TaskResult]{Op: &taskOp, API3: &task3, API2: &task2}

type taskParams3 struct {
	TaskID string `json:"TaskId"`
}

type taskResultResponse3 struct {
	wire.Envelope3
	Status *string `json:"Status"`
	Output string  `json:"Output"`
}

// statuses3 maps API 3.0's task statuses.
var statuses3 = map[string]TaskStatus{"SUCCESS": TaskSucceeded, "FAILED": TaskFailed, "RUNNING": TaskRunning}

// maxTaskIDLength bounds a task id (a RequestId has 36 characters).
const maxTaskIDLength = 64

// task3 maps DescribeVpcTaskResult onto API 3.0, whose task ids are the
// RequestIds of Attach and Detach.
var task3 = core.Mapping[TaskID, TaskResult]{
	Params: func(id *TaskID) (any, error) {
		s := string(*id)
		if p := idProblem(s); p != "" || len(s) > maxTaskIDLength {
			return nil, core.Invalid("taskID", "%+q: want the RequestId of an Attach or Detach", s[:min(len(s), maxTaskIDLength)])
		}
		return taskParams3{TaskID: s}, nil
	},
	Result: func() any { return new(taskResultResponse3) },
	Output: func(c *core.Client, id *TaskID, result any, env core.Envelope) (*TaskResult, error) {
		resp := result.(*taskResultResponse3)
		if resp.Status == nil {
			return nil, c.Malformed(taskOp, "no Status")
		}
		status, ok := statuses3[*resp.Status]
		if !ok {
			return nil, c.Malformed(taskOp, "unknown task status %q", *resp.Status)
		}
		res := &TaskResult{TaskID: *id, Status: status, RequestID: env.RequestID}
		if status == TaskFailed {
			res.ErrorMessage = resp.Output
		}
		return res, nil
	},
}

// DescribeVpcTaskResult returns the state of the task started by Attach or
// Detach. It does not wait; see [Client.WaitForTask]. A missing or unknown
// status is errors.ErrMalformedResponse, never success.
func (c *Client) DescribeVpcTaskResult(ctx context.Context, taskID TaskID, opts ...common.CallOption) (*TaskResult, error) {
	return core.Invoke(ctx, c.core, &taskBinding, &taskID, opts...)
}
