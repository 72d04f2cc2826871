// Package testsig recomputes signatures for the project's tests. It is
// written apart from package auth so that a test does not check the signer
// against itself: Params reads a v2-style request's parameters, Verify
// checks their Signature, and VerifyTC3 checks a TC3 Authorization.
package testsig
