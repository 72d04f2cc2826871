package vpc_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

// The documented recovery after errors.ErrOutcomeUnknown works, whether the
// service acted on the lost call or not: once the task that may run has
// ended on the server's clock (nobody polls it: the caller has no task id),
// ClassicLinksOf tells what is linked.
func TestRecoveryAfterUnknownOutcome(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		drop       vpctest.Drop
		wantLinked bool
	}{
		{vpctest.DropAfterRead, true},   // acted, then the answer was lost
		{vpctest.DropBeforeRead, false}, // lost on the way in
	} {
		var mu sync.Mutex
		now := time.Now()
		clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
		srv, c := newFake(t, vpctest.WithClock(clock), vpctest.WithTaskDuration(30*time.Second), vpctest.WithTaskPolls(1_000_000))
		require.NoError(t, srv.InjectFault(vpctest.ActionAttachClassicLinkVpc, 1, vpctest.Fault{Drop: tt.drop}))
		ctx := context.Background()
		in := &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d", "ins-1a2b3c4d"}}

		_, err := c.AttachClassicLinkVpc(ctx, in)
		require.ErrorIs(t, err, qerrors.ErrOutcomeUnknown)
		assert.Equal(t, 1, srv.RequestCount(vpctest.ActionAttachClassicLinkVpc), "never repeated by the SDK")

		if tt.wantLinked {
			_, err = c.AttachClassicLinkVpc(ctx, in)
			assert.ErrorIs(t, err, qerrors.ErrActionLocked, "the task still runs: repeating now is refused, not applied twice")
		}
		mu.Lock()
		now = now.Add(30 * time.Second)
		mu.Unlock()
		linked, err := c.ClassicLinksOf(ctx, in.VpcID, in.InstanceIDs)
		require.NoError(t, err)
		if !tt.wantLinked {
			assert.Empty(t, linked)
			continue
		}
		require.Len(t, linked, 2)
		assert.Equal(t, "vpc-2ari9m7h", linked["ins-df454d"].VpcID)
		assert.Equal(t, "ins-1a2b3c4d", linked["ins-1a2b3c4d"].InstanceID)
	}
}

func TestClassicLinksOfFiltersAndValidates(t *testing.T) {
	t.Parallel()
	srv, c := newFake(t)
	require.NoError(t, srv.AddLink("vpc-2ari9m7h", "ins-df454d"))
	require.NoError(t, srv.AddLink("vpc-5t8kd0qa", "ins-1a2b3c4d"))
	require.NoError(t, srv.AddLink("vpc-2ari9m7h", "ins-5e6f7a8b"))
	linked, err := c.ClassicLinksOf(context.Background(), "vpc-2ari9m7h", []string{"ins-df454d", "ins-1a2b3c4d"})
	require.NoError(t, err)
	assert.Len(t, linked, 1, "only the instances asked for, only in that VPC")
	assert.Contains(t, linked, "ins-df454d")
	_, err = c.ClassicLinksOf(context.Background(), "vpc-2ari9m7h", nil)
	assert.ErrorIs(t, err, qerrors.ErrInvalidInput)
}
