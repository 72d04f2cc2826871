package main

import (
	"bufio"
	"context"
	"io"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
)

// The standalone server prints its URL and credential, serves both
// protocols to a client configured from what it printed, and stops when
// its context ends.
func TestStandaloneServer(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-task-duration", "0s"}, pw)
		pw.Close()
	}()
	lines := bufio.NewScanner(pr)
	require.True(t, lines.Scan())
	url := regexp.MustCompile(`http://127\.0\.0\.1:\d+`).FindString(lines.Text())
	require.NotEmpty(t, url, lines.Text())
	require.True(t, lines.Scan())
	m := regexp.MustCompile(`TENCENTCLOUD_SECRET_ID=(\S+) TENCENTCLOUD_SECRET_KEY=(\S+)`).FindStringSubmatch(lines.Text())
	require.Len(t, m, 3, lines.Text())
	go func() { _, _ = io.Copy(io.Discard, pr) }()

	for _, api := range []common.API{common.API2, common.API3} {
		c, err := vpc.NewClient(auth.NewCredential(m[1], m[2]), "ap-guangzhou", common.WithAPI(api), common.WithEndpoint(url))
		require.NoError(t, err)
		page, err := c.DescribeVpcClassicLink(ctx, nil)
		require.NoError(t, err, api)
		assert.Zero(t, page.TotalCount)
		c.CloseIdleConnections()
	}
	cancel()
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not stop")
	}
}

func TestFlagErrors(t *testing.T) {
	t.Parallel()
	assert.Error(t, run(context.Background(), []string{"-cert", "c.pem"}, io.Discard))
	assert.Error(t, run(context.Background(), []string{"-addr", "not an address"}, io.Discard))
	assert.Error(t, run(context.Background(), []string{"-nope"}, io.Discard))
}
