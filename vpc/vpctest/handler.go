package vpctest

import (
	"net/http"

	"github.com/qcloudkit/qcloud-sdk-go/internal/fake"
)

// The actions the server knows, for [Server.InjectFault] and
// [Server.RequestCount]. DescribeClassicLinkInstances is API 3.0's name of
// DescribeVpcClassicLink; the other three have the same name under both.
const (
	ActionAttachClassicLinkVpc         = "AttachClassicLinkVpc"
	ActionDetachClassicLinkVpc         = "DetachClassicLinkVpc"
	ActionDescribeVpcClassicLink       = "DescribeVpcClassicLink"
	ActionDescribeClassicLinkInstances = "DescribeClassicLinkInstances"
	ActionDescribeVpcTaskResult        = "DescribeVpcTaskResult"
	// ActionDescribeVpcs lists VPCs (API 3.0 only).
	ActionDescribeVpcs = "DescribeVpcs"
)

// actions lists them, for checking a name.
var actions = []string{ActionAttachClassicLinkVpc, ActionDetachClassicLinkVpc, ActionDescribeVpcClassicLink,
	ActionDescribeClassicLinkInstances, ActionDescribeVpcTaskResult, ActionDescribeVpcs}

// ServeHTTP answers one request: API 2.0 at /v2/index.php, API 3.0 at /,
// both on the same world.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.fake.ServeHTTP(w, r) }

// handle2 runs an authenticated API 2.0 call on the shared world. The
// caller holds s.mu.
func (s *Server) handle2(c *fake.Call) (map[string]any, *fake.Error) {
	s.settleDue()
	p, region := c.Params, c.Region
	switch c.Action {
	case ActionAttachClassicLinkVpc, ActionDetachClassicLinkVpc:
		link := s.attach
		if c.Action == ActionDetachClassicLinkVpc {
			link = s.detach
		}
		t, e := link(p, region, linkKeys2)
		if e != nil {
			return nil, e
		}
		return map[string]any{"taskId": t.id}, nil
	case ActionDescribeVpcClassicLink:
		return s.describeLinks(p, region)
	case ActionDescribeVpcTaskResult:
		return s.describeTask(p)
	default:
		return nil, &fake.Error{Code: 4000, CodeDesc: "InvalidAction", Message: "(100005)unknown Action " + c.Action}
	}
}
