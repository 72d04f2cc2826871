package core

import (
	"context"
	"crypto/rand"

	"github.com/qcloudkit/qcloud-sdk-go/common"
)

// Call sends the API 3.0 action op with the parameters in (a pointer to a
// json-tagged struct; a nil one sends none) and decodes its answer into
// out, whose RequestID field (json "RequestId") receives the call's
// RequestId. It is the whole of a typed method:
//
//	func (c *Client) DescribeVpcs(ctx context.Context, in *DescribeVpcsInput, opts ...common.CallOption) (*DescribeVpcsOutput, error) {
//		out := new(DescribeVpcsOutput)
//		if err := c.core.Call(ctx, &opDescribeVpcs, in, out, opts...); err != nil {
//			return nil, err
//		}
//		return out, nil
//	}
//
// A client of API 2.0, which has only the ClassicLink actions, refuses it
// before sending. (Not generic: one instantiation per output type would
// grow every program that keeps the methods.)
func (c *Client) Call(ctx context.Context, op *Operation, in, out any, opts ...common.CallOption) error {
	if c.api != common.API3 {
		return c.notOnProtocol(op)
	}
	_, err := c.Do(ctx, &Request{Op: *op, Params: in, Result: out, Options: opts})
	return err
}

// NewClientToken returns an idempotency token for one call of an action
// that takes a ClientToken: 26 random base32 characters, the same on every
// retry of the call, so that the service acts at most once however often the
// call is sent.
func NewClientToken() string {
	return rand.Text()
}
