package vpctest

import (
	"net/url"
	"time"
)

// Request is one request as the server received it.
type Request struct {
	// API is 2 or 3: the protocol of the request.
	API int
	// Method is GET or POST.
	Method string
	// Action is the Action parameter (API 3.0 with TC3: X-TC-Action).
	Action string
	// Params are its parameters: under API 2.0 (and API 3.0 with the v1
	// signature) all of them, with SecretId, Token and Signature masked as
	// "***"; under API 3.0 with TC3 the action's, a JSON body flattened as a
	// query (InstanceIds.0, Filters.0.Values.0).
	Params url.Values
	// Time is the server's clock when the request arrived.
	Time time.Time
}

// maskedParams are replaced by "***" in the record.
var maskedParams = []string{"SecretId", "Token", "Signature"}

// record appends a request. The caller holds s.mu.
func (s *Server) record(method string, in *incoming) {
	masked := url.Values{}
	for k, v := range in.params {
		masked[k] = append([]string(nil), v...)
	}
	for _, k := range maskedParams {
		if masked.Has(k) {
			masked.Set(k, "***")
		}
	}
	s.requests = append(s.requests, Request{API: in.api, Method: method, Action: in.action, Params: masked, Time: s.now()})
}

// Requests returns the requests received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// RequestCount returns how many requests of action arrived ("" counts all).
func (s *Server) RequestCount(action string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, r := range s.requests {
		if action == "" || r.Action == action {
			n++
		}
	}
	return n
}
