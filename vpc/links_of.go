package vpc

import (
	"context"
	"fmt"
)

// ClassicLinksOf returns, keyed by instance id, the links between the VPC
// vpcID and those of instanceIDs that are linked to it; an instance not in
// the map is not linked to that VPC (it may be linked to another one).
//
// It is how a caller finds out what an Attach or Detach did when it ended
// with errors.ErrOutcomeUnknown: the service may have started the task, and
// a link shows once its attach task has finished (and goes once its detach
// task has). While such a task runs, a new Attach or Detach of the same
// instances answers ActionLocked (API 3.0: ResourceInUse), which the SDK
// retries with backoff under both protocols; so
// either repeat the call for the instances that are not yet where you want
// them (ActionLocked past the retries means: a task still runs, ask later),
// or wait for the task's usual duration and list:
//
//	_, err := client.AttachClassicLinkVpc(ctx, in)
//	if errors.Is(err, qerrors.ErrOutcomeUnknown) {
//		time.Sleep(30 * time.Second) // longer than such a task runs
//		linked, err := client.ClassicLinksOf(ctx, in.VpcID, in.InstanceIDs)
//		...
//	}
func (c *Client) ClassicLinksOf(ctx context.Context, vpcID string, instanceIDs []string) (map[string]ClassicLink, error) {
	if err := validateLink(vpcID, instanceIDs); err != nil {
		return nil, err
	}
	want := make(map[string]bool, len(instanceIDs))
	for _, id := range instanceIDs {
		want[id] = true
	}
	found := make(map[string]ClassicLink, len(instanceIDs))
	for link, err := range c.ClassicLinks(ctx, &DescribeVpcClassicLinkInput{VpcID: vpcID}) {
		if err != nil {
			return nil, fmt.Errorf("vpc ClassicLinksOf %s: %w", vpcID, err)
		}
		if want[link.InstanceID] {
			found[link.InstanceID] = link
		}
	}
	return found, nil
}
