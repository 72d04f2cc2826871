package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

// Over API 2.0, on the same embedded fake.
func TestRunWholeCycleOverAPI2(t *testing.T) {
	t.Setenv("TENCENTCLOUD_SECRET_ID", "") // proves no credentials are needed
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), []string{"-api", "2"}, &out))
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 8, out.String())
	assert.Contains(t, lines[1], "attach: ins-df454d, ins-1a2b3c4d to vpc-2ari9m7h, task ")
	assert.Contains(t, lines[2], ": succeeded")
	assert.Contains(t, lines[4], "ins-df454d (web-1, 10.66.1.10)")
	assert.Contains(t, lines[5], "ins-1a2b3c4d (web-2, 10.66.1.11)")
	assert.Contains(t, lines[6], "detach: task ")
	assert.Contains(t, lines[7], ": succeeded")
}

// With no arguments: the whole cycle over API 3.0 on the embedded fake.
func TestRunWholeCycleOnTheEmbeddedFake(t *testing.T) {
	t.Setenv("TENCENTCLOUD_SECRET_ID", "")
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), nil, &out))
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 8, out.String())
	assert.Contains(t, lines[0], "over API 3.0")
	assert.Regexp(t, `attach: ins-df454d, ins-1a2b3c4d to vpc-2ari9m7h, task [0-9a-f]{8}-[0-9a-f-]{27}$`, lines[1], "the RequestId is the task")
	assert.Contains(t, lines[2], ": succeeded")
	assert.Equal(t, "  ins-df454d in vpc-2ari9m7h", lines[4])
	assert.Equal(t, "  ins-1a2b3c4d in vpc-2ari9m7h", lines[5])
	assert.Contains(t, lines[7], ": succeeded")
}

func TestRunFlags(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), []string{"-api", "2", "-vpc", "gz_vpc_15", "-instance", "ins-5e6f7a8b", "-sha1"}, &out))
	assert.Contains(t, out.String(), "attach: ins-5e6f7a8b to gz_vpc_15")

	for _, args := range [][]string{{"-live", "-endpoint", "http://x"}, {"extra"}, {"-nope"}, {"-live", "-api", "2"}, {"-api", "4"}} {
		assert.Error(t, run(context.Background(), args, &bytes.Buffer{}), "%v", args)
	}
	err := run(context.Background(), []string{"-instance", "ins-missing"}, &bytes.Buffer{})
	assert.ErrorContains(t, err, "ResourceNotFound")
}

func TestInstanceFlagSplitsCommasAndRepeats(t *testing.T) {
	t.Parallel()
	cfg, err := parseFlags([]string{"-instance", "ins-a, ins-b", "-instance", "ins-c"})
	require.NoError(t, err)
	assert.Equal(t, []string{"ins-a", "ins-b", "ins-c"}, cfg.instances)
}

func TestRunAgainstAnEndpointWithEnvironmentCredentials(t *testing.T) {
	t.Setenv("HOME", t.TempDir()) // no credentials file or tccli profile of the machine
	srv := vpctest.NewServer()
	defer srv.Close()
	t.Setenv("TENCENTCLOUD_SECRET_ID", srv.Credential().SecretID)
	t.Setenv("TENCENTCLOUD_SECRET_KEY", srv.Credential().SecretKey)
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), []string{"-endpoint", srv.URL()}, &out))
	assert.NotContains(t, out.String(), "embedded")
	assert.Equal(t, 1, srv.RequestCount("AttachClassicLinkVpc"))

	t.Setenv("TENCENTCLOUD_SECRET_KEY", "")
	err := run(context.Background(), []string{"-endpoint", srv.URL()}, &bytes.Buffer{})
	assert.ErrorContains(t, err, "TENCENTCLOUD_SECRET_KEY is not")
	assert.Equal(t, 1, srv.RequestCount("AttachClassicLinkVpc"), "nothing sent without a key")
}
