// Package auth holds credentials, the providers that find them where users
// keep them, and the two signers: the v2-style HMAC signature and API 3.0's
// TC3-HMAC-SHA256.
//
// A [Credential] is a SecretId and SecretKey pair, with a session Token and
// an expiry for temporary keys. It is itself a [Provider]. The printed forms
// of a Credential (fmt verbs, slog, JSON) never show the id, the key or the
// token, and no provider's error holds one.
//
//	client, err := vpc.NewClient(auth.DefaultChain(), "") // region from TENCENTCLOUD_REGION or tccli
//
// # The default chain
//
// [DefaultChain] asks, in order, and uses the first that has credentials:
//
//  1. [EnvProvider]: TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, with a
//     token from TENCENTCLOUD_SESSION_TOKEN, TENCENTCLOUD_TOKEN (tccli) or
//     TENCENTCLOUD_SECURITY_TOKEN (Terraform), read at every call.
//  2. [ProfileProvider]: the INI file $TENCENTCLOUD_CREDENTIALS_FILE, else
//     ~/.tencentcloud/credentials, section [default] (secret_id, secret_key,
//     token), parsed again when it changes.
//  3. [TCCLIProvider]: ~/.tccli/<profile>.credential for $TCCLI_PROFILE, else
//     default; a profile of type cvm-role uses the instance role.
//  4. [CVMRoleProvider]: the role bound to the CVM, from the metadata service,
//     cached and refreshed ahead of expiry ([NewCache]).
//
// A source that has nothing (no variables, no file, no metadata service)
// answers [ErrNoCredentials] and the chain goes on; a source that is there
// but broken (a malformed file, a key missing) stops it with an error that
// names the file, the section and the key. When every source says no, the
// error lists what each said. AssumeRole and TKE web identity are explicit
// providers of package sts.
//
// The client asks its provider before every attempt, so rotated keys take
// effect on the next call; it passes its logger (WithLogger) in the ctx,
// through which the cache warns of failed refreshes.
//
// # Signing
//
// [StringToSign] and [Sign] implement the v2 signature as pure functions:
//
//	sts := auth.StringToSign("GET", "vpc.api.qcloud.com", "/v2/index.php", params)
//	params.Set("Signature", auth.Sign(sts, secretKey, auth.HmacSHA256))
//
// [SignTC3] signs an API 3.0 string to sign with the key derived for a date
// and a service.
package auth
