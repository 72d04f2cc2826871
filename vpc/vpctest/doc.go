// Package vpctest is a fake of the Tencent Cloud VPC module for the
// ClassicLink actions, speaking both protocols on one server and one world:
// API 2.0 at /v2/index.php (AttachClassicLinkVpc, DetachClassicLinkVpc,
// DescribeVpcClassicLink, DescribeVpcTaskResult) and API 3.0 at /
// (AttachClassicLinkVpc, DetachClassicLinkVpc, DescribeClassicLinkInstances,
// DescribeVpcTaskResult). A link made over one protocol is seen over the other.
//
// It checks requests as the real service does (2.0: the v2 signature with
// both methods, GET and POST, unknown SecretId, Timestamp window, replays,
// session tokens; 3.0: TC3 over JSON POST and GET, with the UTC scope date,
// the signed headers, the hashed payload, a 5-minute window and X-TC-Token,
// and the v1 signature on /), keeps state (VPCs, classic instances, links,
// tasks) and can inject faults. Signatures are recomputed by code written
// apart from the SDK's signer. It is the stand-in for the service in this
// module's tests and examples, and in yours:
//
//	srv := vpctest.NewServer()
//	defer srv.Close()
//	client, err := vpc.NewClient(srv.Credential(), "ap-guangzhou", common.WithEndpoint(srv.URL()))
//
// cmd/vpctest runs it as a standalone server.
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
//   - Business errors use code 4000 with their codeDesc (docs/wire.md, 2.5); an
//     unknown task id is code 5000, InvalidTaskId.NotFound; a VPC that exists
//     only in another region is InvalidVpc.NotFound; instances of another
//     region than the VPC are InvalidParameter.RegionMismatch.
//   - An unknown Action, a missing or malformed parameter (including gaps or
//     non-numeric indices in instanceIds.N) is code 4000.
//   - createTime is written in China Standard Time (UTC+8), as the service does.
//   - Under API 3.0 every answer has a RequestId, which is also the id of the
//     task an Attach or Detach starts; the 2.0 business errors answer with
//     their 3.0 codes (ResourceNotFound, LimitExceeded,
//     UnsupportedOperation.ClassicInstanceIdAlreadyExists, ResourceInUse for
//     an instance whose task still runs); Offset and Limit must be JSON
//     strings; DescribeClassicLinkInstances takes the vpc-id and vm-ip
//     filters and a Limit up to 100 and lists links oldest first. A fault's
//     Code answers under 3.0 as its CodeDesc (or its numeric code's class).
package vpctest
