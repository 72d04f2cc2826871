package vpc_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
)

// taskServer answers an action that starts a task, then the task queries:
// running at the first poll, then status.
func taskServer(t *testing.T, status string) (*httptest.Server, *atomic.Int32) {
	var polls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		switch r.Header.Get("X-TC-Action") {
		case "DescribeVpcTaskResult":
			s := "RUNNING"
			if polls.Add(1) > 1 {
				s = status
			}
			_ = json.NewEncoder(w).Encode(map[string]any{"Response": map[string]any{"Status": s, "Output": "", "RequestId": "poll"}})
		case "DescribeTaskResult":
			s := "RUNNING"
			if polls.Add(1) > 1 {
				s = status
			}
			_ = json.NewEncoder(w).Encode(map[string]any{"Response": map[string]any{"TaskId": 42, "Result": s, "RequestId": "poll"}})
		case "AllocateAddresses":
			_, _ = io.WriteString(w, `{"Response":{"AddressSet":["eip-1"],"TaskId":"42","RequestId":"req-alloc"}}`)
		default:
			_, _ = io.WriteString(w, `{"Response":{"RequestId":"req-start"}}`)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &polls
}

// The generated AndWait methods wait for the task of their action: by the
// call's RequestId on DescribeVpcTaskResult, or by the answer's TaskId on
// DescribeTaskResult; a failed task is ErrTaskFailed.
func TestGeneratedWaiters(t *testing.T) {
	t.Parallel()
	for _, status := range []string{"SUCCESS", "FAILED"} {
		srv, polls := taskServer(t, status)
		c, err := vpc.NewClient(auth.NewCredential("AKIDx", "key"), "ap-guangzhou", common.WithEndpoint(srv.URL))
		require.NoError(t, err)

		out, res, err := c.DeleteNetworkInterfaceAndWait(t.Context(), &vpc.DeleteNetworkInterfaceInput{NetworkInterfaceID: "eni-1"}, instant())
		require.NotNil(t, out)
		assert.Equal(t, "req-start", out.RequestID)
		require.NotNil(t, res)
		assert.Equal(t, vpc.TaskID("req-start"), res.TaskID)
		assert.Equal(t, int32(2), polls.Swap(0))
		if status == "FAILED" {
			assert.ErrorIs(t, err, qerrors.ErrTaskFailed)
		} else {
			require.NoError(t, err)
			assert.Equal(t, vpc.TaskSucceeded, res.Status)
		}

		alloc, res, err := c.AllocateAddressesAndWait(t.Context(), &vpc.AllocateAddressesInput{}, instant())
		require.NotNil(t, alloc)
		assert.Equal(t, []string{"eip-1"}, alloc.AddressSet)
		require.NotNil(t, res)
		assert.Equal(t, vpc.TaskID("42"), res.TaskID)
		assert.Equal(t, int32(2), polls.Load())
		if status == "FAILED" {
			assert.ErrorIs(t, err, qerrors.ErrTaskFailed)
		} else {
			require.NoError(t, err)
		}
	}
	_, _, err := (&vpc.Client{}).AllocateAddressesAndWait(t.Context(), nil, vpc.WithMaxWait(-1))
	assert.ErrorIs(t, err, qerrors.ErrInvalidInput, "wait options are checked before anything is sent")
}
