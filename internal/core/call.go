package core

import (
	"context"

	"github.com/qcloudkit/qcloud-sdk-go/common"
)

// Call sends the API 3.0 action op with the parameters in (a json-tagged
// struct; nil sends none) and returns its answer decoded into a new Out, whose
// RequestID field (json "RequestId") receives the call's RequestId. It is
// the whole body of a typed method:
//
//	func (c *Client) DescribeVpcs(ctx context.Context, in *DescribeVpcsInput, opts ...common.CallOption) (*DescribeVpcsOutput, error) {
//		return core.Call[DescribeVpcsOutput](ctx, c.core, &describeVpcsOp, in, opts...)
//	}
//
// A client of API 2.0, which has only the ClassicLink actions, refuses it
// before sending.
func Call[Out, In any](ctx context.Context, c *Client, op *Operation, in *In, opts ...common.CallOption) (*Out, error) {
	if c.api != common.API3 {
		return nil, c.notOnProtocol(op)
	}
	var params any // a nil *In sends {}, not null
	if in != nil {
		params = in
	}
	out := new(Out)
	if _, err := c.Do(ctx, &Request{Op: *op, Params: params, Result: out, Options: opts}); err != nil {
		return nil, err
	}
	return out, nil
}
