package vpctest

// Quirks switch on behaviours of the real API 2.0 service that clients
// must tolerate (API 3.0 answers are typed and have none).
type Quirks struct {
	// StringNumbers sends code, taskId and totalCount as JSON strings ("0").
	StringNumbers bool
	// UniqVpcIDKey spells the unified VPC id key of DescribeVpcClassicLink
	// items uniqVpcId, as the published sample does, instead of unVpcId.
	UniqVpcIDKey bool
}

// SetQuirks switches quirks on or off for the following requests.
func (s *Server) SetQuirks(q Quirks) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.quirks = q
	s.fake.SetStringNumbers(q.StringNumbers)
}
