package main

import (
	"bufio"
	"context"
	"io"
	"net"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/cvm"
	"github.com/qcloudkit/qcloud-sdk-go/internal/syncbuf"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
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
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-task-duration", "0s"}, pw, io.Discard)
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
	assert.Error(t, run(context.Background(), []string{"-cert", "c.pem"}, io.Discard, io.Discard))
	assert.Error(t, run(context.Background(), []string{"-addr", "not an address"}, io.Discard, io.Discard))
	assert.Error(t, run(context.Background(), []string{"-nope"}, io.Discard, io.Discard))
}

// standalone starts run with args on a loopback port and returns its URL
// and what it logged; it stops with the test.
func standalone(t *testing.T, args ...string) (string, *syncbuf.Buffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	logs := &syncbuf.Buffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"-addr", "127.0.0.1:0", "-task-duration", "0s"}, args...), pw, logs)
		pw.Close()
	}()
	lines := bufio.NewScanner(pr)
	require.True(t, lines.Scan())
	url := regexp.MustCompile(`http://127\.0\.0\.1:\d+`).FindString(lines.Text())
	require.NotEmpty(t, url, lines.Text())
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	return url, logs
}

// A refused request is logged with its reason, never with a secret.
func TestRefusalsAreLogged(t *testing.T) {
	t.Parallel()
	url, logs := standalone(t)
	c, err := vpc.NewClient(auth.NewCredential("AKIDwrongKey000000000000000000001", "wrongSecretKey0000000000000001"), "ap-guangzhou",
		common.WithEndpoint(url), common.WithMaxRetries(0))
	require.NoError(t, err)
	_, err = c.DescribeVpcClassicLink(t.Context(), nil)
	require.Error(t, err)
	c.CloseIdleConnections()
	assert.Contains(t, logs.String(), "AuthFailure.SecretIdNotFound")
	assert.Contains(t, logs.String(), "action=DescribeClassicLinkInstances")
	assert.NotContains(t, logs.String(), "wrongSecretKey")
}

// A client that stops sending its body holds the connection no longer
// than the read timeout.
func TestStalledBodyIsCut(t *testing.T) {
	t.Parallel()
	url, _ := standalone(t, "-read-timeout", "300ms")
	conn, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	require.NoError(t, err)
	defer conn.Close()
	_, err = io.WriteString(conn, "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"VpcId\":")
	require.NoError(t, err)
	require.NoError(t, conn.SetReadDeadline(time.Now().Add(10*time.Second)))
	start := time.Now()
	_, err = io.Copy(io.Discard, conn) // returns once the server closes the connection
	require.NoError(t, err, "closed by the server, not by our deadline")
	assert.Less(t, time.Since(start), 5*time.Second)
}

// The standalone server serves CVM beside VPC: a request goes to the
// service its signature names.
func TestStandaloneServesCVM(t *testing.T) {
	t.Parallel()
	url, _ := standalone(t)
	c, err := cvm.NewClient(vpctest.DefaultCredential, "ap-guangzhou", common.WithEndpoint(url))
	require.NoError(t, err)
	zones, err := c.DescribeZones(t.Context(), nil)
	require.NoError(t, err)
	assert.NotEmpty(t, zones.ZoneSet)
	v, err := vpc.NewClient(vpctest.DefaultCredential, "ap-guangzhou", common.WithEndpoint(url))
	require.NoError(t, err)
	vpcs, err := v.DescribeVpcs(t.Context(), nil)
	require.NoError(t, err)
	assert.NotEmpty(t, vpcs.VpcSet)
	c.CloseIdleConnections()
	v.CloseIdleConnections()
}
