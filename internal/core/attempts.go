package core

import (
	"io"
	"net/http"
	"time"
)

// drainLimit bounds what is read of an answer that is retried, so that its
// connection can be reused; a longer one is closed.
const drainLimit = 4096

// send runs the attempts of one call on req: each goes through the
// http.Client (whose transport, the signer, signs it), checkRetry judges it,
// and after a backoff the next follows, for as long as the policy says.
// It returns the last attempt's answer and error (checkRetry's, if it gave
// one); a context ended during a backoff returns its error alone.
func (c *Client) send(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	for attempt := 0; ; attempt++ {
		resp, err := c.http.Do(req)
		retry, checkErr := c.checkRetry(ctx, resp, err)
		if checkErr != nil {
			err = checkErr
		}
		if !retry {
			return resp, err
		}
		if resp != nil {
			_, _ = io.CopyN(io.Discard, resp.Body, drainLimit)
			resp.Body.Close()
		}
		timer := time.NewTimer(backoff(c.retryWaitMin, c.retryWaitMax, attempt, resp))
		select {
		case <-ctx.Done():
			timer.Stop()
			return nil, ctx.Err()
		case <-timer.C:
		}
		// Each attempt has its own copy: net/http may still be closing the
		// last one's body on another goroutine.
		next := *req
		if c.jar {
			// net/http added the jar's cookies to the header the last
			// attempt had: each one starts from an empty one.
			next.Header = make(http.Header)
		}
		req = &next
	}
}
