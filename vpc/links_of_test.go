package vpc_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
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

// A server that claims more links than a VPC holds, or repeats a page,
// cannot make ClassicLinksOf (or the iterator) page on forever.
func TestClassicLinksOfStopsOnImpossiblePages(t *testing.T) {
	t.Parallel()
	page := func(total int, ids ...string) string {
		var set []string
		for _, id := range ids {
			set = append(set, fmt.Sprintf(`{"VpcId":"vpc-2ari9m7h","InstanceId":%q}`, id))
		}
		return fmt.Sprintf(`{"Response":{"TotalCount":%d,"ClassicLinkInstanceSet":[%s],"RequestId":"r-1"}}`, total, strings.Join(set, ","))
	}
	tests := []struct {
		name   string
		answer func(n int) string
		vpc    string
	}{
		{"10^12 links in one VPC", func(int) string { return page(1_000_000_000_000, "ins-aaaaaaaa") }, "vpc-2ari9m7h"},
		{"a repeated page", func(int) string { return page(90, "ins-aaaaaaaa", "ins-bbbbbbbb") }, ""},
		{"an instance listed again later", func(n int) string {
			return page(90, fmt.Sprintf("ins-%08d", n), "ins-aaaaaaaa")
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var calls atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				_, _ = io.WriteString(w, tt.answer(int(calls.Add(1))))
			}))
			t.Cleanup(srv.Close)
			c, err := vpc.NewClient(auth.NewCredential("AKIDx", "key"), "ap-guangzhou", common.WithEndpoint(srv.URL))
			require.NoError(t, err)
			var iterErr error
			for _, err := range c.ClassicLinks(t.Context(), &vpc.DescribeVpcClassicLinkInput{VpcID: tt.vpc, Limit: 2}) {
				iterErr = err
			}
			assert.ErrorIs(t, iterErr, qerrors.ErrMalformedResponse)
			assert.LessOrEqual(t, calls.Load(), int32(2))
			if tt.vpc != "" {
				_, err = c.ClassicLinksOf(t.Context(), tt.vpc, []string{"ins-aaaaaaaa"})
				assert.ErrorIs(t, err, qerrors.ErrMalformedResponse)
			}
		})
	}
}
