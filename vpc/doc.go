// Package vpc is a typed client of the VPC module of Tencent Cloud, with the
// ClassicLink actions: AttachClassicLinkVpc, DetachClassicLinkVpc,
// DescribeVpcClassicLink (DescribeClassicLinkInstances under API 3.0) and
// DescribeVpcTaskResult. The same methods speak API 3.0 (the default, what
// the live service answers) or API 2.0 (common.WithAPI(common.API2), the
// wire of the original documentation; the VPC module's 2.0 went offline on
// 2023-01-01).
//
// A task's id ([TaskID]) is API 3.0's RequestId or API 2.0's taskId; code
// that waits for what Attach returned works under both. Fields that API 3.0
// does not carry are zero, as each field's documentation says.
//
//	// linkInstance links a classic instance to a VPC and waits for the task.
//	func linkInstance(ctx context.Context, client *vpc.Client, vpcID, instanceID string) error {
//		out, err := client.AttachClassicLinkVpc(ctx, &vpc.AttachClassicLinkVpcInput{
//			VpcID:       vpcID,
//			InstanceIDs: []string{instanceID},
//		})
//		var apiErr *qerrors.APIError
//		switch {
//		case errors.Is(err, qerrors.ErrInstanceAlreadyLinked):
//			return fmt.Errorf("%s links to one VPC only: %w", instanceID, err)
//		case errors.Is(err, qerrors.ErrInvalidInput):
//			return fmt.Errorf("rejected before anything was sent: %w", err)
//		case errors.Is(err, qerrors.ErrOutcomeUnknown):
//			// Sent, but no valid answer came back: once no task runs on the
//			// instance, client.ClassicLinksOf(ctx, vpcID, ids) says what is linked.
//			return err
//		case errors.As(err, &apiErr):
//			log.Printf("%s: %s (request %s)", apiErr.CodeDesc, apiErr.Message, apiErr.RequestID)
//			return err
//		case err != nil:
//			return err
//		}
//		// Polls with backoff; a failed task is a *qerrors.TaskFailedError.
//		_, err = client.WaitForTask(ctx, out.TaskID)
//		return err
//	}
//
// Package vpc/vpctest is an in-process fake of the service for tests.
package vpc
