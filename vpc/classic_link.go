package vpc

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
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

// The Attach and Detach operations: not idempotent, and each starts a task
// polled with DescribeVpcTaskResult.
var (
	attachOp = core.Operation{Action: "AttachClassicLinkVpc", Task: core.TaskByRequestID, Poll: "DescribeVpcTaskResult"}
	detachOp = core.Operation{Action: "DetachClassicLinkVpc", Task: core.TaskByRequestID, Poll: "DescribeVpcTaskResult"}
)

// linkParams3 are the API 3.0 parameters of Attach and Detach.
type linkParams3 struct {
	VpcID       string   `json:"VpcId"`
	InstanceIDs []string `json:"InstanceIds"`
}

// linkCall is what Attach and Detach send: their inputs differ only in
// name, and convert to it.
type linkCall struct {
	VpcID       string
	InstanceIDs []string
}

// linked is the task of a successful Attach or Detach, as each protocol
// answers it (API 3.0: the call's RequestId; 2.0: the answer's taskId);
// their outputs differ only in name.
type linked struct {
	TaskID            TaskID
	CodeDesc, Message string
	RequestID         string
}

// link3 maps Attach and Detach onto API 3.0, which knows only unified VPC
// ids; the call's RequestId is the task's id.
var link3 = core.Mapping[linkCall, linked]{
	Params: func(in *linkCall) (any, error) {
		if !strings.HasPrefix(in.VpcID, "vpc-") {
			return nil, core.Invalid("VpcID", "%q: API 3.0 takes only the unified id (vpc-xxxxxxxx); DescribeVpcs maps an old id to it", in.VpcID)
		}
		return linkParams3(*in), nil
	},
	Output: func(_ *core.Client, _ *linkCall, _ any, env core.Envelope) (*linked, error) {
		return &linked{TaskID: TaskID(env.RequestID), RequestID: env.RequestID}, nil // the envelope guarantees one
	},
}

// The bindings of Attach and Detach.
var (
	attachBinding = core.Binding[linkCall, linked]{Op: &attachOp, API3: &link3, API2: link2(&attachOp), Also: map[string]error{
		"UnsupportedOperation.ClassicInstanceIdAlreadyExists": qerrors.ErrInstanceAlreadyLinked,
		"LimitExceeded": qerrors.ErrInstanceLimitExceeded, // 3.0's only quota error of Attach: too many links to the VPC
	}}
	detachBinding = core.Binding[linkCall, linked]{Op: &detachOp, API3: &link3, API2: link2(&detachOp)}
)

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
	out, err := c.link(ctx, &attachBinding, (*linkCall)(in), opts)
	if err != nil {
		return nil, err
	}
	return (*AttachClassicLinkVpcOutput)(out), nil
}

// DetachClassicLinkVpc unlinks classic-network instances from a VPC. It
// starts a task and returns its id, and is retried like AttachClassicLinkVpc.
func (c *Client) DetachClassicLinkVpc(ctx context.Context, in *DetachClassicLinkVpcInput, opts ...common.CallOption) (*DetachClassicLinkVpcOutput, error) {
	if in == nil {
		return nil, errNilInput
	}
	out, err := c.link(ctx, &detachBinding, (*linkCall)(in), opts)
	if err != nil {
		return nil, err
	}
	return (*DetachClassicLinkVpcOutput)(out), nil
}

// link validates and sends Attach or Detach. An error whose outcome is
// unknown says how to find out what happened.
func (c *Client) link(ctx context.Context, b *core.Binding[linkCall, linked], in *linkCall, opts []common.CallOption) (*linked, error) {
	if err := validateLink(in.VpcID, in.InstanceIDs); err != nil {
		return nil, err
	}
	out, err := core.Invoke(ctx, c.core, b, in, opts...)
	if errors.Is(err, qerrors.ErrOutcomeUnknown) {
		return nil, fmt.Errorf("%w; to find out, call ClassicLinksOf(%q, ...) once no task runs on these instances", err, in.VpcID)
	}
	return out, err
}
