// Command errors shows how each documented error of the ClassicLink
// actions is recognised with errors.Is and errors.As, with the same code
// under API 2.0 and API 3.0. It runs against an embedded vpctest fake,
// using its fault injection where the fake's state alone would not produce
// the error:
//
//	go run ./examples/errors          # API 3.0
//	go run ./examples/errors -api 2   # API 2.0
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

func main() {
	api := flag.Int("api", 3, "protocol: 3 or 2")
	flag.Parse()
	if err := run(context.Background(), os.Stdout, common.API(*api)); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

// scenario provokes one error and names the sentinel it must match.
type scenario struct {
	name     string
	symbol   string // the sentinel's Go name, for printing
	sentinel error
	provoke  func(ctx context.Context, srv *vpctest.Server, c *vpc.Client, opts []common.Option) error
}

var (
	link     = &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d"}}
	fastPoll = vpc.WithPollInterval(5*time.Millisecond, 20*time.Millisecond)
)

func attach(ctx context.Context, c *vpc.Client, in *vpc.AttachClassicLinkVpcInput) error {
	_, err := c.AttachClassicLinkVpc(ctx, in)
	return err
}

// injected returns a scenario step that makes the next Attach meet f.
func injected(f vpctest.Fault, times int) func(context.Context, *vpctest.Server, *vpc.Client, []common.Option) error {
	return func(ctx context.Context, srv *vpctest.Server, c *vpc.Client, _ []common.Option) error {
		if err := srv.InjectFault(vpctest.ActionAttachClassicLinkVpc, times, f); err != nil {
			return err
		}
		return attach(ctx, c, link)
	}
}

var scenarios = []scenario{
	// Under API 2.0 these two also match qerrors.ErrInvalidInstanceNotFound
	// and qerrors.ErrInvalidVpcNotFound; API 3.0 says ResourceNotFound for both.
	{"unknown instance", "qerrors.ErrResourceNotFound", qerrors.ErrResourceNotFound, func(ctx context.Context, _ *vpctest.Server, c *vpc.Client, _ []common.Option) error {
		return attach(ctx, c, &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-404404"}})
	}},
	{"unknown VPC", "qerrors.ErrResourceNotFound", qerrors.ErrResourceNotFound, func(ctx context.Context, _ *vpctest.Server, c *vpc.Client, _ []common.Option) error {
		return attach(ctx, c, &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-404404ab", InstanceIDs: []string{"ins-df454d"}})
	}},
	{"already linked", "qerrors.ErrInstanceAlreadyLinked", qerrors.ErrInstanceAlreadyLinked, func(ctx context.Context, _ *vpctest.Server, c *vpc.Client, _ []common.Option) error {
		if _, err := c.AttachClassicLinkVpcAndWait(ctx, link, fastPoll); err != nil {
			return err
		}
		return attach(ctx, c, &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-5t8kd0qa", InstanceIDs: []string{"ins-df454d"}})
	}},
	{"too many links", "qerrors.ErrInstanceLimitExceeded", qerrors.ErrInstanceLimitExceeded,
		injected(vpctest.Fault{Code: 4000, CodeDesc: "InstanceLimitExceeded", Message: "(9002)VPC is full"}, 1)},
	{"invalid input", "qerrors.ErrInvalidInput", qerrors.ErrInvalidInput, func(ctx context.Context, _ *vpctest.Server, c *vpc.Client, _ []common.Option) error {
		return attach(ctx, c, &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h"})
	}},
	{"wrong key", "qerrors.ErrAuthFailure", qerrors.ErrAuthFailure, func(ctx context.Context, srv *vpctest.Server, _ *vpc.Client, opts []common.Option) error {
		c, err := vpc.NewClient(auth.NewCredential(srv.Credential().SecretID, "wrong-key"), "ap-guangzhou", opts...)
		if err != nil {
			return err
		}
		return attach(ctx, c, link)
	}},
	{"throttled past the retries", "qerrors.ErrQuotaExceeded", qerrors.ErrQuotaExceeded,
		injected(vpctest.Fault{Code: 4400, CodeDesc: "RequestLimitExceeded", Message: "slow down"}, 2)},
	{"internal error past the retries", "qerrors.ErrInternal", qerrors.ErrInternal, injected(vpctest.Fault{Code: 6000, CodeDesc: "InternalError"}, 2)},
	{"HTTP 503 past the retries", "qerrors.ErrServiceUnavailable", qerrors.ErrServiceUnavailable, injected(vpctest.Fault{HTTPStatus: http.StatusServiceUnavailable}, 2)},
	{"answer lost after the request was sent", "qerrors.ErrOutcomeUnknown", qerrors.ErrOutcomeUnknown, injected(vpctest.Fault{Drop: vpctest.DropAfterRead}, 1)},
	{"body not JSON", "qerrors.ErrMalformedResponse", qerrors.ErrMalformedResponse, injected(vpctest.Fault{Malformed: true}, 1)},
	{"task failed", "qerrors.ErrTaskFailed", qerrors.ErrTaskFailed, func(ctx context.Context, srv *vpctest.Server, c *vpc.Client, _ []common.Option) error {
		srv.FailNextTasks(1, 1001, "instance is being migrated")
		_, err := c.AttachClassicLinkVpcAndWait(ctx, link, fastPoll)
		return err
	}},
}

func run(ctx context.Context, w io.Writer, api common.API) error {
	fmt.Fprintf(w, "over %s:\n", api)
	for _, s := range scenarios {
		// A fresh world for each scenario, so that none depends on another.
		srv := vpctest.NewServer()
		opts := []common.Option{common.WithAPI(api), common.WithEndpoint(srv.URL())}
		c, err := vpc.NewClient(srv.Credential(), "ap-guangzhou",
			append(opts, common.WithMaxRetries(1), common.WithRetryWait(time.Millisecond, 10*time.Millisecond))...)
		if err != nil {
			srv.Close()
			return err
		}
		err = s.provoke(ctx, srv, c, opts)
		srv.Close()
		if !errors.Is(err, s.sentinel) {
			return fmt.Errorf("%s: got %v, which is not %v", s.name, err, s.sentinel)
		}
		fmt.Fprintf(w, "%-40s errors.Is(err, %s) = true\n    %v\n", s.name+":", s.symbol, err)
		var apiErr *qerrors.APIError
		if errors.As(err, &apiErr) {
			fmt.Fprintf(w, "    APIError{Code: %d, CodeDesc: %q, RequestID: %q}\n", apiErr.Code, apiErr.CodeDesc, apiErr.RequestID)
		}
	}
	return nil
}
