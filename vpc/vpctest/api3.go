package vpctest

import (
	"fmt"
	"net/url"
	"slices"

	"github.com/qcloudkit/qcloud-sdk-go/internal/fake"
)

// service3 and version3 are the TC3 service and the API 3.0 Version of
// the VPC actions.
const (
	service3 = "vpc"
	version3 = "2017-03-12"
)

// handle3 runs an API 3.0 action on the shared world. The caller holds s.mu.
func (s *Server) handle3(c *fake.Call) (map[string]any, *fake.Error) {
	s.settleDue()
	p, region := c.Params, c.Region
	if region == "" {
		return nil, &fake.Error{Code3: "MissingParameter", Message: "missing required parameter Region"}
	}
	switch c.Action {
	case ActionAttachClassicLinkVpc, ActionDetachClassicLinkVpc:
		link := s.attach
		if c.Action == ActionDetachClassicLinkVpc {
			link = s.detach
		}
		t, e := link(p, region, linkKeys3)
		if e != nil {
			return nil, e
		}
		t.requestID = c.RequestID
		s.tasks3[c.RequestID] = t
		return map[string]any{}, nil
	case ActionDescribeClassicLinkInstances:
		return s.describeLinks3(p, region)
	case ActionDescribeVpcTaskResult:
		return s.describeTask3(p)
	case ActionDescribeVpcs:
		return s.describeVpcs3(p, region)
	}
	// Every other action of the model (checked already): a stub, its
	// example answer, or an answer with only a RequestId.
	return s.fake.Answer(c)
}

// describeLinks3 answers DescribeClassicLinkInstances: filters vpc-id and
// vm-ip (AND across filters, OR within values), Offset and Limit (default
// 20, at most 100) as strings; links oldest first.
func (s *Server) describeLinks3(p url.Values, region string) (map[string]any, *fake.Error) {
	offset, limit, e := fake.Page(p, defaultDescribeLimit, 100)
	if e != nil {
		return nil, e
	}
	filters, e := fake.Filters(p, "InvalidParameter.FilterNotSupported", "vpc-id", "vm-ip")
	if e != nil {
		return nil, e
	}
	var found []*link
	for _, l := range s.links {
		if l.state == linkAttaching || l.vpc.Region != region {
			continue
		}
		if v, ok := filters["vpc-id"]; ok && !slices.Contains(v, l.vpc.ID) {
			continue
		}
		if v, ok := filters["vm-ip"]; ok && !slices.Contains(v, l.instance.LanIP) {
			continue
		}
		found = append(found, l)
	}
	sortLinks(found, true)
	page := found[min(offset, len(found)):min(offset+limit, len(found))]
	set := make([]map[string]any, len(page))
	for i, l := range page {
		set[i] = map[string]any{"VpcId": l.vpc.ID, "InstanceId": l.instance.ID}
	}
	return map[string]any{"TotalCount": len(found), "ClassicLinkInstanceSet": set}, nil
}

// describeTask3 answers DescribeVpcTaskResult for the RequestId of an
// Attach or Detach made over API 3.0.
func (s *Server) describeTask3(p url.Values) (map[string]any, *fake.Error) {
	id := p.Get("TaskId")
	if id == "" {
		return nil, &fake.Error{Code3: "MissingParameter", Message: "missing required parameter TaskId"}
	}
	t := s.tasks3[id]
	if t == nil {
		return nil, &fake.Error{Code3: "ResourceNotFound", Message: "task " + id + " does not exist"}
	}
	s.poll(t)
	switch t.status {
	case taskSucceeded:
		return map[string]any{"Status": "SUCCESS", "Output": "SUCCESS", "Result": nil}, nil
	case taskFailed:
		// 3.0's Output is one string: the code leads it, as a 2.0 message's
		// module code does.
		return map[string]any{"Status": "FAILED", "Output": fmt.Sprintf("(%d)%s", t.failure.Code, t.failure.Message), "Result": nil}, nil
	}
	return map[string]any{"Status": "RUNNING", "Output": "", "Result": nil}, nil
}

// codes3 maps the fake's 2.0 business codes to the 3.0 codes of the same
// errors (docs/wire.md, 3.5).
var codes3 = map[string]string{
	"InvalidVpc.NotFound":             "ResourceNotFound",
	"InvalidInstance.NotFound":        "ResourceNotFound",
	"InstanceNotLinked":               "ResourceNotFound",
	"InvalidTaskId.NotFound":          "ResourceNotFound",
	"InstanceAlreadyLinked":           "UnsupportedOperation.ClassicInstanceIdAlreadyExists",
	"InstanceLimitExceeded":           "LimitExceeded",
	"ActionLocked":                    "ResourceInUse",
	"InvalidParameter.RegionMismatch": "InvalidParameterValue.RegionMismatch",
	"RequestReplayed":                 "AuthFailure.SignatureExpire",
}
