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

// StartInstancesAndWait, StopInstancesAndWait, RebootInstancesAndWait and
// ResetInstancesTypeAndWait wait for their own call's operation: the instances' earlier operation,
// ended, does not end the wait; theirs running does not either.
func TestOperationWaiters(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		action string
		call   func(c *cvm.Client, opts ...common.WaitOption) ([]cvm.Instance, error)
	}{
		{"StartInstances", func(c *cvm.Client, opts ...common.WaitOption) ([]cvm.Instance, error) {
			_, set, err := c.StartInstancesAndWait(t.Context(), &cvm.StartInstancesInput{InstanceIDs: []string{"ins-00000001"}}, opts...)
			return set, err
		}},
		{"StopInstances", func(c *cvm.Client, opts ...common.WaitOption) ([]cvm.Instance, error) {
			_, set, err := c.StopInstancesAndWait(t.Context(), &cvm.StopInstancesInput{InstanceIDs: []string{"ins-00000001"}}, opts...)
			return set, err
		}},
		{"RebootInstances", func(c *cvm.Client, opts ...common.WaitOption) ([]cvm.Instance, error) {
			_, set, err := c.RebootInstancesAndWait(t.Context(), &cvm.RebootInstancesInput{InstanceIDs: []string{"ins-00000001"}}, opts...)
			return set, err
		}},
		{"ResetInstancesType", func(c *cvm.Client, opts ...common.WaitOption) ([]cvm.Instance, error) {
			in := &cvm.ResetInstancesTypeInput{InstanceIDs: []string{"ins-00000001"}, InstanceType: "S5.LARGE8"}
			_, set, err := c.ResetInstancesTypeAndWait(t.Context(), in, opts...)
			return set, err
		}},
	} {
		for _, final := range []string{cvm.OperationSucceeded, cvm.OperationFailed} {
			var polls, calls atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				_, _ = io.Copy(io.Discard, r.Body)
				if r.Header.Get("X-Tc-Action") == tc.action {
					calls.Add(1)
					_, _ = io.WriteString(w, `{"Response":{"RequestId":"req-mine"}}`)
					return
				}
				// The earlier operation, ended; then this call's, running; then ended.
				op, state, req := "RunInstances", cvm.OperationSucceeded, "req-earlier"
				switch polls.Add(1) {
				case 1:
				case 2:
					op, state, req = tc.action, cvm.OperationRunning, "req-mine"
				default:
					op, state, req = tc.action, final, "req-mine"
				}
				_ = json.NewEncoder(w).Encode(map[string]any{"Response": map[string]any{"TotalCount": 1, "RequestId": "r", "InstanceSet": []map[string]any{
					{"InstanceId": "ins-00000001", "LatestOperation": op, "LatestOperationState": state, "LatestOperationRequestId": req},
				}}})
			}))
			t.Cleanup(srv.Close)
			c, err := cvm.NewClient(auth.NewCredential("AKIDx", "key"), "ap-guangzhou", common.WithEndpoint(srv.URL))
			require.NoError(t, err)
			set, err := tc.call(c, common.WithClock(&instant{}))
			assert.Equal(t, int32(1), calls.Load(), tc.action)
			assert.Equal(t, int32(3), polls.Load(), "%s: polls", tc.action)
			if final == cvm.OperationFailed {
				var failed *qerrors.TaskFailedError
				require.ErrorAs(t, err, &failed, tc.action)
				assert.Equal(t, "ins-00000001", failed.TaskID)
				continue
			}
			require.NoError(t, err, tc.action)
			require.Len(t, set, 1)
			assert.Equal(t, "req-mine", set[0].LatestOperationRequestID)
		}
	}
	c := &cvm.Client{}
	_, _, err := c.StartInstancesAndWait(t.Context(), nil)
	assert.ErrorIs(t, err, qerrors.ErrInvalidInput)
	_, _, err = c.StopInstancesAndWait(t.Context(), &cvm.StopInstancesInput{})
	assert.ErrorIs(t, err, qerrors.ErrInvalidInput)
	_, _, err = c.ResetInstancesTypeAndWait(t.Context(), &cvm.ResetInstancesTypeInput{InstanceType: "S5.LARGE8"})
	assert.ErrorIs(t, err, qerrors.ErrInvalidInput)
	_, err = c.WaitForOperation(t.Context(), []string{"ins-00000001"}, "")
	assert.ErrorIs(t, err, qerrors.ErrInvalidInput)
}
