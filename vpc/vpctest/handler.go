package vpctest

import (
	"fmt"
	"net/http"
	"slices"

	"github.com/qcloudkit/qcloud-sdk-go/internal/fake"
	"github.com/qcloudkit/qcloud-sdk-go/internal/gen/models"
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

// The VPC API's model and its example answers, which the fake checks every
// API 3.0 call against and answers the actions it keeps no state for with.
var (
	vpcModel    = must(models.Load("vpc"))
	vpcExamples = must(models.Examples("vpc"))
)

// must returns v; an error here is a bug of the embedded model.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// actionNames are the actions faults may name: those of the world, and
// every action of the model.
func actionNames() []string {
	names := slices.Clone(actions)
	for _, a := range vpcModel.Actions {
		if !slices.Contains(names, a.Name) {
			names = append(names, a.Name)
		}
	}
	return names
}

// Stub makes the server answer an API 3.0 action that it keeps no state
// for with answer's members (a map, or a struct such as the action's typed
// output, vpc.DescribeSubnetsOutput) instead of its example answer. It
// refuses an action the VPC API does not have.
func (s *Server) Stub(action string, answer any) error {
	if err := s.fake.Stub(action, answer); err != nil {
		return fmt.Errorf("vpctest: %w", err)
	}
	return nil
}

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
