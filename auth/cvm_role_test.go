package auth_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
)

// metadata is a fake CVM metadata service.
type metadata struct {
	*httptest.Server
	listed, fetched atomic.Int32
}

func newMetadata(t *testing.T, role string, listStatus int, creds func() string) *metadata {
	t.Helper()
	m := &metadata{}
	m.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/latest/meta-data/cam/security-credentials/":
			m.listed.Add(1)
			if listStatus != http.StatusOK {
				w.WriteHeader(listStatus)
				return
			}
			_, _ = io.WriteString(w, role+"\n")
		case "/latest/meta-data/cam/security-credentials/" + role:
			m.fetched.Add(1)
			_, _ = io.WriteString(w, creds())
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(m.Close)
	return m
}

func roleJSON(expires time.Time) string {
	return fmt.Sprintf(`{"TmpSecretId":"%s","TmpSecretKey":"%s","Token":"%s","ExpiredTime":%d,"Expiration":"x","Code":"Success"}`,
		fileID, fileKey, fileToken, expires.Unix())
}

func TestCVMRoleProvider(t *testing.T) {
	t.Parallel()
	expires := time.Now().Add(2 * time.Hour).Truncate(time.Second)
	m := newMetadata(t, "worker", http.StatusOK, func() string { return roleJSON(expires) })
	p := auth.CVMRoleProvider(auth.WithMetadataEndpoint(m.URL))
	c, err := p.Retrieve(context.Background())
	require.NoError(t, err)
	assert.Equal(t, auth.Credential{SecretID: fileID, SecretKey: fileKey, Token: fileToken, Expires: expires}, c)
	_, err = p.Retrieve(context.Background())
	require.NoError(t, err)
	assert.Equal(t, int32(1), m.listed.Load(), "cached: one discovery")
	assert.Equal(t, int32(1), m.fetched.Load(), "cached until shortly before expiry")

	named := auth.CVMRoleProvider(auth.WithMetadataEndpoint(m.URL), auth.WithRoleName("worker"))
	_, err = named.Retrieve(context.Background())
	require.NoError(t, err)
	assert.Equal(t, int32(1), m.listed.Load(), "a given role is not discovered")
}

func TestCVMRoleProviderFailures(t *testing.T) {
	t.Parallel()
	future := time.Now().Add(time.Hour)
	for _, tt := range []struct {
		name      string
		list      int
		creds     string
		wantNo    bool
		wantInMsg string
	}{
		{"no role bound", http.StatusNotFound, "", true, "no role is bound"},
		{"list fails", http.StatusInternalServerError, "", false, "HTTP 500"},
		{"code not Success", http.StatusOK, `{"Code":"Failed"}`, false, `Code "Failed"`},
		{"not JSON", http.StatusOK, `<html>` + fileKey, false, "not a JSON object"},
		{"no expiry", http.StatusOK, strings.Replace(roleJSON(future), `"ExpiredTime":`, `"Other":`, 1), false, "no ExpiredTime"},
		{"already expired", http.StatusOK, roleJSON(time.Now().Add(-time.Minute)), false, "expired"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := newMetadata(t, "worker", tt.list, func() string { return tt.creds })
			_, err := auth.CVMRoleProvider(auth.WithMetadataEndpoint(m.URL)).Retrieve(context.Background())
			require.Error(t, err)
			assert.Equal(t, tt.wantNo, errors.Is(err, auth.ErrNoCredentials), "%v", err)
			assert.Contains(t, err.Error(), tt.wantInMsg)
			assertNoSecret(t, err)
		})
	}
}

// Off a CVM there is no metadata service: ErrNoCredentials, quickly; a
// service that never answers is bounded by the timeout, and by ctx.
func TestCVMRoleProviderWithoutService(t *testing.T) {
	t.Parallel()
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL
	dead.Close()
	start := time.Now()
	_, err := auth.CVMRoleProvider(auth.WithMetadataEndpoint(deadURL)).Retrieve(context.Background())
	assert.ErrorIs(t, err, auth.ErrNoCredentials)
	assert.Contains(t, err.Error(), "no metadata service")
	assert.Less(t, time.Since(start), 2*time.Second)

	release := make(chan struct{})
	hang := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { <-release }))
	t.Cleanup(hang.Close)
	t.Cleanup(func() { close(release) })
	start = time.Now()
	_, err = auth.CVMRoleProvider(auth.WithMetadataEndpoint(hang.URL), auth.WithMetadataTimeout(100*time.Millisecond)).Retrieve(context.Background())
	assert.ErrorIs(t, err, auth.ErrNoCredentials, "a silent service is none")
	assert.Less(t, time.Since(start), 5*time.Second, "bounded by the timeout")

	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start = time.Now()
	_, err = auth.CVMRoleProvider(auth.WithMetadataEndpoint(hang.URL), auth.WithMetadataTimeout(time.Hour)).Retrieve(ctx)
	assert.Error(t, err)
	assert.Less(t, time.Since(start), 5*time.Second, "bounded by ctx")
}

// 100 goroutines asking a fresh CVM role provider make one metadata request
// for the credentials.
func TestCVMRoleProviderOneRequestForManyCallers(t *testing.T) {
	t.Parallel()
	m := newMetadata(t, "worker", http.StatusOK, func() string { return roleJSON(time.Now().Add(time.Hour)) })
	p := auth.CVMRoleProvider(auth.WithMetadataEndpoint(m.URL))
	var wg sync.WaitGroup
	for range 100 {
		wg.Go(func() {
			_, err := p.Retrieve(context.Background())
			assert.NoError(t, err)
		})
	}
	wg.Wait()
	assert.Equal(t, int32(1), m.listed.Load())
	assert.Equal(t, int32(1), m.fetched.Load())
}

// The metadata service is the only source: a redirect to another host is
// an error, and nothing is asked of that host.
func TestCVMRoleStaysOnTheMetadataHost(t *testing.T) {
	t.Parallel()
	var elsewhere atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		elsewhere.Add(1)
		_, _ = io.WriteString(w, roleJSON(time.Now().Add(time.Hour)))
	}))
	t.Cleanup(other.Close)
	m := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+r.URL.Path, http.StatusFound)
	}))
	t.Cleanup(m.Close)
	for _, opts := range [][]auth.CVMRoleOption{{auth.WithMetadataEndpoint(m.URL)}, {auth.WithMetadataEndpoint(m.URL), auth.WithRoleName("worker")}} {
		_, err := auth.CVMRoleProvider(opts...).Retrieve(context.Background())
		require.Error(t, err)
		assert.Contains(t, err.Error(), "redirected to another host")
		assert.NotErrorIs(t, err, auth.ErrNoCredentials, "a chain must not go on past a misbehaving metadata service")
	}
	assert.Zero(t, elsewhere.Load())
}

// A role name that is not a CAM role name is refused, and an error never
// copies more than a short prefix of what the service sent.
func TestCVMRoleRefusesImpossibleRoleNames(t *testing.T) {
	t.Parallel()
	for _, role := range []string{strings.Repeat("r", 64<<10), "role/../x", "rôle", "role\x00"} {
		m := newMetadata(t, role, http.StatusOK, func() string { return roleJSON(time.Now().Add(time.Hour)) })
		_, err := auth.CVMRoleProvider(auth.WithMetadataEndpoint(m.URL)).Retrieve(context.Background())
		require.Error(t, err, "%.20q", role)
		assert.Less(t, len(err.Error()), 200, "%.20q", role)
		assert.Contains(t, err.Error(), "role name")
		assert.Zero(t, m.fetched.Load(), "no credentials asked for it")
	}
}
