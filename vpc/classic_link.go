package vpc

import (
	"context"
	"errors"
	"fmt"

	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
	"github.com/qcloudkit/qcloud-sdk-go/internal/wire"
)

// AttachClassicLinkVpcInput names a VPC and the classic-network instances to
// link to it.
type AttachClassicLinkVpcInput struct {
	// VpcID is the unified id (vpc-2ari9m7h) or the old one (gz_vpc_15).
	VpcID string
	// InstanceIDs are the CVM ids (ins-df454d); at least one, no duplicates.
	InstanceIDs []string
}

// AttachClassicLinkVpcOutput is the result of AttachClassicLinkVpc.
type AttachClassicLinkVpcOutput struct {
	// TaskID identifies the asynchronous task; see WaitForTask.
	TaskID int64
	// CodeDesc and Message are the response's own, usually "Success" and "".
	CodeDesc, Message string
}

// DetachClassicLinkVpcInput names a VPC and the instances to unlink from it.
type DetachClassicLinkVpcInput struct {
	// VpcID is the unified or the old id of the VPC.
	VpcID string
	// InstanceIDs are the CVM ids; at least one, no duplicates.
	InstanceIDs []string
}

// DetachClassicLinkVpcOutput is the result of DetachClassicLinkVpc.
type DetachClassicLinkVpcOutput struct {
	// TaskID identifies the asynchronous task; see WaitForTask.
	TaskID int64
	// CodeDesc and Message are the response's own.
	CodeDesc, Message string
}

// linkParams are the wire parameters of Attach and Detach.
type linkParams struct {
	VpcID       string           `url:"vpcId"`
	InstanceIDs wire.IndexedList `url:"instanceIds"`
}

// taskResponse is the result part of an answer that starts a task.
type taskResponse struct {
	TaskID *wire.Int `json:"taskId"`
}

// AttachClassicLinkVpc links classic-network instances to a VPC of the same
// region. It starts a task and returns its id; [Client.WaitForTask] waits for
// it. Invalid input is an *errors.ValidationError and nothing is sent.
//
// At most [MaxInstanceIDsPerCall] ids go in one call ([BatchInstanceIDs]
// splits a longer list).
//
// The call is not idempotent: it is retried only when the service certainly
// did not act on it. When it was sent but no valid answer came back (a lost
// connection, a gateway error, a malformed answer), the error matches
// errors.ErrOutcomeUnknown; [Client.ClassicLinksOf] then tells which
// instances are linked, once no task runs on them.
func (c *Client) AttachClassicLinkVpc(ctx context.Context, in *AttachClassicLinkVpcInput) (*AttachClassicLinkVpcOutput, error) {
	if in == nil {
		return nil, errNilInput
	}
	id, env, err := c.link(ctx, "AttachClassicLinkVpc", in.VpcID, in.InstanceIDs)
	if err != nil {
		return nil, err
	}
	return &AttachClassicLinkVpcOutput{TaskID: id, CodeDesc: env.CodeDesc, Message: env.Message}, nil
}

// DetachClassicLinkVpc unlinks classic-network instances from a VPC. It
// starts a task and returns its id, and is retried like AttachClassicLinkVpc.
func (c *Client) DetachClassicLinkVpc(ctx context.Context, in *DetachClassicLinkVpcInput) (*DetachClassicLinkVpcOutput, error) {
	if in == nil {
		return nil, errNilInput
	}
	id, env, err := c.link(ctx, "DetachClassicLinkVpc", in.VpcID, in.InstanceIDs)
	if err != nil {
		return nil, err
	}
	return &DetachClassicLinkVpcOutput{TaskID: id, CodeDesc: env.CodeDesc, Message: env.Message}, nil
}

// link validates and sends Attach or Detach, and returns the task id. A
// success without a positive taskId is malformed, and the outcome unknown:
// the service got the call, and its task would be lost.
func (c *Client) link(ctx context.Context, action, vpcID string, ids []string) (int64, core.Envelope, error) {
	if err := validateLink(vpcID, ids); err != nil {
		return 0, core.Envelope{}, err
	}
	op := core.Operation{Action: action}
	var resp taskResponse
	env, err := c.core.Do(ctx, &core.Request{Op: op, Params2: linkParams{VpcID: vpcID, InstanceIDs: ids}, Result2: &resp})
	if err == nil && (resp.TaskID == nil || *resp.TaskID <= 0) {
		err = c.core.Malformed(op, "no positive taskId in a success answer")
	}
	if errors.Is(err, qerrors.ErrOutcomeUnknown) {
		return 0, core.Envelope{}, fmt.Errorf("%w; to find out, call ClassicLinksOf(%q, ...) once no task runs on these instances", err, vpcID)
	}
	if err != nil {
		return 0, core.Envelope{}, err
	}
	return int64(*resp.TaskID), env, nil
}
