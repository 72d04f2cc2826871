package core

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/common"
)

// observe tells the client's Observer about the attempt that just ended
// with resp or err, once the retry policy has decided (retry). What it
// passes on comes from the envelope (codes, RequestId), scrubbed like any
// error text; never a parameter, credential or signature.
func (c *Client) observe(ctx context.Context, st *callState, resp *http.Response, err error, retry bool) {
	a := common.Attempt{Service: c.service.Name, Action: st.action, Number: int(st.attempts.Load()),
		Duration: time.Since(st.sentAt), Retry: retry}
	switch {
	case err != nil:
		a.Outcome = common.OutcomeTransport
	case resp.StatusCode != http.StatusOK:
		a.StatusCode, a.Outcome = resp.StatusCode, common.OutcomeHTTPError
	default:
		a.StatusCode = resp.StatusCode
		ans := &st.answer // read by decideRetry: a 200 always is
		switch {
		case ans.readErr != nil:
			a.Outcome = common.OutcomeTransport
		case ans.err != nil:
			a.Outcome = common.OutcomeMalformed
		case ans.env.apiErr != nil:
			e := ans.env.apiErr
			a.Outcome, a.RequestID, a.ErrorCode = common.OutcomeAPIError, e.RequestID, st.secrets.scrub(e.CodeDesc)
			if a.ErrorCode == "" {
				a.ErrorCode = strconv.Itoa(e.Code)
			}
		default:
			a.Outcome, a.RequestID = common.OutcomeSuccess, ans.env.requestID
		}
	}
	c.observer(ctx, a)
}
