package gentest

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
)

// readOnlyPrefixes name the actions retried after any transient failure.
var readOnlyPrefixes = []string{"Describe", "Inquiry", "Inquire", "Check", "Get", "Download"}

// CheckRetryRule calls every action method of a client (XAction(ctx,
// *XActionInput, ...common.CallOption)) with an empty input against a
// server that answers each request HTTP 502, which may come after the
// service acted. newClient returns a client of the endpoint that retries
// once. An action named as read-only, or whose input takes a ClientToken,
// must be sent twice; any other once, its error errors.ErrOutcomeUnknown.
// It returns how many actions it called, and the names of those that
// refused the empty input before sending anything (errors.ErrInvalidInput),
// whose rule it cannot see.
func CheckRetryRule(t *testing.T, newClient func(endpoint string) any) (int, []string) {
	t.Helper()
	var sent atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		sent.Add(1)
		w.WriteHeader(http.StatusBadGateway)
	}))
	defer srv.Close()

	n, refused := 0, []string(nil)
	eachAction(t.Context(), newClient(srv.URL), func(name string, input reflect.Type, call func() (reflect.Value, error)) {
		n++
		_, token := input.FieldByName("ClientToken")
		before := sent.Load()
		_, err := call()
		switch got := sent.Load() - before; {
		case got == 0 && errors.Is(err, qerrors.ErrInvalidInput):
			refused = append(refused, name)
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
	return n, refused
}

// eachAction calls f with every action method of client: its name, its
// input type and a call of it with an empty input, which returns the
// output (a pointer) and the error.
func eachAction(ctx context.Context, client any, f func(name string, input reflect.Type, call func() (reflect.Value, error))) {
	v := reflect.ValueOf(client)
	ctxType, optsType := reflect.TypeFor[context.Context](), reflect.TypeFor[[]common.CallOption]()
	for i := range v.NumMethod() {
		name, m := v.Type().Method(i).Name, v.Method(i)
		ft := m.Type()
		if ft.NumIn() != 3 || !ft.IsVariadic() || ft.In(0) != ctxType || ft.In(2) != optsType || ft.NumOut() != 2 ||
			ft.In(1).Kind() != reflect.Pointer || ft.In(1).Elem().Name() != name+"Input" {
			continue
		}
		input := ft.In(1).Elem()
		f(name, input, func() (reflect.Value, error) {
			res := m.Call([]reflect.Value{reflect.ValueOf(ctx), reflect.New(input)})
			err, _ := res[1].Interface().(error)
			return res[0], err
		})
	}
}

func readOnly(action string) bool {
	for _, p := range readOnlyPrefixes {
		if strings.HasPrefix(action, p) {
			return true
		}
	}
	return false
}

// CheckRequestIDs calls every action method of a client made by newClient
// for the endpoint, with an empty input, against a server that answers
// each with a RequestId alone: each output must carry that RequestId. It
// returns how many actions it called, and the names of those that failed
// (an action written by hand may need more of an answer).
func CheckRequestIDs(t *testing.T, newClient func(endpoint string) any) (int, []string) {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		_, _ = io.WriteString(w, `{"Response":{"RequestId":"req-`+r.Header.Get("X-TC-Action")+`"}}`)
	}))
	defer srv.Close()
	n, failed := 0, []string(nil)
	eachAction(t.Context(), newClient(srv.URL), func(name string, _ reflect.Type, call func() (reflect.Value, error)) {
		n++
		out, err := call()
		if err != nil {
			failed = append(failed, name)
			return
		}
		if id := out.Elem().FieldByName("RequestID"); !id.IsValid() || id.String() != "req-"+name {
			t.Errorf("%s: output without the answer's RequestId (%v)", name, id)
		}
	})
	return n, failed
}
