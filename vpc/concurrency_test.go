package vpc_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/vpc"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

// One Client shared by 32 goroutines, each with its own instance, under -race.
func TestClientIsSafeForConcurrentUse(t *testing.T) {
	t.Parallel()
	const workers = 32
	srv, c := newFake(t, vpctest.WithTaskPolls(1))
	for i := range workers {
		require.NoError(t, srv.AddInstance(vpctest.Instance{ID: fmt.Sprintf("ins-s%07d", i),
			LanIP: fmt.Sprintf("10.91.0.%d", i+1), Region: "ap-guangzhou"}))
	}
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make([]error, workers)
	for i := range workers {
		wg.Go(func() {
			id := fmt.Sprintf("ins-s%07d", i)
			if _, errs[i] = c.AttachClassicLinkVpcAndWait(ctx, &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{id}},
				vpc.WithPollInterval(time.Millisecond, 5*time.Millisecond)); errs[i] != nil {
				return
			}
			var out *vpc.DescribeVpcClassicLinkOutput
			if out, errs[i] = c.DescribeVpcClassicLink(ctx, &vpc.DescribeVpcClassicLinkInput{LanIP: fmt.Sprintf("10.91.0.%d", i+1)}); errs[i] == nil && out.TotalCount != 1 {
				errs[i] = fmt.Errorf("%s: %d links", id, out.TotalCount)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		assert.NoError(t, err)
	}
	n := 0
	for _, err := range c.ClassicLinks(ctx, nil) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, workers, n)
}
