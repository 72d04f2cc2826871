package vpctest_test

import (
	"testing"

	"github.com/qcloudkit/qcloud-sdk-go/internal/gen/gentest"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

// stateful are the actions the fake answers from its world rather than from
// the model: their examples name resources the world does not hold.
var stateful = []string{
	"AttachClassicLinkVpc", "DetachClassicLinkVpc", "DescribeClassicLinkInstances",
	"DescribeVpcTaskResult", "DescribeVpcs",
}

// requestDefects are the vendor's example requests that disagree with its
// own model, and why: a number or a bool written as a string.
var requestDefects = map[string]string{
	"CreateDhcpIp/0":                       "SecondaryPrivateIpAddressCount, a uint64, written as a string",
	"CreateNetworkInterface/0":             "PrivateIpAddresses.0.Primary, a bool, written as a string",
	"CreateSnapshotPolicies/0":             "SnapshotPolicies.0.CreateNewCos, a bool, written as a string",
	"DeleteSecurityGroupPolicies/0":        "SecurityGroupPolicySet.Ingress.0.PolicyIndex, an int64, written as a string",
	"DeleteSecurityGroupPolicies/1":        "SecurityGroupPolicySet.Egress.0.PolicyIndex, an int64, written as a string",
	"DescribeIpGeolocationInfos/0":         "Fields.Region, a bool, written as a string",
	"DescribeNetworkAclQuintupleEntries/0": "Limit, a uint64, written as a string",
	"ModifyNetworkAclQuintupleEntries/0":   "NetworkAclQuintupleSet.Ingress.0.Priority, an int64, written as a string",
	"ReplaceSecurityGroupPolicies/0":       "SecurityGroupPolicySet.Ingress.0.PolicyIndex, an int64, written as a string",
}

// Every example request of the vendor's (but those of the stateful actions)
// is accepted by the fake, but the defects: the fake's model checks refuse
// none of the others.
func TestExampleRequestsAccepted(t *testing.T) {
	t.Parallel()
	srv := vpctest.NewServer()
	t.Cleanup(srv.Close)
	n := gentest.CheckExampleRequests(t, "vpc", srv.URL(), srv.Credential(), stateful, requestDefects)
	t.Logf("%d example requests accepted", n)
	if n < 500 {
		t.Errorf("%d example requests accepted, want at least 500", n)
	}
}
