package vpc_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/sts"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

// The code between "snippet begin" and "snippet end" lines is what
// README.md and the doc.go files show; internal/doccheck fails when a
// snippet there is not one of these, word for word. The tests below run
// each, its error branches included.

// snippet begin
// newClient calls VPC in Guangzhou over API 3.0 with the credentials of
// the default chain: the environment, ~/.tencentcloud/credentials, the
// tccli profile, or the CVM role.
func newClient() (*vpc.Client, error) {
	return vpc.NewClient(auth.DefaultChain(), "ap-guangzhou")
}

// snippet end

// snippet begin
// linkInstance links a classic instance to a VPC and waits for the task.
func linkInstance(ctx context.Context, client *vpc.Client, vpcID, instanceID string) error {
	out, err := client.AttachClassicLinkVpc(ctx, &vpc.AttachClassicLinkVpcInput{
		VpcID:       vpcID,
		InstanceIDs: []string{instanceID},
	})
	var apiErr *qerrors.APIError
	switch {
	case errors.Is(err, qerrors.ErrInstanceAlreadyLinked):
		return fmt.Errorf("%s links to one VPC only: %w", instanceID, err)
	case errors.Is(err, qerrors.ErrInvalidInput):
		return fmt.Errorf("rejected before anything was sent: %w", err)
	case errors.Is(err, qerrors.ErrOutcomeUnknown):
		// Sent, but no valid answer came back: once no task runs on the
		// instance, client.ClassicLinksOf(ctx, vpcID, ids) says what is linked.
		return err
	case errors.As(err, &apiErr):
		log.Printf("%s: %s (request %s)", apiErr.CodeDesc, apiErr.Message, apiErr.RequestID)
		return err
	case err != nil:
		return err
	}
	// Polls with backoff; a failed task is a *qerrors.TaskFailedError.
	_, err = client.WaitForTask(ctx, out.TaskID)
	return err
}

// snippet end

// snippet begin
// printLinks lists every link of a VPC, page after page.
func printLinks(ctx context.Context, client *vpc.Client, vpcID string) error {
	for link, err := range client.ClassicLinks(ctx, &vpc.DescribeVpcClassicLinkInput{VpcID: vpcID}) {
		if err != nil {
			return err
		}
		fmt.Println(link.InstanceID, link.VpcID)
	}
	return nil
}

// snippet end

// The README's client: the default chain finds credentials in the
// environment; nothing is sent.
func TestSnippetNewClient(t *testing.T) {
	t.Setenv("TENCENTCLOUD_SECRET_ID", "AKIDsnippet000000000000000000000001")
	t.Setenv("TENCENTCLOUD_SECRET_KEY", "snippetKey000000000000000000000001")
	client, err := newClient()
	require.NoError(t, err)
	require.NotNil(t, client)
}

// The README's and the package doc's usage, on every branch.
func TestSnippetLinkInstance(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		setup    func(srv *vpctest.Server) error
		vpc, ins string
		want     error // nil: success
	}{
		{name: "linked", vpc: "vpc-2ari9m7h", ins: "ins-df454d"},
		{name: "already linked elsewhere", vpc: "vpc-2ari9m7h", ins: "ins-df454d", want: qerrors.ErrInstanceAlreadyLinked,
			setup: func(srv *vpctest.Server) error { return srv.AddLink("vpc-5t8kd0qa", "ins-df454d") }},
		{name: "invalid input", vpc: "vpc-2ari9m7h", ins: "ins df454d", want: qerrors.ErrInvalidInput},
		{name: "outcome unknown", vpc: "vpc-2ari9m7h", ins: "ins-df454d", want: qerrors.ErrOutcomeUnknown,
			setup: func(srv *vpctest.Server) error {
				return srv.InjectFault(vpctest.ActionAttachClassicLinkVpc, 1, vpctest.Fault{Drop: vpctest.DropAfterRead})
			}},
		{name: "API error", vpc: "vpc-00000000", ins: "ins-df454d", want: qerrors.ErrResourceNotFound},
		{name: "task failed", vpc: "vpc-2ari9m7h", ins: "ins-df454d", want: qerrors.ErrTaskFailed,
			setup: func(srv *vpctest.Server) error { srv.FailNextTasks(1, 1001, "instance busy"); return nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := vpctest.NewServer(vpctest.WithTaskDuration(0))
			t.Cleanup(srv.Close)
			if tt.setup != nil {
				require.NoError(t, tt.setup(srv))
			}
			client, err := vpc.NewClient(srv.Credential(), "ap-guangzhou", common.WithEndpoint(srv.URL()),
				common.WithRetryWait(time.Millisecond, 2*time.Millisecond))
			require.NoError(t, err)
			err = linkInstance(t.Context(), client, tt.vpc, tt.ins)
			if tt.want == nil {
				require.NoError(t, err)
				linked, err := client.ClassicLinksOf(t.Context(), tt.vpc, []string{tt.ins})
				require.NoError(t, err)
				assert.Contains(t, linked, tt.ins)
				return
			}
			assert.ErrorIs(t, err, tt.want)
		})
	}
}

func ExampleClient_ClassicLinks_printLinks() {
	srv := vpctest.NewServer()
	defer srv.Close()
	if err := srv.AddLink("vpc-2ari9m7h", "ins-df454d"); err != nil {
		log.Fatal(err)
	}
	client, _ := vpc.NewClient(srv.Credential(), "ap-guangzhou", common.WithEndpoint(srv.URL()))
	if err := printLinks(context.Background(), client, "vpc-2ari9m7h"); err != nil {
		log.Fatal(err)
	}
	// Output: ins-df454d vpc-2ari9m7h
}

// The snippets of the other packages' documentation that build a VPC
// client: they compile here, and run against the fake.
func TestSnippetsOfOtherPackages(t *testing.T) {
	t.Setenv("TENCENTCLOUD_SECRET_ID", "AKIDsnippet000000000000000000000001")
	t.Setenv("TENCENTCLOUD_SECRET_KEY", "snippetKey000000000000000000000001")
	t.Setenv("TENCENTCLOUD_REGION", "ap-guangzhou")
	clients := map[string]func() (*vpc.Client, error){
		"auth": func() (*vpc.Client, error) {
			// snippet begin
			client, err := vpc.NewClient(auth.DefaultChain(), "") // region from TENCENTCLOUD_REGION or tccli
			// snippet end
			return client, err
		},
		"common": func() (*vpc.Client, error) {
			// snippet begin
			client, err := vpc.NewClient(auth.EnvProvider(), "ap-guangzhou",
				common.WithMaxRetries(5),
				common.WithTimeout(10*time.Second),
				common.WithLogger(slog.Default()),
			)
			// snippet end
			return client, err
		},
		"sts": func() (*vpc.Client, error) {
			// snippet begin
			// A role, assumed with the credentials of the default chain, cached and
			// refreshed ahead of expiry:
			creds := sts.AssumeRoleProvider(auth.DefaultChain(), "qcs::cam::uin/12345678:roleName/deployer", "deploy")
			client, err := vpc.NewClient(creds, "ap-guangzhou")
			// snippet end
			return client, err
		},
	}
	for name, newClient := range clients {
		client, err := newClient()
		require.NoError(t, err, name)
		require.NotNil(t, client, name)
	}

	// snippet begin
	srv := vpctest.NewServer()
	defer srv.Close()
	client, err := vpc.NewClient(srv.Credential(), "ap-guangzhou", common.WithEndpoint(srv.URL()))
	// snippet end
	require.NoError(t, err)
	_, err = client.DescribeVpcClassicLink(t.Context(), nil)
	require.NoError(t, err)
	errorsSnippet(t.Context(), client, &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins df"}})
}

// errorsSnippet is package errors' example.
func errorsSnippet(ctx context.Context, client *vpc.Client, in *vpc.AttachClassicLinkVpcInput) {
	// snippet begin
	_, err := client.AttachClassicLinkVpc(ctx, in)
	switch {
	case errors.Is(err, qerrors.ErrInstanceAlreadyLinked):
		// the instance is linked to a VPC already
	case errors.Is(err, qerrors.ErrInvalidInput):
		// the input was rejected before anything was sent
	}
	var apiErr *qerrors.APIError
	if errors.As(err, &apiErr) {
		log.Println(apiErr.Code, apiErr.CodeDesc, apiErr.Message)
	}
	// snippet end
}

// snippet begin
func TestAttachIsRetriedWhenThrottled(t *testing.T) {
	srv := vpctest.NewServer() // a default world: VPC vpc-2ari9m7h, instances ins-df454d, ...
	defer srv.Close()
	client, err := vpc.NewClient(srv.Credential(), "ap-guangzhou", common.WithEndpoint(srv.URL()))
	if err != nil {
		t.Fatal(err)
	}
	// The next Attach is throttled once: the SDK waits and sends it again.
	err = srv.InjectFault(vpctest.ActionAttachClassicLinkVpc, 1, vpctest.Fault{CodeDesc: "RequestLimitExceeded"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = client.AttachClassicLinkVpcAndWait(t.Context(), &vpc.AttachClassicLinkVpcInput{
		VpcID:       "vpc-2ari9m7h",
		InstanceIDs: []string{"ins-df454d"},
	}, vpc.WithPollInterval(10*time.Millisecond, 100*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	if n := srv.RequestCount(vpctest.ActionAttachClassicLinkVpc); n != 2 { // throttled, then accepted
		t.Fatalf("%d Attach requests, want 2", n)
	}
}

// snippet end
