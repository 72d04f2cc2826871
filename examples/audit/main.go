// Command audit lists, for every VPC of a region, the classic instances
// still linked to it and what CVM says of each: the whole-API use of the
// SDK, VPC and CVM together. With no arguments it runs against embedded
// fakes of both (a world with two links) and needs no credentials:
//
//	go run ./examples/audit
//
// With -live it audits the real account of the default credential chain
// (read-only: Describe actions only) in -region.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/cvm"
	"github.com/qcloudkit/qcloud-sdk-go/cvm/cvmtest"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "audit:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, w io.Writer) error {
	fs := flag.NewFlagSet("audit", flag.ContinueOnError)
	live := fs.Bool("live", false, "audit the real account (read-only) with credentials from the default chain")
	region := fs.String("region", "ap-guangzhou", "region")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var creds auth.Provider = auth.DefaultChain()
	var vpcOpts, cvmOpts []common.Option
	if !*live {
		vpcSrv, cvmSrv, err := fakes()
		if err != nil {
			return err
		}
		defer vpcSrv.Close()
		defer cvmSrv.Close()
		creds = vpcSrv.Credential()
		vpcOpts = append(vpcOpts, common.WithEndpoint(vpcSrv.URL()))
		cvmOpts = append(cvmOpts, common.WithEndpoint(cvmSrv.URL()))
	}
	vpcs, err := vpc.NewClient(creds, *region, vpcOpts...)
	if err != nil {
		return err
	}
	instances, err := cvm.NewClient(creds, *region, cvmOpts...)
	if err != nil {
		return err
	}
	return audit(ctx, w, vpcs, instances)
}

// snippet begin
// audit prints every VPC of the region, the classic instances linked to
// it, and what CVM says of each of them.
func audit(ctx context.Context, w io.Writer, vpcs *vpc.Client, instances *cvm.Client) error {
	for v, err := range vpcs.DescribeVpcsAll(ctx, nil) {
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s %s %s\n", v.VpcID, v.VpcName, v.CidrBlock)
		var ids []string
		for link, err := range vpcs.ClassicLinks(ctx, &vpc.DescribeVpcClassicLinkInput{VpcID: v.VpcID}) {
			if err != nil {
				return err
			}
			ids = append(ids, link.InstanceID)
		}
		if len(ids) == 0 {
			continue
		}
		out, err := instances.DescribeInstances(ctx, &cvm.DescribeInstancesInput{InstanceIDs: ids})
		if err != nil {
			return err
		}
		for _, in := range out.InstanceSet {
			fmt.Fprintf(w, "  linked: %s %s %s %s\n", in.InstanceID, in.InstanceName, in.InstanceState, strings.Join(in.PrivateIPAddresses, ","))
		}
	}
	return nil
}

// snippet end

// fakes start a VPC fake with two classic instances linked to vpc-2ari9m7h
// and a CVM fake that knows them.
func fakes() (*vpctest.Server, *cvmtest.Server, error) {
	vpcSrv := vpctest.NewServer()
	for _, id := range []string{"ins-df454d", "ins-1a2b3c4d"} {
		if err := vpcSrv.AddLink("vpc-2ari9m7h", id); err != nil {
			vpcSrv.Close()
			return nil, nil, err
		}
	}
	cvmSrv := cvmtest.NewServer(cvmtest.WithCredential(vpcSrv.Credential()),
		cvmtest.WithInstance(cvm.Instance{InstanceID: "ins-df454d", InstanceName: "web-1", InstanceState: "RUNNING", PrivateIPAddresses: []string{"10.66.1.10"}}),
		cvmtest.WithInstance(cvm.Instance{InstanceID: "ins-1a2b3c4d", InstanceName: "web-2", InstanceState: "STOPPED", PrivateIPAddresses: []string{"10.66.1.11"}}))
	return vpcSrv, cvmSrv, nil
}
