// Package vpc is a typed client of the VPC module of Tencent Cloud, with the
// ClassicLink actions: AttachClassicLinkVpc, DetachClassicLinkVpc,
// DescribeVpcClassicLink (DescribeClassicLinkInstances under API 3.0) and
// DescribeVpcTaskResult. The same methods speak API 2.0 (the default) or
// API 3.0, which the live service answers since the VPC module's 2.0 went
// offline on 2023-01-01:
//
//	client, err := vpc.NewClient(auth.EnvProvider(), "ap-guangzhou", common.WithAPI(common.API3))
//
// A task's id ([TaskID]) is API 2.0's taskId or API 3.0's RequestId; code
// that waits for what Attach returned works under both. Fields that API 3.0
// does not carry are zero, as each field's documentation says.
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
//	res, err := client.WaitForTask(ctx, out.TaskID)
//
// Package vpc/vpctest is an in-process fake of the service for tests.
package vpc
