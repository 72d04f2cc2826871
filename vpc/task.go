package vpc

import (
	"context"
	"fmt"
	"strconv"

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

// statuses2 maps API 2.0's data.status.
var statuses2 = map[int64]TaskStatus{0: TaskSucceeded, 1: TaskFailed, 2: TaskRunning}

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

type taskParams struct {
	TaskID int64 `url:"taskId"`
}

type taskParams3 struct {
	TaskID string `json:"TaskId"`
}

type taskResultResponse struct {
	wire.Envelope2
	Data *struct {
		Status wire.Int `json:"status"`
		Output struct {
			ErrorCode wire.Int `json:"errorCode"`
			ErrorMsg  string   `json:"errorMsg"`
		} `json:"output"`
	} `json:"data"`
}

type taskResultResponse3 struct {
	wire.Envelope3
	Status *string `json:"Status"`
	Output string  `json:"Output"`
}

// statuses3 maps API 3.0's task statuses.
var statuses3 = map[string]TaskStatus{"SUCCESS": TaskSucceeded, "FAILED": TaskFailed, "RUNNING": TaskRunning}

// maxTaskIDLength bounds an API 3.0 task id (a RequestId, 36 characters).
const maxTaskIDLength = 64

// checkTaskID refuses a task id that the client's protocol cannot have
// given: under API 2.0 a positive integer, under API 3.0 a RequestId.
func (c *Client) checkTaskID(id TaskID) (int64, error) {
	if c.api3() {
		s := string(id)
		if p := idProblem(s); p != "" || len(s) > maxTaskIDLength {
			return 0, core.Invalid("taskID", "%+q: want the RequestId of an Attach or Detach", s[:min(len(s), maxTaskIDLength)])
		}
		return 0, nil
	}
	n, err := strconv.ParseInt(string(id), 10, 64)
	if err != nil || n <= 0 {
		return 0, core.Invalid("taskID", "%+q: want the positive task id of an Attach or Detach", string(id[:min(len(id), maxTaskIDLength)]))
	}
	return n, nil
}

// DescribeVpcTaskResult returns the state of the task started by Attach or
// Detach. It does not wait; see [Client.WaitForTask]. A missing or unknown
// status is errors.ErrMalformedResponse, never success.
func (c *Client) DescribeVpcTaskResult(ctx context.Context, taskID TaskID, opts ...common.CallOption) (*TaskResult, error) {
	n, err := c.checkTaskID(taskID)
	if err != nil {
		return nil, err
	}
	var resp taskResultResponse
	var resp3 taskResultResponse3
	req := core.Request{Op: taskOp, Options: opts}
	if c.api3() {
		req.Params3, req.Result3 = taskParams3{TaskID: string(taskID)}, &resp3
	} else {
		req.Params2, req.Result2 = taskParams{TaskID: n}, &resp
	}
	env, err := c.core.Do(ctx, &req)
	if err != nil {
		return nil, err
	}
	res := &TaskResult{TaskID: taskID, RequestID: env.RequestID}
	if c.api3() {
		if resp3.Status == nil {
			return nil, c.core.Malformed(taskOp, "no Status")
		}
		status, ok := statuses3[*resp3.Status]
		if !ok {
			return nil, c.core.Malformed(taskOp, "unknown task status %q", *resp3.Status)
		}
		res.Status = status
		if status == TaskFailed {
			res.ErrorMessage = resp3.Output
		}
		return res, nil
	}
	// A missing status must not read as 0, success.
	if resp.Data == nil || !resp.Data.Status.Valid {
		return nil, c.core.Malformed(taskOp, "no data.status")
	}
	status, ok := statuses2[resp.Data.Status.N]
	if !ok {
		return nil, c.core.Malformed(taskOp, "unknown task status %d", resp.Data.Status.N)
	}
	res.Status = status
	res.ErrorCode, res.ErrorMessage = int(resp.Data.Output.ErrorCode.N), resp.Data.Output.ErrorMsg
	return res, nil
}
