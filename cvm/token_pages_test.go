package cvm_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/cvm"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
)

// pagesByToken serves DescribeResourcePoolPacks: pages maps the NextToken
// a request sends ("" for none) to the ids of its page and the token it
// answers. It records the tokens it was sent.
func pagesByToken(t *testing.T, pages map[string]struct {
	ids  []string
	next string
}) (*cvm.Client, func() []string) {
	var mu sync.Mutex
	var sent []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var in struct{ NextToken *string }
		b, _ := io.ReadAll(r.Body)
		if err := json.Unmarshal(b, &in); err != nil {
			t.Errorf("body %s: %v", b, err)
		}
		token := ""
		if in.NextToken != nil {
			token = *in.NextToken
			if token == "" {
				t.Error("an empty NextToken was sent")
			}
		}
		mu.Lock()
		sent = append(sent, token)
		mu.Unlock()
		var set []map[string]string
		for _, id := range pages[token].ids {
			set = append(set, map[string]string{"DedicatedResourcePackId": id})
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"Response": map[string]any{
			"RequestId": "r", "DedicatedResourcePackSet": set, "NextToken": pages[token].next}})
	}))
	t.Cleanup(srv.Close)
	c, err := cvm.NewClient(auth.NewCredential("AKIDx", "key"), "ap-guangzhou", common.WithEndpoint(srv.URL))
	require.NoError(t, err)
	return c, func() []string { mu.Lock(); defer mu.Unlock(); return slices.Clone(sent) }
}

// The NextToken iterator follows the tokens to the last page, which
// answers none, and yields every item once; an empty page in the middle is
// allowed.
func TestTokenIteratorFollowsTokens(t *testing.T) {
	t.Parallel()
	c, sent := pagesByToken(t, map[string]struct {
		ids  []string
		next string
	}{
		"":   {[]string{"rp-1", "rp-2"}, "t1"},
		"t1": {nil, "t2"},
		"t2": {[]string{"rp-3"}, ""},
	})
	var ids []string
	for p, err := range c.DescribeResourcePoolPacksAll(t.Context(), nil) {
		require.NoError(t, err)
		ids = append(ids, p.DedicatedResourcePackID)
	}
	assert.Equal(t, []string{"rp-1", "rp-2", "rp-3"}, ids)
	assert.Equal(t, []string{"", "t1", "t2"}, sent())

	// From a token on, and stopping early: no page past the one stopped in.
	c, sent = pagesByToken(t, map[string]struct {
		ids  []string
		next string
	}{"t1": {[]string{"rp-3", "rp-4"}, "t2"}})
	for p, err := range c.DescribeResourcePoolPacksAll(t.Context(), &cvm.DescribeResourcePoolPacksInput{NextToken: common.Some("t1")}) {
		require.NoError(t, err)
		assert.Equal(t, "rp-3", p.DedicatedResourcePackID)
		break
	}
	assert.Equal(t, []string{"t1"}, sent())
}

// A server that gives a token again, or lists an item again, would page
// forever: the iterator stops with ErrMalformedResponse.
func TestTokenIteratorStopsOnRepeats(t *testing.T) {
	t.Parallel()
	for name, pages := range map[string]map[string]struct {
		ids  []string
		next string
	}{
		"token": {"": {[]string{"rp-1"}, "t1"}, "t1": {nil, "t1"}},
		"item":  {"": {[]string{"rp-1"}, "t1"}, "t1": {[]string{"rp-1"}, "t2"}},
	} {
		c, sent := pagesByToken(t, pages)
		var errs []error
		n := 0
		for _, err := range c.DescribeResourcePoolPacksAll(t.Context(), nil) {
			if err != nil {
				errs = append(errs, err)
			}
			n++
			require.Less(t, n, 10, "%s: paging on", name)
		}
		require.Len(t, errs, 1, name)
		assert.ErrorIs(t, errs[0], qerrors.ErrMalformedResponse, name)
		assert.Len(t, sent(), 2, name)
	}
}

// A negative Offset is refused before anything is sent, as the one error
// an iterator yields.
func TestIteratorRefusesANegativeOffset(t *testing.T) {
	t.Parallel()
	var errs []error
	for _, err := range (&cvm.Client{}).DescribeInstancesAll(t.Context(), &cvm.DescribeInstancesInput{Offset: common.Some(int64(-1))}) {
		errs = append(errs, err)
	}
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], qerrors.ErrInvalidInput)
}
