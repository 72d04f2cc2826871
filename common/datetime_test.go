package common_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/common"
)

// Every form of the services' answers reads as the instant it names.
func TestDateTime(t *testing.T) {
	t.Parallel()
	cst := time.FixedZone("CST", 8*60*60)
	for text, want := range map[common.DateTime]time.Time{
		"2021-05-19T08:37:53Z":      time.Date(2021, 5, 19, 8, 37, 53, 0, time.UTC),
		"2019-03-24T10:51:23+08:00": time.Date(2019, 3, 24, 2, 51, 23, 0, time.UTC),
		"2021-09-15 11:41:35":       time.Date(2021, 9, 15, 11, 41, 35, 0, cst),
		" 2020-06-02 16:28:38":      time.Date(2020, 6, 2, 16, 28, 38, 0, cst),
		"2024-01-01 01:00":          time.Date(2024, 1, 1, 1, 0, 0, 0, cst),
		"2024-10-06":                time.Date(2024, 10, 6, 0, 0, 0, 0, cst),
		"":                          {},
	} {
		got, err := text.Time()
		require.NoError(t, err, text)
		assert.True(t, want.Equal(got), "%q: %v, want %v", text, got, want)
	}
	for _, bad := range []common.DateTime{"021-08-23 19:38:31", "yesterday", "2021-13-01"} {
		_, err := bad.Time()
		assert.Error(t, err, bad)
	}
}
