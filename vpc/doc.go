// Package vpc is a typed client of the VPC module of the QCloud API 2.0,
// with the ClassicLink actions: AttachClassicLinkVpc, DetachClassicLinkVpc,
// DescribeVpcClassicLink and DescribeVpcTaskResult.
//
//	client, err := vpc.NewClient(auth.EnvProvider(), "ap-guangzhou")
//	if err != nil {
//		return err
//	}
//	out, err := client.AttachClassicLinkVpc(ctx, &vpc.AttachClassicLinkVpcInput{
//		VpcID:       "vpc-2ari9m7h",
//		InstanceIDs: []string{"ins-df454d"},
//	})
//	switch {
//	case errors.Is(err, qerrors.ErrInstanceAlreadyLinked):
//		// already linked somewhere
//	case err != nil:
//		return err
//	}
//	fmt.Println("task", out.TaskID)
//
// Package vpc/vpctest is an in-process fake of the service for tests.
package vpc
