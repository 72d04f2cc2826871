package vpctest_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

var attachOne = &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-df454d"}}

// linked reports how many links the fake lists.
func linked(t *testing.T, c *vpc.Client) int {
	t.Helper()
	out, err := c.DescribeVpcClassicLink(t.Context(), nil)
	require.NoError(t, err)
	return out.TotalCount
}

func TestFaultAPIErrorThenNormal(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	require.NoError(t, srv.InjectFault(vpctest.ActionAttachClassicLinkVpc, 2, vpctest.Fault{Code: 4400, CodeDesc: "RequestLimitExceeded", Message: "slow down"}))
	c := client(t, srv)
	out, err := c.AttachClassicLinkVpc(t.Context(), attachOne)
	require.NoError(t, err, "two throttled answers, then the retry goes through")
	assert.Positive(t, out.TaskID)
	assert.Equal(t, 3, srv.RequestCount("AttachClassicLinkVpc"))

	require.NoError(t, srv.InjectFault(vpctest.ActionAttachClassicLinkVpc, 1, vpctest.Fault{Code: 4000, CodeDesc: "InstanceLimitExceeded", Message: "full"}))
	_, err = c.AttachClassicLinkVpc(t.Context(), &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{"ins-1a2b3c4d"}})
	assert.ErrorIs(t, err, qerrors.ErrInstanceLimitExceeded)
}

func TestFaultHTTPStatus(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	require.NoError(t, srv.InjectFault(vpctest.ActionDescribeVpcClassicLink, 1, vpctest.Fault{HTTPStatus: http.StatusServiceUnavailable}))
	c := client(t, srv)
	assert.Zero(t, linked(t, c))
	assert.Equal(t, 2, srv.RequestCount("DescribeVpcClassicLink"))

	require.NoError(t, srv.InjectFault("", 10, vpctest.Fault{HTTPStatus: http.StatusBadGateway}))
	_, err := c.DescribeVpcClassicLink(t.Context(), nil)
	var se *qerrors.StatusError
	require.True(t, errors.As(err, &se), "%v", err)
	assert.Equal(t, http.StatusBadGateway, se.StatusCode)
	assert.Contains(t, se.Body, "Bad Gateway")
}

func TestFaultMalformed(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	require.NoError(t, srv.InjectFault(vpctest.ActionAttachClassicLinkVpc, 1, vpctest.Fault{Malformed: true}))
	fresh, err := vpc.NewClient(srv.Credential(), "ap-guangzhou", common.WithEndpoint(srv.URL()))
	require.NoError(t, err)
	_, err = fresh.AttachClassicLinkVpc(t.Context(), attachOne)
	assert.ErrorIs(t, err, qerrors.ErrMalformedResponse)
}

func TestFaultDelay(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	require.NoError(t, srv.InjectFault(vpctest.ActionDescribeVpcClassicLink, 1, vpctest.Fault{Delay: time.Minute}))
	c := client(t, srv, common.WithTimeout(500*time.Millisecond))
	assert.Zero(t, linked(t, c), "the timed-out attempt is retried")
	assert.Equal(t, 2, srv.RequestCount("DescribeVpcClassicLink"))

	require.NoError(t, srv.InjectFault(vpctest.ActionDescribeVpcClassicLink, 1, vpctest.Fault{Delay: 10 * time.Millisecond}))
	assert.Zero(t, linked(t, client(t, srv)), "a short delay, then a normal answer")
}

func TestFaultDropBeforeRead(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	c := client(t, srv)
	require.NoError(t, srv.InjectFault(vpctest.ActionDescribeVpcClassicLink, 1, vpctest.Fault{Drop: vpctest.DropBeforeRead}))
	assert.Zero(t, linked(t, c), "an idempotent call is retried after a dropped connection")

	// A new client, so that net/http has no reused connection that it would
	// re-send the GET on by itself.
	require.NoError(t, srv.InjectFault(vpctest.ActionAttachClassicLinkVpc, 1, vpctest.Fault{Drop: vpctest.DropBeforeRead}))
	fresh, err := vpc.NewClient(srv.Credential(), "ap-guangzhou", common.WithEndpoint(srv.URL()))
	require.NoError(t, err)
	_, err = fresh.AttachClassicLinkVpc(t.Context(), attachOne)
	assert.ErrorIs(t, err, qerrors.ErrOutcomeUnknown, "the client cannot tell this from a drop after acting")
	assert.Equal(t, 1, srv.RequestCount("AttachClassicLinkVpc"))
	_, err = c.AttachClassicLinkVpcAndWait(t.Context(), attachOne, vpc.WithPollInterval(time.Millisecond, time.Millisecond))
	assert.NoError(t, err, "nothing was done by the dropped request")
}

func TestFaultDropAfterRead(t *testing.T) {
	t.Parallel()
	srv := newServer(t, vpctest.WithTaskPolls(0))
	c := client(t, srv)
	require.NoError(t, srv.InjectFault(vpctest.ActionAttachClassicLinkVpc, 1, vpctest.Fault{Drop: vpctest.DropAfterRead}))
	_, err := c.AttachClassicLinkVpc(t.Context(), attachOne)
	require.ErrorIs(t, err, qerrors.ErrOutcomeUnknown)
	assert.Equal(t, 1, srv.RequestCount("AttachClassicLinkVpc"), "never repeated blindly")

	// The attach did happen: trying again says so.
	_, err = c.DescribeVpcTaskResult(t.Context(), "135254")
	require.NoError(t, err)
	_, err = c.AttachClassicLinkVpc(t.Context(), attachOne)
	assert.ErrorIs(t, err, qerrors.ErrInstanceAlreadyLinked)
}

func TestFaultForAnyActionAndOrder(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	require.NoError(t, srv.InjectFault("", 1, vpctest.Fault{Code: 4000, CodeDesc: "Second"}))
	require.NoError(t, srv.InjectFault(vpctest.ActionDescribeVpcClassicLink, 1, vpctest.Fault{Code: 4000, CodeDesc: "First"}))

	for _, want := range []string{"First", "Second", "Success"} {
		assert.Equal(t, want, call(t, srv, "DescribeVpcClassicLink").desc())
	}
}

func TestQuirkStringNumbers(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	srv.SetQuirks(vpctest.Quirks{StringNumbers: true})
	e := call(t, srv, "AttachClassicLinkVpc", "vpcId", "vpc-2ari9m7h", "instanceIds.0", "ins-df454d")
	assert.Equal(t, "0", e["code"])
	assert.Equal(t, "135254", e["taskId"])
	e = call(t, srv, "DescribeVpcClassicLink")
	assert.Equal(t, "0", e["totalCount"])
	e = call(t, srv, "DescribeVpcClassicLink", "limit", "99")
	assert.Equal(t, "4000", e["code"])
}

func TestRequestRecordMasksSecrets(t *testing.T) {
	t.Parallel()
	srv := newServer(t, vpctest.WithCredential(temporary))
	c, err := vpc.NewClient(temporary, "ap-guangzhou", common.WithAPI(common.API2), common.WithEndpoint(srv.URL()))
	require.NoError(t, err)
	_, err = c.AttachClassicLinkVpc(t.Context(), attachOne)
	require.NoError(t, err)
	reqs := srv.Requests()
	require.Len(t, reqs, 1)
	r := reqs[0]
	assert.Equal(t, "AttachClassicLinkVpc", r.Action)
	assert.Equal(t, http.MethodGet, r.Method)
	for _, k := range []string{"SecretId", "Token", "Signature"} {
		assert.Equal(t, "***", r.Params.Get(k), k)
	}
	assert.Equal(t, "ins-df454d", r.Params.Get("instanceIds.0"))
	dump := fmt.Sprintf("%v %+v %#v %v %+v %#v", reqs, reqs, reqs, srv, srv, srv)
	assert.Contains(t, dump, srv.URL())
	for _, secret := range []string{temporary.SecretID, temporary.SecretKey, temporary.Token} {
		assert.NotContains(t, dump, secret)
	}
}

func TestConcurrentClients(t *testing.T) {
	t.Parallel()
	const clients = 32
	srv := newServer(t, vpctest.WithTaskPolls(1))
	for i := range clients {
		require.NoError(t, srv.AddInstance(vpctest.Instance{ID: fmt.Sprintf("ins-c%07d", i), LanIP: fmt.Sprintf("10.90.0.%d", i+1), Region: "ap-guangzhou"}))
	}
	ctx := context.Background()
	errs := make(chan error, clients)
	for i := range clients {
		go func() {
			c, err := vpc.NewClient(srv.Credential(), "ap-guangzhou", common.WithEndpoint(srv.URL()))
			if err != nil {
				errs <- err
				return
			}
			in := &vpc.AttachClassicLinkVpcInput{VpcID: "vpc-2ari9m7h", InstanceIDs: []string{fmt.Sprintf("ins-c%07d", i)}}
			if _, err := c.AttachClassicLinkVpcAndWait(ctx, in, vpc.WithPollInterval(time.Millisecond, 5*time.Millisecond)); err != nil {
				errs <- err
				return
			}
			_, err = c.DescribeVpcClassicLink(ctx, &vpc.DescribeVpcClassicLinkInput{LanIP: fmt.Sprintf("10.90.0.%d", i+1)})
			errs <- err
		}()
	}
	for range clients {
		assert.NoError(t, <-errs)
	}
	assert.Equal(t, clients, linked(t, client(t, srv)))
}

// A fault that cannot apply is refused, so that a fault test cannot pass
// without testing anything.
func TestInjectFaultRefusesMistakes(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	for _, tt := range []struct {
		action string
		times  int
		f      vpctest.Fault
		want   string
	}{
		{"AttachClassicLinkVPC", 1, vpctest.Fault{Code: 4400}, `unknown action "AttachClassicLinkVPC"`},
		{vpctest.ActionAttachClassicLinkVpc, 1, vpctest.Fault{}, "the empty Fault changes nothing"},
		{vpctest.ActionAttachClassicLinkVpc, 0, vpctest.Fault{Code: 4400}, "times 0"},
		{"", 1, vpctest.Fault{HTTPStatus: 42}, "not an HTTP status"},
		{"", 1, vpctest.Fault{Message: "slow down"}, "a Message needs a Code or a CodeDesc"},
		{"", 1, vpctest.Fault{Drop: 7}, "unknown Drop"},
		{"", 1, vpctest.Fault{Delay: -time.Second}, "negative Delay"},
	} {
		err := srv.InjectFault(tt.action, tt.times, tt.f)
		require.Error(t, err)
		assert.Contains(t, err.Error(), tt.want)
	}
	assert.Equal(t, "0", call(t, srv, "DescribeVpcClassicLink").code(), "none of them was armed")
}

// A fault applies to an action under both protocols' names, and a 3.0 code
// alone makes a fault of both protocols.
func TestFaultsOfBothProtocols(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		action string
		fault  vpctest.Fault
		api    common.API
		want   error
		want2  int // the 2.0 numeric code
	}{
		{"2.0 name, 3.0 client", vpctest.ActionDescribeVpcClassicLink, vpctest.Fault{CodeDesc: "ResourceInUse"}, common.API3, qerrors.ErrActionLocked, 0},
		{"3.0 name, 2.0 client", vpctest.ActionDescribeClassicLinkInstances, vpctest.Fault{CodeDesc: "InvalidParameter.Bad"}, common.API2, qerrors.ErrInvalidParameter, 4000},
		{"3.0 code alone, 3.0 client", vpctest.ActionAttachClassicLinkVpc, vpctest.Fault{CodeDesc: "UnauthorizedOperation"}, common.API3, qerrors.ErrAuthFailure, 0},
		{"3.0 code alone, 2.0 client", vpctest.ActionAttachClassicLinkVpc, vpctest.Fault{CodeDesc: "AuthFailure.SecretIdNotFound"}, common.API2, qerrors.ErrAuthFailure, 4100},
		{"throttled, 2.0 client", vpctest.ActionDescribeVpcClassicLink, vpctest.Fault{CodeDesc: "RequestLimitExceeded"}, common.API2, qerrors.ErrQuotaExceeded, 4400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t)
			c := client(t, srv, common.WithAPI(tt.api), common.WithMaxRetries(0))
			require.NoError(t, srv.InjectFault(tt.action, 1, tt.fault))
			var err error
			if tt.action == vpctest.ActionAttachClassicLinkVpc {
				_, err = c.AttachClassicLinkVpc(t.Context(), attachOne)
			} else {
				_, err = c.DescribeVpcClassicLink(t.Context(), nil)
			}
			require.ErrorIs(t, err, tt.want)
			var apiErr *qerrors.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tt.want2, apiErr.Code)
			assert.Contains(t, apiErr.CodeDesc, tt.fault.CodeDesc)
		})
	}
}
