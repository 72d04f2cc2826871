package fake

import (
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The request record of a long-running fake stays within its bounds: a
// stream of large requests keeps the newest ones, up to the byte bound,
// and a stream of small ones the newest, up to the count bound.
func TestRecordIsBounded(t *testing.T) {
	t.Parallel()
	s := New(Config{Lock: &sync.Mutex{}, Now: time.Now})
	big := url.Values{"Filler": {strings.Repeat("x", 1<<20)}}
	for i := range 100 {
		s.record("POST", &Call{API: 3, Action: "A" + strings.Repeat("x", i%2), Params: big})
	}
	assert.LessOrEqual(t, s.recordBytes, maxRecordedBytes)
	assert.Less(t, len(s.requests), 100)
	assert.Greater(t, len(s.requests), 10)
	assert.Equal(t, "Ax", s.requests[len(s.requests)-1].Action, "the newest is kept")
	sum := 0
	for _, n := range s.recordSizes {
		sum += n
	}
	assert.Equal(t, sum, s.recordBytes)

	small := url.Values{"VpcId": {"vpc-1"}}
	for range maxRecorded + 10 {
		s.record("GET", &Call{API: 2, Action: "B", Params: small})
	}
	require.LessOrEqual(t, len(s.requests), maxRecorded)
	assert.Len(t, s.recordSizes, len(s.requests))
}
