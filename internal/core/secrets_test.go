package core_test

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
	"github.com/qcloudkit/qcloud-sdk-go/internal/syncbuf"
	"github.com/qcloudkit/qcloud-sdk-go/internal/testsig"
)

// echoingServer answers every request with respond(raw), where raw is the
// request's parameters exactly as they came (query or form body), and
// records every Signature it was sent.
type echoingServer struct {
	*httptest.Server
	sigs recorder[string]
}

func newEchoingServer(t *testing.T, respond func(w http.ResponseWriter, raw string)) *echoingServer {
	t.Helper()
	s := &echoingServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := r.URL.RawQuery
		if r.Method == http.MethodPost {
			b, _ := io.ReadAll(r.Body)
			raw = string(b)
		}
		p, _ := url.ParseQuery(raw)
		s.sigs.add(p.Get("Signature"))
		respond(w, raw)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *echoingServer) signatures() []string { return s.sigs.all() }

// echoPeer is a plain TCP server that writes back the request line it
// reads, as a wrong port or a misconfigured proxy may: net/http then fails
// with `malformed HTTP status code "/v2/index.php?...&Signature=..."`.
func echoPeer(t *testing.T) string {
	return tcpServer(t, func(conn net.Conn) {
		line, _ := bufio.NewReader(conn).ReadString('\n')
		_, _ = io.WriteString(conn, line+"\r\n")
	})
}

// every form in which a value may come back.
func forms(v string) []string {
	js, _ := json.Marshal(v)
	q := url.QueryEscape(v)
	out := []string{v, string(js[1 : len(js)-1])}
	for range 5 { // escaped once to five times
		out = append(out, q, strings.ToLower(q))
		q = url.QueryEscape(q)
	}
	return out
}

// Whatever shape a server sends the request back in, no error, no field of
// a typed error and no log line holds a credential or a signature.
func TestNoSecretsInErrorsOrLogs(t *testing.T) {
	t.Parallel()
	// The key and token hold characters that encode differently in a URL
	// and in JSON, so that each encoded form is a different string.
	const key, token = "testKey/0002+x=", "tok/en+0003=<&>"
	cred := auth.NewTokenCredential(testID, key, token)
	quoting := func(status int, format string) func(http.ResponseWriter, string) {
		return func(w http.ResponseWriter, raw string) {
			p, _ := url.ParseQuery(raw)
			w.WriteHeader(status)
			twice := url.QueryEscape(url.QueryEscape(raw))
			body := strings.NewReplacer("RAW", raw, "ONCE", url.QueryEscape(raw), "TWICE", twice,
				"FOURFOLD", url.QueryEscape(url.QueryEscape(twice)), "ID", p.Get("SecretId"),
				"TOKEN", p.Get("Token"), "SIG", p.Get("Signature"), "JSIG", jsonEscape(p.Get("Signature"))).Replace(format)
			_, _ = io.WriteString(w, body)
		}
	}
	tests := []struct {
		name     string
		respond  func(http.ResponseWriter, string) // nil: the echoing TCP peer
		endpoint string                            // set instead of respond
		op       core.Operation
		wantIs   error
	}{
		{name: "refused connection", endpoint: "http://" + closedAddr(t), op: attach},
		{name: "TCP peer echoing the request line", op: attach, wantIs: qerrors.ErrOutcomeUnknown},
		{name: "HTTP 500 quoting the URL", op: describe, wantIs: qerrors.ErrInternal,
			respond: quoting(500, `error for /v2/index.php?RAW and again ONCE`)},
		{name: "API error quoting the request", op: attach, wantIs: qerrors.ErrInvalidParameter,
			respond: quoting(200, `{"code":4000,"codeDesc":"InvalidParameter","message":"bad request RAW; id ID; token TOKEN; sig JSIG"}`)},
		{name: "header-like and XML shapes in a malformed 200", op: describe, wantIs: qerrors.ErrMalformedResponse,
			respond: quoting(200, "SecretId: ID\nToken:TOKEN\n<Signature>SIG</Signature> ONCE")},
		{name: "API message quoting the URL escaped twice and four times", op: attach, wantIs: qerrors.ErrInvalidParameter,
			respond: quoting(200, `{"code":4000,"codeDesc":"InvalidParameter","message":"url=/v2/index.php%3FTWICE next=FOURFOLD"}`)},
		{name: "proxy page quoting Authorization-like headers", op: describe, wantIs: qerrors.ErrInternal,
			respond: quoting(502, "Bad gateway\nProxy-Authorization: Basic dXNlcjpwYXNzd29yZA==\nCookie: session=c2VjcmV0\n")},
		{name: "retryable error quoting the request", op: describe, wantIs: qerrors.ErrQuotaExceeded,
			respond: quoting(200, `{"code":4400,"codeDesc":"RequestLimitExceeded","message":"slow: RAW"}`)},
	}
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		for _, tt := range tests {
			t.Run(method+"/"+tt.name, func(t *testing.T) {
				t.Parallel()
				endpoint := tt.endpoint
				var srv *echoingServer
				switch {
				case tt.respond != nil:
					srv = newEchoingServer(t, tt.respond)
					endpoint = srv.URL
				case endpoint == "":
					endpoint = echoPeer(t)
				}
				var logs syncbuf.Buffer
				logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
				c, err := core.New(vpcService, cred, "ap-guangzhou", common.WithAPI(common.API2), common.WithHTTPMethod(method),
					common.WithEndpoint(endpoint), common.WithLogger(logger), fastRetries)
				require.NoError(t, err)
				var out result
				_, err = callInto(t.Context(), c, tt.op, params{VpcID: "vpc-1", IDs: ids(2)}.form(), &out)
				require.Error(t, err)
				if tt.wantIs != nil {
					assert.ErrorIs(t, err, tt.wantIs)
				}

				outputs := []string{
					err.Error(), fmt.Sprintf("%v", err), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err),
					fmt.Sprintf("%#v %+v", c, c), logs.String(),
				}
				var apiErr *qerrors.APIError
				if errors.As(err, &apiErr) {
					outputs = append(outputs, apiErr.Message, apiErr.CodeDesc, fmt.Sprintf("%#v", apiErr))
				}
				var statusErr *qerrors.StatusError
				if errors.As(err, &statusErr) {
					outputs = append(outputs, statusErr.Body)
				}
				// The call's own, and the proxy's credentials.
				secrets := []string{testID, key, token, "dXNlcjpwYXNzd29yZA==", "c2VjcmV0"}
				if srv != nil {
					secrets = append(secrets, srv.signatures()...)
				}
				for _, out := range outputs {
					for _, secret := range secrets {
						for _, f := range forms(secret) {
							assert.NotContains(t, out, f)
						}
					}
				}
				assert.Contains(t, logs.String(), "action="+tt.op.Action, "the debug log does say something")
			})
		}
	}
}

func jsonEscape(s string) string {
	b, _ := json.Marshal(s)
	return string(b[1 : len(b)-1])
}

// The echoing peer's error is scrubbed, yet errors.Is still sees through it.
func TestScrubbedErrorKeepsItsIdentity(t *testing.T) {
	t.Parallel()
	c := newClient(t, echoPeer(t), common.WithMaxRetries(0))
	_, err := call(c, describe, params{VpcID: "vpc-1"}.form())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "malformed HTTP", "the cause is still named")
	assert.Contains(t, err.Error(), "[redacted]")
	var ue *url.Error
	assert.False(t, errors.As(err, &ue), "no error that holds a secret can be reached")
}

// The log's own attributes must be as clean as the errors; verified apart
// from the call with testsig, so the signature in question is known.
func TestSignatureNeverLogged(t *testing.T) {
	t.Parallel()
	var sig string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, _ := testsig.Params(r)
		sig = p.Get("Signature")
		w.WriteHeader(http.StatusBadGateway)
		_, _ = io.WriteString(w, "upstream said: "+r.URL.RawQuery)
	}))
	defer srv.Close()
	var logs syncbuf.Buffer
	c := newClient(t, srv.URL, common.WithMaxRetries(0),
		common.WithLogger(slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	_, err := call(c, describe, nil)
	require.Error(t, err)
	require.NotEmpty(t, sig)
	for _, f := range forms(sig) {
		assert.NotContains(t, err.Error()+logs.String(), f)
	}
}
