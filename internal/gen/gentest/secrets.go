package gentest

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/internal/syncbuf"
)

// checkNoSecretEchoed calls every action method of a client, made by
// newClient for the endpoint, the credential and the options, with an
// empty input against a server that quotes the request back (its
// Authorization and X-TC-Token headers and its body), in an API error's
// message for one half of the actions and in an HTTP 500 page for the
// other. No error, in any format, and no line of the client's debug log
// may hold the SecretId, the SecretKey, the Token or a Signature. It
// returns how many actions it called.
func checkNoSecretEchoed(t *testing.T, newClient func(endpoint string, cred auth.Credential, opts ...common.Option) any) int {
	t.Helper()
	const id, key, token = "AKIDgentestSecretId01", "gentestSecretKey02", "gentestSessionToken03"
	var mu sync.Mutex
	var signatures []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		authz := r.Header.Get("Authorization")
		if _, sig, ok := strings.Cut(authz, "Signature="); ok {
			mu.Lock()
			signatures = append(signatures, sig)
			mu.Unlock()
		}
		quote := fmt.Sprintf("Authorization: %s\nX-TC-Token: %s\n%s", authz, r.Header.Get("X-TC-Token"), body)
		if len(r.Header.Get("X-TC-Action"))%2 == 0 {
			http.Error(w, quote, http.StatusInternalServerError)
			return
		}
		msg, _ := json.Marshal(quote)
		_, _ = fmt.Fprintf(w, `{"Response":{"Error":{"Code":"InvalidParameter","Message":%s},"RequestId":"r-1"}}`, msg)
	}))
	defer srv.Close()

	var logs syncbuf.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c := newClient(srv.URL, auth.NewTokenCredential(id, key, token), common.WithMaxRetries(0), common.WithLogger(logger))
	n := eachAction(t.Context(), c, nil, func(name string, _ reflect.Type, call func() (reflect.Value, error)) {
		_, err := call()
		if err == nil {
			t.Errorf("%s: no error from a server that answers none", name)
			return
		}
		mu.Lock()
		secrets := append([]string{id, key, token}, signatures...)
		mu.Unlock()
		for _, out := range []string{err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err)} {
			for _, s := range secrets {
				if strings.Contains(out, s) {
					t.Errorf("%s: the error shows a secret: %s", name, out)
				}
			}
		}
	})
	if len(signatures) == 0 {
		t.Error("no request was signed")
	}
	if !strings.Contains(logs.String(), "qcloud request") {
		t.Error("the debug log says nothing")
	}
	for _, s := range append([]string{id, key, token}, signatures...) {
		if strings.Contains(logs.String(), s) {
			t.Errorf("the debug log shows a secret: %s", s)
		}
	}
	return n
}
