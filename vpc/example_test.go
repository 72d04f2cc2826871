package vpc_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

func ExampleClient_AttachClassicLinkVpc() {
	srv := vpctest.NewServer() // stands in for vpc.tencentcloudapi.com
	defer srv.Close()
	client, err := vpc.NewClient(srv.Credential(), "ap-guangzhou", common.WithEndpoint(srv.URL()))
	if err != nil {
		log.Fatal(err)
	}

	out, err := client.AttachClassicLinkVpc(context.Background(), &vpc.AttachClassicLinkVpcInput{
		VpcID:       "vpc-2ari9m7h",
		InstanceIDs: []string{"ins-df454d"},
	})
	if err != nil {
		log.Fatal(err)
	}
	res, err := client.WaitForTask(context.Background(), out.TaskID, vpc.WithPollInterval(10*time.Millisecond, 100*time.Millisecond))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("task", res.Status)

	// Linking it to a second VPC: the service refuses.
	_, err = client.AttachClassicLinkVpc(context.Background(), &vpc.AttachClassicLinkVpcInput{
		VpcID:       "vpc-5t8kd0qa",
		InstanceIDs: []string{"ins-df454d"},
	})
	fmt.Println(errors.Is(err, qerrors.ErrInstanceAlreadyLinked))

	// An id with a space never leaves the program.
	_, err = client.AttachClassicLinkVpc(context.Background(), &vpc.AttachClassicLinkVpcInput{
		VpcID:       "vpc-5t8kd0qa",
		InstanceIDs: []string{"ins df454d"},
	})
	fmt.Println(errors.Is(err, qerrors.ErrInvalidInput))
	// Output:
	// task succeeded
	// true
	// true
}

func ExampleClient_WaitForTask() {
	srv := vpctest.NewServer()
	defer srv.Close()
	client, _ := vpc.NewClient(srv.Credential(), "ap-guangzhou", common.WithEndpoint(srv.URL()))
	ctx := context.Background()

	out, err := client.AttachClassicLinkVpc(ctx, &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d"}})
	if err != nil {
		log.Fatal(err)
	}
	res, err := client.WaitForTask(ctx, out.TaskID, vpc.WithPollInterval(10*time.Millisecond, 100*time.Millisecond))
	var failed *qerrors.TaskFailedError
	switch {
	case errors.As(err, &failed):
		fmt.Println("failed:", failed.Code, failed.Message)
	case err != nil:
		log.Fatal(err)
	default:
		fmt.Println("task", res.Status, "after", out.TaskID == res.TaskID)
	}
	// Output: task succeeded after true
}

func ExampleClient_ClassicLinks() {
	srv := vpctest.NewServer()
	defer srv.Close()
	client, _ := vpc.NewClient(srv.Credential(), "ap-guangzhou", common.WithEndpoint(srv.URL()))
	ctx := context.Background()
	_, err := client.AttachClassicLinkVpcAndWait(ctx,
		&vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d", "ins-1a2b3c4d"}},
		vpc.WithPollInterval(10*time.Millisecond, 100*time.Millisecond))
	if err != nil {
		log.Fatal(err)
	}

	for link, err := range client.ClassicLinks(ctx, &vpc.DescribeVpcClassicLinkInput{VpcID: "vpc-2ari9m7h"}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(link.InstanceID, link.VpcID)
	}
	// Unordered output:
	// ins-df454d vpc-2ari9m7h
	// ins-1a2b3c4d vpc-2ari9m7h
}

// After an Attach whose outcome is unknown, list what it did.
func ExampleClient_ClassicLinksOf() {
	// On this fake, tasks finish at once, and the answer of the next Attach
	// is lost after the service acted on it.
	srv := vpctest.NewServer(vpctest.WithTaskDuration(0))
	defer srv.Close()
	if err := srv.InjectFault(vpctest.ActionAttachClassicLinkVpc, 1, vpctest.Fault{Drop: vpctest.DropAfterRead}); err != nil {
		log.Fatal(err)
	}
	client, _ := vpc.NewClient(srv.Credential(), "ap-guangzhou", common.WithEndpoint(srv.URL()))
	ctx := context.Background()
	in := &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d", "ins-1a2b3c4d"}}

	_, err := client.AttachClassicLinkVpc(ctx, in)
	fmt.Println("outcome unknown:", errors.Is(err, qerrors.ErrOutcomeUnknown))

	// Against the service, first wait longer than such a task runs: while it
	// runs, the link is not listed yet.
	linked, err := client.ClassicLinksOf(ctx, in.VpcID, in.InstanceIDs)
	if err != nil {
		log.Fatal(err)
	}
	for _, id := range in.InstanceIDs {
		_, ok := linked[id]
		fmt.Println(id, "linked:", ok)
	}
	// Output:
	// outcome unknown: true
	// ins-df454d linked: true
	// ins-1a2b3c4d linked: true
}
