package vpc_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/internal/retrytest"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

// vpcAction is one call of the vpc package, made after setup; it returns
// the RequestId the caller got (under API 3.0) and how many requests a
// success takes without faults.
type vpcAction struct {
	name       string
	idempotent bool
	calls      int
	run        func(ctx context.Context, c *vpc.Client, srv *vpctest.Server, task vpc.TaskID) (string, error)
}

var vpcActions = []vpcAction{
	{"AttachClassicLinkVpc", false, 1, func(ctx context.Context, c *vpc.Client, _ *vpctest.Server, _ vpc.TaskID) (string, error) {
		out, err := c.AttachClassicLinkVpc(ctx, &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d"}})
		if err != nil {
			return "", err
		}
		return out.RequestID, nil
	}},
	{"DetachClassicLinkVpc", false, 1, func(ctx context.Context, c *vpc.Client, srv *vpctest.Server, _ vpc.TaskID) (string, error) {
		if err := srv.AddLink("vpc-2ari9m7h", "ins-df454d"); err != nil {
			return "", err
		}
		out, err := c.DetachClassicLinkVpc(ctx, &vpc.DetachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d"}})
		if err != nil {
			return "", err
		}
		return out.RequestID, nil
	}},
	{"DescribeVpcClassicLink", true, 1, func(ctx context.Context, c *vpc.Client, _ *vpctest.Server, _ vpc.TaskID) (string, error) {
		out, err := c.DescribeVpcClassicLink(ctx, &vpc.DescribeVpcClassicLinkInput{VpcID: "vpc-2ari9m7h"})
		if err != nil {
			return "", err
		}
		return out.RequestID, nil
	}},
	{"ClassicLinks", true, 1, func(ctx context.Context, c *vpc.Client, _ *vpctest.Server, _ vpc.TaskID) (string, error) {
		for _, err := range c.ClassicLinks(ctx, &vpc.DescribeVpcClassicLinkInput{VpcID: "vpc-2ari9m7h"}) {
			if err != nil {
				return "", err
			}
		}
		return "", nil
	}},
	{"DescribeVpcTaskResult", true, 1, func(ctx context.Context, c *vpc.Client, _ *vpctest.Server, task vpc.TaskID) (string, error) {
		res, err := c.DescribeVpcTaskResult(ctx, task)
		if err != nil {
			return "", err
		}
		return res.RequestID, nil
	}},
	{"WaitForTask", true, 1, func(ctx context.Context, c *vpc.Client, _ *vpctest.Server, task vpc.TaskID) (string, error) {
		res, err := c.WaitForTask(ctx, task, instant())
		if err != nil {
			return "", err
		}
		return res.RequestID, nil
	}},
}

// Every retryable answer, on every action and every wire, followed by a
// success: the caller gets the success, with the success's RequestId,
// after exactly one retry. An earlier attempt's error must not survive
// into the next attempt's result.
func TestRetryThenSuccess(t *testing.T) {
	t.Parallel()
	for _, w := range wires {
		for _, a := range vpcActions {
			for _, ans := range retrytest.Answers {
				if !ans.Applies(w.api, a.idempotent) {
					continue
				}
				t.Run(w.name+"/"+a.name+"/"+ans.Name, func(t *testing.T) {
					t.Parallel()
					srv := vpctest.NewServer(vpctest.WithTaskPolls(0))
					t.Cleanup(srv.Close)
					front := retrytest.NewFront(t, srv.URL())
					opts := append([]common.Option{common.WithEndpoint(front.URL),
						common.WithRetryWait(time.Millisecond, 2*time.Millisecond)}, w.opts...)
					c, err := vpc.NewClient(srv.Credential(), "ap-guangzhou", opts...)
					require.NoError(t, err)
					ctx := context.Background()
					// A task of another instance, for the task actions.
					out, err := c.AttachClassicLinkVpc(ctx, &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-5e6f7a8b"}})
					require.NoError(t, err)

					front.Arm(&ans)
					reqID, err := a.run(ctx, c, srv, out.TaskID)
					require.NoError(t, err)
					assert.Equal(t, a.calls+1, front.Requests(), "one retry, then the success")
					if w.api == common.API3 && a.name != "ClassicLinks" {
						assert.NotEmpty(t, reqID)
						assert.NotEqual(t, retrytest.FaultRequestID, reqID, "the success's RequestId")
						assert.False(t, strings.Contains(reqID, "fault"))
					}
				})
			}
		}
	}
}
