package fake

import (
	"net/url"
	"slices"
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

// Bounds of the request record, which a long-running fake (cmd/vpctest)
// would otherwise grow without end: past them, the oldest requests go.
const (
	maxRecorded      = 100_000
	maxRecordedBytes = 32 << 20 // of the recorded parameters' names and values
)

// record appends a request, and drops the oldest ones past the bounds.
// The caller holds the Lock.
func (s *Server) record(method string, c *Call) {
	masked := url.Values{}
	size := 0
	for k, v := range c.Params {
		masked[k] = append([]string(nil), v...)
		for _, x := range v {
			size += len(k) + len(x)
		}
	}
	for _, k := range maskedParams {
		if masked.Has(k) {
			masked.Set(k, "***")
		}
	}
	s.requests = append(s.requests, Request{API: c.API, Method: method, Action: c.Action, Params: masked, Time: s.now()})
	s.recordSizes = append(s.recordSizes, size)
	s.recordBytes += size
	if len(s.requests) <= maxRecorded && s.recordBytes <= maxRecordedBytes {
		return
	}
	// Past a bound, down to three quarters of both at once, so that the
	// record is not shifted at every request.
	drop := 0
	for len(s.requests)-drop > maxRecorded*3/4 || s.recordBytes > maxRecordedBytes*3/4 && drop < len(s.requests)-1 {
		s.recordBytes -= s.recordSizes[drop]
		drop++
	}
	s.requests = slices.Delete(s.requests, 0, drop)
	s.recordSizes = slices.Delete(s.recordSizes, 0, drop)
}

// Requests returns the requests received so far, oldest first: at most the
// last 100,000, and fewer once their parameters add up to more than 32 MiB.
func (s *Server) Requests() []Request {
	s.cfg.Lock.Lock()
	defer s.cfg.Lock.Unlock()
	return append([]Request(nil), s.requests...)
}

// RequestCount returns how many requests of action arrived ("" counts all).
func (s *Server) RequestCount(action string) int {
	s.cfg.Lock.Lock()
	defer s.cfg.Lock.Unlock()
	n := 0
	for _, r := range s.requests {
		if action == "" || r.Action == action {
			n++
		}
	}
	return n
}
