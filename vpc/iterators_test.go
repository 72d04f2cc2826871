package vpc_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
)

// subnetPages serves DescribeSubnets from subnets, a page of two at the
// Offset each request sends, and the total count.
func subnetPages(t *testing.T, subnets []map[string]string) *vpc.Client {
	c, _ := countedSubnetPages(t, subnets)
	return c
}

// countedSubnetPages is subnetPages that also counts the requests.
func countedSubnetPages(t *testing.T, subnets []map[string]string) (*vpc.Client, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		var in struct{ Offset string }
		b, _ := io.ReadAll(r.Body)
		require.NoError(t, json.Unmarshal(b, &in))
		off, _ := strconv.Atoi(in.Offset)
		end := min(off+2, len(subnets))
		_ = json.NewEncoder(w).Encode(map[string]any{"Response": map[string]any{
			"TotalCount": len(subnets), "SubnetSet": subnets[min(off, end):end], "RequestId": "r"}})
	}))
	t.Cleanup(srv.Close)
	c, err := vpc.NewClient(auth.NewCredential("AKIDx", "key"), "ap-guangzhou", common.WithEndpoint(srv.URL), common.WithMaxRetries(0))
	require.NoError(t, err)
	return c, &n
}

// Items that share a parent's id (the subnets of one VPC) are not a
// repeated page: an iterator tells items apart by their own id only.
func TestIteratorKeysItemsByTheirOwnID(t *testing.T) {
	t.Parallel()
	var subnets []map[string]string
	for i := range 5 {
		subnets = append(subnets, map[string]string{"SubnetId": fmt.Sprintf("subnet-%08d", i), "VpcId": "vpc-shared01"})
	}
	var got []string
	for s, err := range subnetPages(t, subnets).DescribeSubnetsAll(t.Context(), nil) {
		require.NoError(t, err)
		got = append(got, s.SubnetID)
	}
	assert.Equal(t, []string{"subnet-00000000", "subnet-00000001", "subnet-00000002", "subnet-00000003", "subnet-00000004"}, got)

	// The same subnet on two pages is a repeated page.
	subnets[2]["SubnetId"] = "subnet-00000000"
	var errs []error
	for _, err := range subnetPages(t, subnets).DescribeSubnetsAll(t.Context(), nil) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], qerrors.ErrMalformedResponse)
}

// An iterator is a sequence that can be ranged over again: each range
// starts from the input's own Offset, whatever the last one reached.
func TestIteratorRangesAgainFromTheStart(t *testing.T) {
	t.Parallel()
	var subnets []map[string]string
	for i := range 5 {
		subnets = append(subnets, map[string]string{"SubnetId": fmt.Sprintf("subnet-%08d", i)})
	}
	all := subnetPages(t, subnets).DescribeSubnetsAll(t.Context(), &vpc.DescribeSubnetsInput{Offset: common.Some("1")})
	for range 2 {
		var got []string
		for s, err := range all {
			require.NoError(t, err)
			got = append(got, s.SubnetID)
		}
		assert.Equal(t, []string{"subnet-00000001", "subnet-00000002", "subnet-00000003", "subnet-00000004"}, got)
	}
}

func numberedSubnets(n int) []map[string]string {
	var subnets []map[string]string
	for i := range n {
		subnets = append(subnets, map[string]string{"SubnetId": fmt.Sprintf("subnet-%08d", i)})
	}
	return subnets
}

// A caller that stops ranging stops the paging: no page past the one whose
// item it stopped at is fetched.
func TestIteratorStopsWhenTheCallerStops(t *testing.T) {
	t.Parallel()
	c, requests := countedSubnetPages(t, numberedSubnets(6))
	n := 0
	for _, err := range c.DescribeSubnetsAll(t.Context(), nil) {
		require.NoError(t, err)
		if n++; n == 3 { // the first item of the second page
			break
		}
	}
	assert.Equal(t, int32(2), requests.Load())
}

// Before any page, an Offset that is not a number and an ended context are
// yielded as the one error, with nothing sent.
func TestIteratorErrorsBeforeTheFirstPage(t *testing.T) {
	t.Parallel()
	ended, cancel := context.WithCancel(t.Context())
	cancel()
	tests := []struct {
		name   string
		ctx    context.Context
		offset common.Value[string]
		want   error
	}{
		{"offset not a number", t.Context(), common.Some("ten"), qerrors.ErrInvalidInput},
		{"context ended", ended, common.Value[string]{}, context.Canceled},
	}
	for _, tt := range tests {
		c, requests := countedSubnetPages(t, numberedSubnets(3))
		var errs []error
		for s, err := range c.DescribeSubnetsAll(tt.ctx, &vpc.DescribeSubnetsInput{Offset: tt.offset}) {
			assert.Zero(t, s, tt.name)
			errs = append(errs, err)
		}
		require.Len(t, errs, 1, tt.name)
		assert.ErrorIs(t, errs[0], tt.want, tt.name)
		assert.Zero(t, requests.Load(), tt.name)
	}
}

// The input is read when a range begins, as the doc comment says.
func TestIteratorReadsItsInputWhenARangeBegins(t *testing.T) {
	t.Parallel()
	in := &vpc.DescribeSubnetsInput{Offset: common.Some("1")}
	all := subnetPages(t, numberedSubnets(5)).DescribeSubnetsAll(t.Context(), in)
	in.Offset = common.Some("3")
	var got []string
	for s, err := range all {
		require.NoError(t, err)
		got = append(got, s.SubnetID)
	}
	assert.Equal(t, []string{"subnet-00000003", "subnet-00000004"}, got)
}

// A page that fails ends the iteration with its error, after the items of
// the pages before it.
func TestIteratorYieldsAPageFailure(t *testing.T) {
	t.Parallel()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		if n.Add(1) == 1 {
			_, _ = io.WriteString(w, `{"Response":{"TotalCount":4,"SubnetSet":[{"SubnetId":"subnet-00000000"},{"SubnetId":"subnet-00000001"}],"RequestId":"r-1"}}`)
			return
		}
		_, _ = io.WriteString(w, `{"Response":{"Error":{"Code":"ResourceNotFound","Message":"gone"},"RequestId":"r-2"}}`)
	}))
	t.Cleanup(srv.Close)
	c, err := vpc.NewClient(auth.NewCredential("AKIDx", "key"), "ap-guangzhou", common.WithEndpoint(srv.URL))
	require.NoError(t, err)
	var got []string
	var errs []error
	for s, err := range c.DescribeSubnetsAll(t.Context(), nil) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		got = append(got, s.SubnetID)
	}
	assert.Equal(t, []string{"subnet-00000000", "subnet-00000001"}, got)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], vpc.ErrResourceNotFound)
	assert.Equal(t, int32(2), n.Load())
}
