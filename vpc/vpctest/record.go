package vpctest

import (
	"net/url"
	"time"
)

// Request is one request as the server received it.
type Request struct {
	// Method is GET or POST.
	Method string
	// Action is the Action parameter.
	Action string
	// Params are all parameters, with SecretId, Token and Signature masked as "***".
	Params url.Values
	// Time is the server's clock when the request arrived.
	Time time.Time
}

// maskedParams are replaced by "***" in the record.
var maskedParams = []string{"SecretId", "Token", "Signature"}

// record appends a request. The caller holds s.mu.
func (s *Server) record(method string, p url.Values) {
	masked := url.Values{}
	for k, v := range p {
		masked[k] = append([]string(nil), v...)
	}
	for _, k := range maskedParams {
		if masked.Has(k) {
			masked.Set(k, "***")
		}
	}
	s.requests = append(s.requests, Request{Method: method, Action: p.Get("Action"), Params: masked, Time: s.now()})
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
