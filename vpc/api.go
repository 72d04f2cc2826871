package vpc

import (
	"context"
	"iter"
)

// API is every operation of Client, so that code can take a substitute
// (a mock, or a wrapper that adds metrics) in its place.
type API interface {
	AttachClassicLinkVpc(ctx context.Context, in *AttachClassicLinkVpcInput) (*AttachClassicLinkVpcOutput, error)
	DetachClassicLinkVpc(ctx context.Context, in *DetachClassicLinkVpcInput) (*DetachClassicLinkVpcOutput, error)
	DescribeVpcClassicLink(ctx context.Context, in *DescribeVpcClassicLinkInput) (*DescribeVpcClassicLinkOutput, error)
	ClassicLinks(ctx context.Context, in *DescribeVpcClassicLinkInput) iter.Seq2[ClassicLink, error]
	ClassicLinksOf(ctx context.Context, vpcID string, instanceIDs []string) (map[string]ClassicLink, error)
	DescribeVpcTaskResult(ctx context.Context, taskID TaskID) (*TaskResult, error)
	WaitForTask(ctx context.Context, taskID TaskID, opts ...WaitOption) (*TaskResult, error)
	AttachClassicLinkVpcAndWait(ctx context.Context, in *AttachClassicLinkVpcInput, opts ...WaitOption) (*TaskResult, error)
	DetachClassicLinkVpcAndWait(ctx context.Context, in *DetachClassicLinkVpcInput, opts ...WaitOption) (*TaskResult, error)
}

var _ API = (*Client)(nil)
