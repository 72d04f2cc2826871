// Package retrytest holds what the tests of several packages share to
// prove the retry policy: every retryable answer of each protocol, and a
// server that answers one request with such an answer before passing the
// rest on to a fake.
package retrytest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync"
	"testing"

	"github.com/qcloudkit/qcloud-sdk-go/common"
)

// Answer is an answer that the retry policy retries; IdempotentOnly
// ones are retried only for actions that are safe to repeat.
type Answer struct {
	Name           string
	API            common.API // 0: either protocol
	Status         int        // an HTTP status; else a 200 with Body
	Body           string
	IdempotentOnly bool
}

// Applies reports whether a is retried for an action of api that is
// idempotent or not.
func (a Answer) Applies(api common.API, idempotent bool) bool {
	return (a.API == 0 || a.API == api) && (idempotent || !a.IdempotentOnly)
}

// FaultRequestID is the RequestId of every injected API 3.0 error answer.
const FaultRequestID = "00000000-fault-0000-0000-000000000000"

func body2(code int, codeDesc string) string {
	return fmt.Sprintf(`{"code":%d,"codeDesc":%q,"message":"try again"}`, code, codeDesc)
}

func body3(code string) string {
	return fmt.Sprintf(`{"Response":{"Error":{"Code":%q,"Message":"try again"},"RequestId":%q}}`, code, FaultRequestID)
}

// Answers are every answer that is retried, under each protocol.
var Answers = []Answer{
	{Name: "HTTP 429", Status: http.StatusTooManyRequests},
	{Name: "HTTP 503", Status: http.StatusServiceUnavailable},
	{Name: "HTTP 502", Status: http.StatusBadGateway, IdempotentOnly: true},
	{Name: "HTTP 500", Status: http.StatusInternalServerError, IdempotentOnly: true},
	{Name: "HTTP 504", Status: http.StatusGatewayTimeout, IdempotentOnly: true},
	{Name: "4200", API: common.API2, Body: body2(4200, "RequestExpired")},
	{Name: "4400", API: common.API2, Body: body2(4400, "RequestLimitExceeded")},
	{Name: "4500", API: common.API2, Body: body2(4500, "ReplayAttack"), IdempotentOnly: true},
	{Name: "5100", API: common.API2, Body: body2(5100, "OperationFailed")},
	{Name: "6000", API: common.API2, Body: body2(6000, "InternalError"), IdempotentOnly: true},
	{Name: "6200", API: common.API2, Body: body2(6200, "ServiceUnavailable")},
	{Name: "ActionLocked", API: common.API2, Body: body2(4000, "ActionLocked")},
	{Name: "ServiceUnavailable", API: common.API2, Body: body2(4000, "ServiceUnavailable")},
	{Name: "RequestLimitExceeded", API: common.API3, Body: body3("RequestLimitExceeded")},
	{Name: "RequestLimitExceeded.UinLimitExceeded", API: common.API3, Body: body3("RequestLimitExceeded.UinLimitExceeded")},
	{Name: "AuthFailure.SignatureExpire", API: common.API3, Body: body3("AuthFailure.SignatureExpire")},
	{Name: "ServiceUnavailable", API: common.API3, Body: body3("ServiceUnavailable")},
	{Name: "ResourceUnavailable", API: common.API3, Body: body3("ResourceUnavailable")},
	{Name: "ResourceInUse", API: common.API3, Body: body3("ResourceInUse")},
	{Name: "InternalError", API: common.API3, Body: body3("InternalError"), IdempotentOnly: true},
	{Name: "InternalError.DbError", API: common.API3, Body: body3("InternalError.DbError"), IdempotentOnly: true},
}

// Front stands in front of a fake: it answers the next request with a
// fault, then passes every request on unchanged (the Host header included,
// so signatures still verify), and counts them.
type Front struct {
	*httptest.Server
	mu    sync.Mutex
	fault *Answer
	seen  int
}

// NewFront starts a Front before the server at backend, closed with t.
func NewFront(t *testing.T, backend string) *Front {
	t.Helper()
	target, err := url.Parse(backend)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	f := &Front{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		fault := f.fault
		f.fault = nil
		f.seen++
		f.mu.Unlock()
		switch {
		case fault == nil:
			proxy.ServeHTTP(w, r)
		case fault.Status != 0:
			http.Error(w, "injected", fault.Status)
		default:
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(fault.Body))
		}
	}))
	t.Cleanup(f.Close)
	return f
}

// Arm injects fault into the next request and resets the count.
func (f *Front) Arm(fault *Answer) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fault, f.seen = fault, 0
}

// Requests returns how many requests arrived since Arm.
func (f *Front) Requests() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.seen
}
