// Package testsig recomputes v2 signatures for the project's tests. It is
// written apart from package auth so that a test does not check the signer
// against itself:
//
//	p, _ := testsig.Params(r)
//	if err := testsig.Verify(r, p, secretKey); err != nil { ... }
package testsig
