package cvmtest

import (
	"fmt"
	"slices"

	"github.com/qcloudkit/qcloud-sdk-go/cvm"
	"github.com/qcloudkit/qcloud-sdk-go/internal/fake"
)

// operations are the actions the fake plays on its instances, with the
// state each leaves them in: each one's operation ends at once, as the
// instances' latest, with the call's RequestId.
var operations = map[string]string{
	"RunInstances":    "RUNNING",
	"StartInstances":  "RUNNING",
	"StopInstances":   "STOPPED",
	"RebootInstances": "RUNNING",
	// ResetInstancesType needs the instances stopped, and leaves them so.
	"ResetInstancesType": "STOPPED",
}

// operate plays an operation: RunInstances adds InstanceCount instances
// (1 to 100; none with DryRun); the others change the instances named, all
// of which must exist. The caller holds s.mu.
func (s *Server) operate(c *fake.Call) (map[string]any, *fake.Error) {
	if c.Action != "RunInstances" {
		ids := fake.List(c.Params, "InstanceIds")
		for _, id := range ids {
			if !slices.ContainsFunc(s.instances, func(in cvm.Instance) bool { return in.InstanceID == id }) {
				return nil, &fake.Error{Code3: "InvalidInstanceId.NotFound", Message: fmt.Sprintf("instance %.64q not found", id)}
			}
		}
		for i := range s.instances {
			if slices.Contains(ids, s.instances[i].InstanceID) {
				s.played(&s.instances[i], c)
			}
		}
		return map[string]any{}, nil
	}
	n, e := fake.IntParam(c.Params, "InstanceCount", 1, 1, 100)
	if e != nil {
		return nil, e
	}
	if c.Params.Get("DryRun") == "true" {
		return nil, &fake.Error{Code3: "DryRunOperation", Message: "the request would have succeeded"}
	}
	ids := []string{}
	for range n {
		s.created++
		in := cvm.Instance{InstanceID: fmt.Sprintf("ins-%08x", s.created), InstanceName: c.Params.Get("InstanceName"),
			InstanceType: c.Params.Get("InstanceType"), ImageID: c.Params.Get("ImageId")}
		in.Placement.Zone = c.Params.Get("Placement.Zone")
		s.played(&in, c)
		s.instances = append(s.instances, in)
		ids = append(ids, in.InstanceID)
	}
	return map[string]any{"InstanceIdSet": ids}, nil
}

// played records call c as the latest operation of in, ended.
func (s *Server) played(in *cvm.Instance, c *fake.Call) {
	in.InstanceState = operations[c.Action]
	if c.Action == "ResetInstancesType" {
		in.InstanceType = c.Params.Get("InstanceType")
	}
	in.LatestOperation, in.LatestOperationState, in.LatestOperationRequestID = c.Action, cvm.OperationSucceeded, c.RequestID
}
