// Package sts is a typed client of Tencent Cloud's Security Token Service
// (API 3.0, sts.tencentcloudapi.com, Version 2018-08-13), and the
// credential providers built on it:
//
//	// A role, assumed with the credentials of the default chain, cached and
//	// refreshed ahead of expiry:
//	creds := sts.AssumeRoleProvider(auth.DefaultChain(), "qcs::cam::uin/12345678:roleName/deployer", "deploy")
//	client, err := vpc.NewClient(creds, "ap-guangzhou")
//
// [WebIdentityProvider] is a TKE pod's identity (TKE_REGION,
// TKE_PROVIDER_ID, TKE_WEB_IDENTITY_TOKEN_FILE, TKE_ROLE_ARN).
//
// Package sts/ststest is a fake STS for tests.
package sts
