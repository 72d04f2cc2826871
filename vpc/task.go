package vpc

import (
	"context"
	"fmt"

	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
	"github.com/qcloudkit/qcloud-sdk-go/internal/wire"
)

// TaskStatus is the state of an asynchronous task.
type TaskStatus int

// The task statuses of DescribeVpcTaskResult, with their wire values.
const (
	TaskSucceeded TaskStatus = 0
	TaskFailed    TaskStatus = 1
	TaskRunning   TaskStatus = 2
)

// String returns "succeeded", "failed", "running" or "TaskStatus(n)".
func (s TaskStatus) String() string {
	switch s {
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
	TaskID int64
	// Status says whether it runs, succeeded or failed.
	Status TaskStatus
	// ErrorCode and ErrorMessage describe a failure, when the service says.
	ErrorCode    int
	ErrorMessage string
}

type taskParams struct {
	TaskID int64 `url:"taskId"`
}

type taskResultResponse struct {
	Data *struct {
		Status *wire.Int `json:"status"`
		Output struct {
			ErrorCode wire.Int `json:"errorCode"`
			ErrorMsg  string   `json:"errorMsg"`
		} `json:"output"`
	} `json:"data"`
}

// DescribeVpcTaskResult returns the state of the task started by Attach or
// Detach. It does not wait; see [Client.WaitForTask].
func (c *Client) DescribeVpcTaskResult(ctx context.Context, taskID int64) (*TaskResult, error) {
	if taskID <= 0 {
		return nil, qerrors.Invalid("taskID", "%d: want a positive task id", taskID)
	}
	var resp taskResultResponse
	if _, err := c.core.Do(ctx, &core.Request{Op: core.Operation{Action: "DescribeVpcTaskResult", Idempotent: true},
		Params2: taskParams{TaskID: taskID}, Result2: &resp}); err != nil {
		return nil, err
	}
	// A missing status must not read as 0, success.
	if resp.Data == nil || resp.Data.Status == nil {
		return nil, fmt.Errorf("vpc DescribeVpcTaskResult: %w: no data.status", qerrors.ErrMalformedResponse)
	}
	return &TaskResult{
		TaskID:       taskID,
		Status:       TaskStatus(*resp.Data.Status),
		ErrorCode:    int(resp.Data.Output.ErrorCode),
		ErrorMessage: resp.Data.Output.ErrorMsg,
	}, nil
}
