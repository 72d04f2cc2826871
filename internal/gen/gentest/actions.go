package gentest

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
)

// NewClient returns a client of one service (a *vpc.Client, a
// *cvm.Client) with the credential and the options.
type NewClient func(cred auth.Credential, opts ...common.Option) any

// CheckEveryAction calls every action method of a service's client
// (XAction(ctx, *XActionInput, ...common.CallOption)) with an empty input,
// each against servers that check one promise on the wire:
//
//   - the retry rule: against HTTP 502, which may come after the service
//     acted, an action named as read-only (Describe, Inquiry, Inquire,
//     Check, Get, Download) or whose input takes a ClientToken is sent
//     twice (one retry allowed), any other once, its error
//     errors.ErrOutcomeUnknown;
//   - secrets (checkNoSecretEchoed);
//   - every output carries the answer's RequestId.
//
// The actions of handWritten are left out of the first and the last: they
// check their input or answer beyond what an empty one gives (they are
// tested apart). It returns how many actions it called.
func CheckEveryAction(t *testing.T, newClient NewClient, handWritten ...string) int {
	t.Helper()
	cred := auth.NewCredential("AKIDgentest", "gentestKey")
	endpoint := func(h http.HandlerFunc) common.Option {
		srv := httptest.NewServer(h)
		t.Cleanup(srv.Close)
		return common.WithEndpoint(srv.URL)
	}
	var n int
	t.Run("retry rule", func(t *testing.T) {
		var sent atomic.Int32
		c := newClient(cred, common.WithMaxRetries(1), common.WithRetryWait(time.Microsecond, time.Microsecond),
			endpoint(func(w http.ResponseWriter, r *http.Request) {
				_, _ = io.Copy(io.Discard, r.Body)
				sent.Add(1)
				w.WriteHeader(http.StatusBadGateway)
			}))
		eachAction(t.Context(), c, handWritten, func(name string, input reflect.Type, call func() (reflect.Value, error)) {
			_, token := input.FieldByName("ClientToken")
			before := sent.Load()
			_, err := call()
			switch got := sent.Load() - before; {
			case err == nil:
				t.Errorf("%s: no error after HTTP 502", name)
			case readOnly(name) || token:
				if got != 2 || errors.Is(err, qerrors.ErrOutcomeUnknown) {
					t.Errorf("%s: sent %d times, want 2 (read-only or with a ClientToken: retried); error %v", name, got, err)
				}
			case got != 1 || !errors.Is(err, qerrors.ErrOutcomeUnknown):
				t.Errorf("%s: sent %d times, want 1 and errors.ErrOutcomeUnknown; error %v", name, got, err)
			}
		})
	})
	t.Run("secrets", func(t *testing.T) { // every action, the hand-written ones too
		n = checkNoSecretEchoed(t, func(endpoint string, cred auth.Credential, opts ...common.Option) any {
			return newClient(cred, append(opts, common.WithEndpoint(endpoint))...)
		})
	})
	t.Run("RequestId", func(t *testing.T) {
		c := newClient(cred, endpoint(func(w http.ResponseWriter, r *http.Request) {
			_, _ = io.Copy(io.Discard, r.Body)
			_, _ = io.WriteString(w, `{"Response":{"RequestId":"req-`+r.Header.Get("X-TC-Action")+`"}}`)
		}))
		eachAction(t.Context(), c, handWritten, func(name string, _ reflect.Type, call func() (reflect.Value, error)) {
			out, err := call()
			if err != nil {
				t.Errorf("%s: %v", name, err)
				return
			}
			if id := out.Elem().FieldByName("RequestID"); !id.IsValid() || id.String() != "req-"+name {
				t.Errorf("%s: output without the answer's RequestId (%v)", name, id)
			}
		})
	})
	return n
}

// eachAction calls f with every action method of client but those of
// skip: its name, its input type and a call of it with an empty input,
// which returns the output (a pointer) and the error. It returns how many
// methods there are, skip included.
func eachAction(ctx context.Context, client any, skip []string, f func(name string, input reflect.Type, call func() (reflect.Value, error))) int {
	v := reflect.ValueOf(client)
	ctxType, optsType := reflect.TypeFor[context.Context](), reflect.TypeFor[[]common.CallOption]()
	n := 0
	for i := range v.NumMethod() {
		name, m := v.Type().Method(i).Name, v.Method(i)
		ft := m.Type()
		if ft.NumIn() != 3 || !ft.IsVariadic() || ft.In(0) != ctxType || ft.In(2) != optsType || ft.NumOut() != 2 ||
			ft.In(1).Kind() != reflect.Pointer || ft.In(1).Elem().Name() != name+"Input" {
			continue
		}
		if n++; slices.Contains(skip, name) {
			continue
		}
		input := ft.In(1).Elem()
		f(name, input, func() (reflect.Value, error) {
			res := m.Call([]reflect.Value{reflect.ValueOf(ctx), reflect.New(input)})
			err, _ := res[1].Interface().(error)
			return res[0], err
		})
	}
	return n
}

// readOnly reports whether an action is named as one that changes nothing.
func readOnly(action string) bool {
	for _, p := range []string{"Describe", "Inquiry", "Inquire", "Check", "Get", "Download"} {
		if strings.HasPrefix(action, p) {
			return true
		}
	}
	return false
}
