// Package vpctest is an in-process fake of the QCloud API 2.0 VPC module
// (vpc.api.qcloud.com) for the ClassicLink actions: AttachClassicLinkVpc,
// DetachClassicLinkVpc, DescribeVpcClassicLink and DescribeVpcTaskResult.
//
// It checks requests as the real service does (v2 signature with both
// methods, GET and POST, unknown SecretId, Timestamp window, Nonce replay,
// session tokens), keeps state (VPCs, classic instances, links, tasks) and
// can inject faults. It is the stand-in for the service in this module's
// tests and examples, and in yours:
//
//	srv := vpctest.NewServer()
//	defer srv.Close()
//	client, err := vpc.NewClient(srv.Credential(), "ap-guangzhou", common.WithEndpoint(srv.URL()))
//
// # The default world
//
// Unless [WithEmptyWorld] is given, a new server holds:
//
//	region ap-guangzhou  vpc-2ari9m7h (old id gz_vpc_15, 10.0.0.0/16)
//	                     vpc-5t8kd0qa (old id gz_vpc_16, 172.16.0.0/16)
//	                     instances ins-df454d (10.66.1.10), ins-1a2b3c4d (10.66.1.11),
//	                     ins-5e6f7a8b (10.66.1.12), ins-9c0d1e2f (10.66.1.13)
//	region ap-beijing    vpc-bj2k9x7q (old id bj_vpc_1, 10.1.0.0/16)
//	                     instance ins-bj01a2b3 (10.67.1.10)
//
// and accepts [DefaultCredential]. Add more with [Server.AddVPC],
// [Server.AddInstance] and [WithCredential].
//
// # Behaviour worth knowing
//
//   - Attach and Detach are all or nothing and start a task. A task runs
//     for [WithTaskDuration] on the server's clock ([WithClock]; default
//     [DefaultTaskDuration], 1 s) and then finishes, whether anyone polls it
//     or not, as a real one does; a poll after the first [WithTaskPolls]
//     (default 1) finishes it sooner, so WithTaskPolls(0) makes a task finish
//     at its first poll, for fast tests. A task succeeds, or fails if
//     [Server.FailNextTasks] said so. A link shows in DescribeVpcClassicLink
//     once its attach task has succeeded, and goes once its detach task has;
//     [Server.AddLink] seeds links that exist from the start.
//   - [Server.InjectFault] takes the Action constants (or "" for any action)
//     and returns an error for an unknown action or a fault that would
//     change nothing.
//   - A replay is a repeat of the same SecretId, Timestamp and Nonce within
//     the two-hour window; parameter names that collide once "." and "_" are
//     read alike are refused with code 4000.
//   - An instance with a task in progress answers ActionLocked; attaching an
//     instance linked anywhere answers InstanceAlreadyLinked; detaching an
//     instance not linked to that VPC answers InstanceNotLinked (code 4000).
//   - Business errors use code 4000 with the codeDesc of PROTOCOL.md; an
//     unknown task id is code 5000, InvalidTaskId.NotFound; a VPC that exists
//     only in another region is InvalidVpc.NotFound; instances of another
//     region than the VPC are InvalidParameter.RegionMismatch.
//   - An unknown Action, a missing or malformed parameter (including gaps or
//     non-numeric indices in instanceIds.N) is code 4000.
//   - createTime is written in China Standard Time (UTC+8), as the service does.
package vpctest
