package cvm_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/cvm"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
)

// instant is a Clock whose Sleep passes at once.
type instant struct{ now atomic.Int64 }

func (c *instant) Now() time.Time { return time.Unix(0, c.now.Load()) }

func (c *instant) Sleep(_ context.Context, d time.Duration) error {
	c.now.Add(int64(d))
	return nil
}

// RunInstancesAndWait waits on the instances' latest operation: still
// running at the first poll, then ended, or failed.
func TestRunInstancesAndWait(t *testing.T) {
	t.Parallel()
	for _, final := range []string{cvm.OperationSucceeded, cvm.OperationFailed} {
		var polls atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			_, _ = io.Copy(io.Discard, r.Body)
			if r.Header.Get("X-Tc-Action") == "RunInstances" {
				_, _ = io.WriteString(w, `{"Response":{"InstanceIdSet":["ins-00000001","ins-00000002"],"RequestId":"r"}}`)
				return
			}
			second := cvm.OperationRunning
			if polls.Add(1) > 1 {
				second = final
			}
			_ = json.NewEncoder(w).Encode(map[string]any{"Response": map[string]any{"TotalCount": 2, "RequestId": "r", "InstanceSet": []map[string]any{
				{"InstanceId": "ins-00000001", "LatestOperation": "RunInstances", "LatestOperationState": cvm.OperationSucceeded},
				{"InstanceId": "ins-00000002", "LatestOperation": "RunInstances", "LatestOperationState": second},
			}}})
		}))
		t.Cleanup(srv.Close)
		c, err := cvm.NewClient(auth.NewCredential("AKIDx", "key"), "ap-guangzhou", common.WithEndpoint(srv.URL))
		require.NoError(t, err)
		out, set, err := c.RunInstancesAndWait(t.Context(), &cvm.RunInstancesInput{}, common.WithClock(&instant{}))
		require.NotNil(t, out)
		assert.Equal(t, []string{"ins-00000001", "ins-00000002"}, out.InstanceIDSet)
		assert.Equal(t, int32(2), polls.Load())
		if final == cvm.OperationFailed {
			var failed *qerrors.TaskFailedError
			require.ErrorAs(t, err, &failed)
			assert.Equal(t, "ins-00000002", failed.TaskID)
			continue
		}
		require.NoError(t, err)
		assert.Len(t, set, 2)
	}
	_, err := (&cvm.Client{}).WaitForInstances(t.Context(), nil)
	assert.ErrorIs(t, err, qerrors.ErrInvalidInput)
	_, _, err = (&cvm.Client{}).RunInstancesAndWait(t.Context(), nil, common.WithMaxWait(0))
	assert.ErrorIs(t, err, qerrors.ErrInvalidInput)
}
