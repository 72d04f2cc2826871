package core_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
	"github.com/qcloudkit/qcloud-sdk-go/internal/testsig"
)

// seen3 is one API 3.0 request as the test server received it.
type seen3 struct {
	Method, Query, Body string
	Header              http.Header
	Form                url.Values // the v1 signature's parameters
	SigErr              error
}

// server3 records API 3.0 requests, checks their signature with testsig
// (written apart from auth and core) and answers the n-th with respond.
type server3 struct {
	*httptest.Server
	reqs recorder[seen3]
}

func newServer3(t *testing.T, respond func(n int, w http.ResponseWriter)) *server3 {
	t.Helper()
	s := &server3{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rec := seen3{Method: r.Method, Query: r.URL.RawQuery, Body: string(body), Header: r.Header.Clone()}
		if r.Header.Get("Authorization") != "" {
			id, err := testsig.VerifyTC3(r, body, testKey, "vpc")
			if err == nil && id != testID {
				err = assert.AnError
			}
			rec.SigErr = err
		} else {
			raw := r.URL.RawQuery
			if r.Method == http.MethodPost {
				raw = string(body)
			}
			rec.Form, _ = url.ParseQuery(raw)
			rec.SigErr = testsig.Verify(r, rec.Form, testKey)
		}
		respond(s.reqs.add(rec), w)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *server3) requests() []seen3 { return s.reqs.all() }

// attach3 is AttachClassicLinkVpc's 3.0 parameters as vpc sends them.
type attach3 struct {
	VpcID       string   `json:"VpcId"`
	InstanceIDs []string `json:"InstanceIds"`
}

type filter3 struct {
	Name   string   `json:"Name"`
	Values []string `json:"Values"`
}

type describe3 struct {
	Filters []filter3 `json:"Filters,omitempty"`
	Offset  string    `json:"Offset,omitempty"`
	Limit   string    `json:"Limit,omitempty"`
}

var describe3Op = core.Operation{Action: "DescribeVpcClassicLink", Action3: "DescribeClassicLinkInstances", Idempotent: true}

func newClient3(t *testing.T, endpoint string, cred auth.Credential, opts ...common.Option) *core.Client {
	t.Helper()
	c, err := core.New(vpcService, cred, "ap-guangzhou",
		append([]common.Option{common.WithAPI(common.API3), common.WithEndpoint(endpoint), fastRetries}, opts...)...)
	require.NoError(t, err)
	return c
}

func TestCallWireAPI3(t *testing.T) {
	t.Parallel()
	in := attach3{VpcID: "vpc-gjui0b5t", InstanceIDs: []string{"ins-0x5msjda", "ins-r8hr2upy"}}
	for _, token := range []string{"", testToken} {
		for _, tt := range []struct {
			name   string
			opts   []common.Option
			method string
		}{
			{"TC3 POST JSON (the default)", nil, http.MethodPost},
			{"TC3 GET", []common.Option{common.WithHTTPMethod(http.MethodGet)}, http.MethodGet},
			{"v1 HmacSHA256 POST form", []common.Option{common.WithSignatureMethod(auth.HmacSHA256)}, http.MethodPost},
			{"v1 HmacSHA1 GET", []common.Option{common.WithSignatureMethod(auth.HmacSHA1), common.WithHTTPMethod(http.MethodGet)}, http.MethodGet},
		} {
			t.Run(tt.name+"/token="+strconv.FormatBool(token != ""), func(t *testing.T) {
				t.Parallel()
				srv := newServer3(t, answer(`{"Response":{"RequestId":"req-1"}}`))
				c := newClient3(t, srv.URL, auth.NewTokenCredential(testID, testKey, token), tt.opts...)
				env, err := c.Do(context.Background(), &core.Request{Op: attach, Params: in})
				require.NoError(t, err)
				assert.Equal(t, "req-1", env.RequestID)
				reqs := srv.requests()
				require.Len(t, reqs, 1)
				r := reqs[0]
				assert.NoError(t, r.SigErr)
				assert.Equal(t, tt.method, r.Method)
				if r.Form != nil { // the v1 signature
					assert.Equal(t, "AttachClassicLinkVpc", r.Form.Get("Action"))
					assert.Equal(t, "2017-03-12", r.Form.Get("Version"))
					assert.Equal(t, "ap-guangzhou", r.Form.Get("Region"))
					assert.Equal(t, "vpc-gjui0b5t", r.Form.Get("VpcId"))
					assert.Equal(t, "ins-r8hr2upy", r.Form.Get("InstanceIds.1"))
					assert.Equal(t, token, r.Form.Get("Token"))
					return
				}
				h := r.Header
				assert.Equal(t, "AttachClassicLinkVpc", h.Get("X-TC-Action"))
				assert.Equal(t, "2017-03-12", h.Get("X-TC-Version"))
				assert.Equal(t, "ap-guangzhou", h.Get("X-TC-Region"))
				assert.Equal(t, token, h.Get("X-TC-Token"))
				ts, err := strconv.ParseInt(h.Get("X-TC-Timestamp"), 10, 64)
				require.NoError(t, err)
				assert.InDelta(t, time.Now().Unix(), ts, 5)
				if tt.method == http.MethodPost {
					assert.Equal(t, "application/json", h.Get("Content-Type"), "exactly what is signed, no charset")
					assert.Equal(t, `{"VpcId":"vpc-gjui0b5t","InstanceIds":["ins-0x5msjda","ins-r8hr2upy"]}`, r.Body, "as the official client sends it")
					assert.Empty(t, r.Query)
				} else {
					assert.Equal(t, "application/x-www-form-urlencoded", h.Get("Content-Type"))
					assert.Equal(t, "InstanceIds.0=ins-0x5msjda&InstanceIds.1=ins-r8hr2upy&VpcId=vpc-gjui0b5t", r.Query)
					assert.Empty(t, r.Body)
				}
			})
		}
	}
}

// Filters and string numbers flatten as the service reads a GET query.
func TestCallWireAPI3Flattening(t *testing.T) {
	t.Parallel()
	srv := newServer3(t, answer(`{"Response":{"RequestId":"r","TotalCount":0,"ClassicLinkInstanceSet":[]}}`))
	in := describe3{Filters: []filter3{{Name: "vpc-id", Values: []string{"vpc-gjui0b5t"}}, {Name: "vm-ip", Values: []string{"10.0.0.1", "10.0.0.2"}}},
		Offset: "0", Limit: "20"}
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		c := newClient3(t, srv.URL, testCred, common.WithHTTPMethod(method))
		_, err := c.Do(context.Background(), &core.Request{Op: describe3Op, Params: in})
		require.NoError(t, err)
	}
	reqs := srv.requests()
	require.Len(t, reqs, 2)
	q, err := url.ParseQuery(reqs[0].Query)
	require.NoError(t, err)
	assert.Equal(t, url.Values{"Filters.0.Name": {"vpc-id"}, "Filters.0.Values.0": {"vpc-gjui0b5t"}, "Filters.1.Name": {"vm-ip"},
		"Filters.1.Values.0": {"10.0.0.1"}, "Filters.1.Values.1": {"10.0.0.2"}, "Offset": {"0"}, "Limit": {"20"}}, q)
	assert.Equal(t, "DescribeClassicLinkInstances", reqs[0].Header.Get("X-TC-Action"), "the 3.0 name")
	assert.Equal(t, `{"Filters":[{"Name":"vpc-id","Values":["vpc-gjui0b5t"]},{"Name":"vm-ip","Values":["10.0.0.1","10.0.0.2"]}],"Offset":"0","Limit":"20"}`, reqs[1].Body)
	for _, r := range reqs {
		assert.NoError(t, r.SigErr)
	}
}

// Every retry is re-signed with a later timestamp, even within the same
// second: TC3 has no nonce, so the same timestamp would be the same signature.
func TestRetryAPI3ResignsWithLaterTimestamp(t *testing.T) {
	t.Parallel()
	srv := newServer3(t, func(n int, w http.ResponseWriter) {
		if n < 4 {
			_, _ = io.WriteString(w, `{"Response":{"Error":{"Code":"RequestLimitExceeded","Message":"slow"},"RequestId":"r`+strconv.Itoa(n)+`"}}`)
			return
		}
		_, _ = io.WriteString(w, `{"Response":{"RequestId":"ok"}}`)
	})
	c := newClient3(t, srv.URL, testCred)
	_, err := c.Do(context.Background(), &core.Request{Op: attach, Params: attach3{VpcID: "vpc-1", InstanceIDs: []string{"ins-1"}}})
	require.NoError(t, err)
	reqs := srv.requests()
	require.Len(t, reqs, 4)
	sigs := map[string]bool{}
	var last int64
	for _, r := range reqs {
		assert.NoError(t, r.SigErr)
		sigs[r.Header.Get("Authorization")] = true
		ts, _ := strconv.ParseInt(r.Header.Get("X-TC-Timestamp"), 10, 64)
		assert.Greater(t, ts, last, "every attempt later than the one before")
		last = ts
	}
	assert.Len(t, sigs, 4, "no two attempts carry the same signature")
}

func TestRetryAndDecodeAPI3(t *testing.T) {
	t.Parallel()
	errBody := func(code string) string {
		return `{"Response":{"Error":{"Code":"` + code + `","Message":"m"},"RequestId":"req-9"}}`
	}
	tests := []struct {
		name        string
		op          core.Operation
		body        string
		wantReqs    int
		wantIs      error
		wantUnknown bool
	}{
		{"SignatureExpire is re-signed once, also for Attach", attach, errBody("AuthFailure.SignatureExpire"), 2, qerrors.ErrRequestExpired, false},
		{"SignatureFailure is sent once", describe3Op, errBody("AuthFailure.SignatureFailure"), 1, qerrors.ErrAuthFailure, false},
		{"RequestLimitExceeded is retried", attach, errBody("RequestLimitExceeded.UinLimitExceeded"), 4, qerrors.ErrQuotaExceeded, false},
		{"ServiceUnavailable is retried", attach, errBody("ServiceUnavailable"), 4, qerrors.ErrServiceUnavailable, false},
		{"InternalError is retried for Describe", describe3Op, errBody("InternalError.ModuleError"), 4, qerrors.ErrInternal, false},
		{"InternalError ends Attach, outcome unknown", attach, errBody("InternalError"), 1, qerrors.ErrInternal, true},
		{"ResourceNotFound is sent once", attach, errBody("ResourceNotFound"), 1, qerrors.ErrResourceNotFound, false},
		{"no Response is malformed", describe3Op, `{"RequestId":"x"}`, 1, qerrors.ErrMalformedResponse, false},
		{"no RequestId is malformed", attach, `{"Response":{}}`, 1, qerrors.ErrMalformedResponse, true},
		{"Error without Code is malformed", describe3Op, `{"Response":{"Error":{},"RequestId":"x"}}`, 1, qerrors.ErrMalformedResponse, false},
		{"a 2.0 envelope is malformed under 3.0", describe3Op, `{"code":0}`, 1, qerrors.ErrMalformedResponse, false},
		{"null Response is malformed", describe3Op, `{"Response":null}`, 1, qerrors.ErrMalformedResponse, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer3(t, answer(tt.body))
			_, err := newClient3(t, srv.URL, testCred).Do(context.Background(), &core.Request{Op: tt.op})
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.wantIs)
			assert.Equal(t, tt.wantUnknown, errors.Is(err, qerrors.ErrOutcomeUnknown), "%v", err)
			assert.Len(t, srv.requests(), tt.wantReqs)
			var apiErr *qerrors.APIError
			if errors.As(err, &apiErr) {
				assert.Equal(t, "req-9", apiErr.RequestID)
				assert.Zero(t, apiErr.Code)
				assert.Equal(t, tt.op.Action3 == "", apiErr.Action == tt.op.Action, "the 3.0 action name")
			}
		})
	}
}

// TC3 with API 2.0 cannot be: an option error, before anything is sent.
func TestTC3NeedsAPI3(t *testing.T) {
	t.Parallel()
	_, err := core.New(vpcService, testCred, "ap-guangzhou", common.WithAPI(common.API2), common.WithSignatureMethod(auth.TC3HmacSHA256))
	require.ErrorIs(t, err, qerrors.ErrInvalidInput)
	assert.Contains(t, err.Error(), "needs WithAPI(common.API3)")
	_, err = core.New(vpcService, testCred, "ap-guangzhou", common.WithAPI(7))
	assert.ErrorContains(t, err, "WithAPI: 7")
	_, err = core.New(vpcService, testCred, "ap-guangzhou", common.WithAPI(common.API3), common.WithEndpoint("http://h/v2/index.php"))
	assert.ErrorContains(t, err, "the SDK adds /")
}

// Under TC3 nothing tells a copy of a request from the original, so a
// non-idempotent 3.0 call must never be re-sent by net/http either.
func TestTransportDoesNotResendAPI3Attach(t *testing.T) {
	t.Parallel()
	for _, method := range []string{http.MethodPost, http.MethodGet} {
		srv := newServer3(t, func(n int, w http.ResponseWriter) {
			if n == 2 {
				if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
					conn.Close()
				}
				return
			}
			_, _ = io.WriteString(w, `{"Response":{"RequestId":"r"}}`)
		})
		c := newClient3(t, srv.URL, testCred, common.WithHTTPMethod(method))
		_, err := c.Do(context.Background(), &core.Request{Op: describe3Op})
		require.NoError(t, err)
		_, err = c.Do(context.Background(), &core.Request{Op: attach, Params: attach3{VpcID: "vpc-1", InstanceIDs: []string{"ins-1"}}})
		assert.ErrorIs(t, err, qerrors.ErrOutcomeUnknown, method)
		assert.Len(t, srv.requests(), 2, "%s: the dropped Attach is not sent again", method)
	}
}
