package vpc

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
	"github.com/qcloudkit/qcloud-sdk-go/internal/wire"
)

// AttachClassicLinkVpcInput names a VPC and the classic-network instances to
// link to it.
type AttachClassicLinkVpcInput struct {
	// VpcID is the unified id (vpc-2ari9m7h) or, under API 2.0 only, the old
	// one (gz_vpc_15).
	VpcID string
	// InstanceIDs are the CVM ids (ins-df454d); at least one, at most
	// MaxInstanceIDsPerCall, no duplicates.
	InstanceIDs []string
}

// AttachClassicLinkVpcOutput is the result of AttachClassicLinkVpc.
type AttachClassicLinkVpcOutput struct {
	// TaskID identifies the asynchronous task; see WaitForTask.
	TaskID TaskID
	// CodeDesc and Message are the API 2.0 response's own, usually "Success"
	// and ""; empty under API 3.0.
	CodeDesc, Message string
	// RequestID is the API 3.0 RequestId ("" under API 2.0).
	RequestID string
}

// DetachClassicLinkVpcInput names a VPC and the instances to unlink from it.
type DetachClassicLinkVpcInput struct {
	// VpcID is the unified or (API 2.0 only) the old id of the VPC.
	VpcID string
	// InstanceIDs are the CVM ids; at least one, at most
	// MaxInstanceIDsPerCall, no duplicates.
	InstanceIDs []string
}

// DetachClassicLinkVpcOutput is the result of DetachClassicLinkVpc.
type DetachClassicLinkVpcOutput struct {
	// TaskID identifies the asynchronous task; see WaitForTask.
	TaskID TaskID
	// CodeDesc and Message are the API 2.0 response's own.
	CodeDesc, Message string
	// RequestID is the API 3.0 RequestId ("" under API 2.0).
	RequestID string
}

// The Attach and Detach operations: not idempotent.
var (
	attachOp = core.Operation{Action: "AttachClassicLinkVpc"}
	detachOp = core.Operation{Action: "DetachClassicLinkVpc"}
)

// linkParams are the API 2.0 parameters of Attach and Detach.
type linkParams struct {
	VpcID       string           `url:"vpcId"`
	InstanceIDs wire.IndexedList `url:"instanceIds"`
}

// linkParams3 are their API 3.0 parameters.
type linkParams3 struct {
	VpcID       string   `json:"VpcId"`
	InstanceIDs []string `json:"InstanceIds"`
}

// taskResponse is the API 2.0 result of an answer that starts a task; under
// API 3.0 the answer's RequestId is the task's id.
type taskResponse struct {
	wire.Envelope2
	TaskID wire.Int `json:"taskId"`
}

// AttachClassicLinkVpc links classic-network instances to a VPC of the same
// region. It starts a task and returns its id; [Client.WaitForTask] waits for
// it. Invalid input is an *errors.ValidationError and nothing is sent.
// At most [MaxInstanceIDsPerCall] ids go in one call ([BatchInstanceIDs]
// splits a longer list).
//
// The call is not idempotent: it is retried only when the service certainly
// did not act on it. When it was sent but no valid answer came back (a lost
// connection, a gateway error, a malformed answer), the error matches
// errors.ErrOutcomeUnknown; [Client.ClassicLinksOf] then tells which
// instances are linked, once no task runs on them.
func (c *Client) AttachClassicLinkVpc(ctx context.Context, in *AttachClassicLinkVpcInput, opts ...common.CallOption) (*AttachClassicLinkVpcOutput, error) {
	if in == nil {
		return nil, errNilInput
	}
	id, env, err := c.link(ctx, attachOp, in.VpcID, in.InstanceIDs, opts)
	if err != nil {
		return nil, err
	}
	return &AttachClassicLinkVpcOutput{TaskID: id, CodeDesc: env.CodeDesc, Message: env.Message, RequestID: env.RequestID}, nil
}

// DetachClassicLinkVpc unlinks classic-network instances from a VPC. It
// starts a task and returns its id, and is retried like AttachClassicLinkVpc.
func (c *Client) DetachClassicLinkVpc(ctx context.Context, in *DetachClassicLinkVpcInput, opts ...common.CallOption) (*DetachClassicLinkVpcOutput, error) {
	if in == nil {
		return nil, errNilInput
	}
	id, env, err := c.link(ctx, detachOp, in.VpcID, in.InstanceIDs, opts)
	if err != nil {
		return nil, err
	}
	return &DetachClassicLinkVpcOutput{TaskID: id, CodeDesc: env.CodeDesc, Message: env.Message, RequestID: env.RequestID}, nil
}

// link validates and sends Attach or Detach, and returns the task's id:
// API 2.0's taskId, API 3.0's RequestId. A 2.0 success without a positive
// taskId is malformed, and the outcome unknown: the service got the call,
// and its task would be lost.
func (c *Client) link(ctx context.Context, op core.Operation, vpcID string, ids []string, opts []common.CallOption) (TaskID, core.Envelope, error) {
	if err := c.validateLink(vpcID, ids); err != nil {
		return "", core.Envelope{}, err
	}
	var resp taskResponse
	req := core.Request{Op: op, Options: opts}
	if c.api3() { // only the protocol's parameters: boxing the other costs an allocation
		req.Params3 = linkParams3{VpcID: vpcID, InstanceIDs: ids}
	} else {
		req.Params2, req.Result2 = linkParams{VpcID: vpcID, InstanceIDs: ids}, &resp
	}
	env, err := c.core.Do(ctx, &req)
	var id TaskID
	if err == nil {
		id, err = c.taskHandle(op, resp, env)
	}
	if errors.Is(err, qerrors.ErrOutcomeUnknown) {
		return "", core.Envelope{}, fmt.Errorf("%w; to find out, call ClassicLinksOf(%q, ...) once no task runs on these instances", err, vpcID)
	}
	if err != nil {
		return "", core.Envelope{}, err
	}
	return id, env, nil
}

// taskHandle returns the task id of a successful Attach or Detach.
func (c *Client) taskHandle(op core.Operation, resp taskResponse, env core.Envelope) (TaskID, error) {
	if c.api3() {
		return TaskID(env.RequestID), nil // the envelope guarantees one
	}
	if !resp.TaskID.Valid || resp.TaskID.N <= 0 {
		return "", c.core.Malformed(op, "no positive taskId in a success answer")
	}
	return TaskID(strconv.FormatInt(resp.TaskID.N, 10)), nil
}
