// Package core is the client core that the service packages share: it
// turns one typed call into signed HTTP attempts under API 2.0 or API 3.0,
// runs them under the retry policy, and reads the answer.
//
// A service package describes each action once, for both protocols, in a
// [Request]: the action's [Operation] (its names, whether it is
// idempotent), its parameters for each protocol (a wire.Form for 2.0, a
// JSON struct for 3.0) and where each protocol's result goes.
// [Client.Do] encodes the parameters once; the transport signs every
// attempt afresh (v2: Timestamp, Nonce, Signature; TC3: X-TC-Timestamp and
// Authorization), so no signed request outlives its attempt; the retry
// policy, the attempt tracking, the size limit, redaction and logging are
// the same for both protocols.
package core
