package vpctest

import "github.com/qcloudkit/qcloud-sdk-go/internal/fake"

// Request is one request as the server received it: its API (2 or 3),
// Method, Action, Params (under API 2.0 and API 3.0's v1 all of them, with
// SecretId, Token and Signature masked as "***"; under TC3 the action's, a
// JSON body flattened as a query) and the server's Time.
type Request = fake.Request

// Requests returns the requests received so far, oldest first: at most the
// last 100,000, and fewer once their parameters add up to more than 32 MiB.
func (s *Server) Requests() []Request { return s.fake.Requests() }

// RequestCount returns how many requests of action arrived ("" counts all).
func (s *Server) RequestCount(action string) int { return s.fake.RequestCount(action) }
