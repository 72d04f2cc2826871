// Package auth holds credentials, credential providers and the QCloud API
// 2.0 signer.
//
// A [Credential] is a SecretId and SecretKey pair, with a session Token for
// temporary keys. It is itself a [Provider]; [EnvProvider] reads the
// standard environment variables. The printed forms of a Credential
// (fmt verbs, slog, JSON) never show the id, the key or the token.
//
//	creds := auth.NewCredential(os.Getenv("MY_ID"), os.Getenv("MY_KEY"))
//	client, err := vpc.NewClient(creds, "ap-guangzhou")
//
// [StringToSign] and [Sign] implement the v2 signature as pure functions:
//
//	sts := auth.StringToSign("GET", "vpc.api.qcloud.com", "/v2/index.php", params)
//	params.Set("Signature", auth.Sign(sts, secretKey, auth.HmacSHA256))
package auth
