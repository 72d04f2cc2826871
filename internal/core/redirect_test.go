package core_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
)

// A caller's CheckRedirect that follows every redirect must not take
// credentials or a signature to the redirect's target: the hop is refused
// before anything is sent there, with an error that names no secret.
func TestRedirectIsNeverSigned(t *testing.T) {
	t.Parallel()
	var thirdParty recorder[*http.Request]
	elsewhere := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		thirdParty.add(r.Clone(context.Background()))
		_, _ = io.WriteString(w, `{"code":0,"taskId":1}`)
	}))
	t.Cleanup(elsewhere.Close)
	follow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return nil }}
	cred := auth.NewTokenCredential(testID, testKey, testToken)
	for _, status := range []int{http.StatusFound, http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		for _, target := range []string{"other host", "same host"} {
			for _, w := range []struct {
				name string
				opts []common.Option
			}{
				{"2.0", []common.Option{common.WithAPI(common.API2)}},
				{"3.0 TC3", []common.Option{common.WithAPI(common.API3)}},
				{"3.0 v1 GET", []common.Option{common.WithAPI(common.API3), common.WithHTTPMethod("GET"), common.WithSignatureMethod(auth.HmacSHA256)}},
			} {
				for _, op := range []core.Operation{attach, describe} {
					t.Run(fmt.Sprintf("%d/%s/%s/%s", status, target, w.name, op.Action), func(t *testing.T) {
						t.Parallel()
						var hits recorder[string]
						var self *httptest.Server
						self = httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
							if hits.add(r.URL.Path) > 1 {
								_, _ = io.WriteString(rw, `{"code":0,"taskId":1}`)
								return
							}
							to := elsewhere.URL + "/steal"
							if target == "same host" {
								to = self.URL + "/elsewhere"
							}
							http.Redirect(rw, r, to, status)
						}))
						t.Cleanup(self.Close)
						c, err := core.New(vpcService, cred, "ap-guangzhou", append([]common.Option{common.WithEndpoint(self.URL),
							common.WithHTTPClient(follow), fastRetries}, w.opts...)...)
						require.NoError(t, err)
						_, err = c.Do(context.Background(), &core.Request{Op: op, Params: params{VpcID: "vpc-1"}.form()})
						require.Error(t, err)
						assert.Contains(t, err.Error(), "redirected")
						for _, secret := range []string{testID, testKey, testToken} {
							assert.NotContains(t, err.Error(), secret)
							assert.NotContains(t, fmt.Sprintf("%#v", err), secret)
						}
						assert.Len(t, hits.all(), 1, "neither sent again nor followed")
						assert.Equal(t, !op.Idempotent, errors.Is(err, qerrors.ErrOutcomeUnknown))
					})
				}
			}
		}
	}
	// Runs after the parallel subtests have finished.
	t.Cleanup(func() { assert.Empty(t, thirdParty.all(), "nothing reached the redirect's target") })
}

// Without a CheckRedirect of the caller's, a redirect is not followed: its
// status is the error.
func TestRedirectIsNotFollowedByDefault(t *testing.T) {
	t.Parallel()
	srv := newServer(t, func(_ int, w http.ResponseWriter) {
		w.Header().Set("Location", "http://127.0.0.1:1/steal")
		w.WriteHeader(http.StatusTemporaryRedirect)
	})
	_, err := call(newClient(t, srv.URL), describe, nil)
	var statusErr *qerrors.StatusError
	require.ErrorAs(t, err, &statusErr)
	assert.Equal(t, http.StatusTemporaryRedirect, statusErr.StatusCode)
	assert.Len(t, srv.requests(), 1)
}
