// Package cvmtest is an in-process fake of Tencent Cloud's CVM (API 3.0) on
// the SDK's fake machinery: every call is authenticated (TC3 or the v1
// signature, verified by code written apart from the SDK's signer) and
// checked against the CVM API's model. Its instances are those the test
// gives (WithInstance) and those RunInstances makes; DescribeInstances
// lists them by InstanceIds, Offset and Limit, and StartInstances,
// StopInstances, RebootInstances and ResetInstancesType act on them (once
// there are any), each
// operation ended at once, so that the SDK's AndWait methods return. Every
// other action, and any action the test registers an answer for with Stub,
// answers that answer, else its example answer, else a RequestId alone.
//
//	srv := cvmtest.NewServer(cvmtest.WithInstance(cvm.Instance{InstanceID: "ins-df454d", InstanceName: "web-1"}))
//	defer srv.Close()
//	client, err := cvm.NewClient(srv.Credential(), "ap-guangzhou", common.WithEndpoint(srv.URL()))
package cvmtest

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/cvm"
	"github.com/qcloudkit/qcloud-sdk-go/internal/fake"
	"github.com/qcloudkit/qcloud-sdk-go/internal/gen/models"
)

// DefaultCredential is accepted by every server: a test key of this
// package, valid nowhere else.
var DefaultCredential = auth.NewCredential("AKIDcvmtestDefault00000000000000", "cvmtestDefaultSecretKey000000000")

// Fault is an injected misbehaviour, as in package vpctest.
type Fault = fake.Fault

// Request is one request as the server received it, as in package vpctest.
type Request = fake.Request

// Server is a running fake CVM. Its methods are safe for concurrent use.
type Server struct {
	srv  *httptest.Server
	fake *fake.Server

	mu        sync.Mutex
	instances []cvm.Instance
	created   int // instances RunInstances made, for their ids
}

// Option configures a Server.
type Option func(*Server)

// WithInstance adds an instance that DescribeInstances lists.
func WithInstance(in cvm.Instance) Option {
	return func(s *Server) { s.instances = append(s.instances, in) }
}

// WithCredential makes the server accept c too.
func WithCredential(c auth.Credential) Option { return func(s *Server) { s.fake.AddKey(c) } }

// WithLogger logs every error answer (the action, the code and the
// message; never a credential) to l.
func WithLogger(l *slog.Logger) Option { return func(s *Server) { s.fake.SetLogger(l) } }

// NewHandler returns a fake that listens nowhere, to serve with a server
// of one's own (cmd/vpctest does).
func NewHandler(opts ...Option) *Server {
	model, err := models.Load("cvm")
	if err != nil {
		panic(err) // the embedded model: a bug of this module
	}
	examples, err := models.Examples("cvm")
	if err != nil {
		panic(err)
	}
	s := &Server{}
	var actions []string
	for _, a := range model.Actions {
		actions = append(actions, a.Name)
	}
	s.fake = fake.New(fake.Config{Service: "cvm", Version3: "2017-03-12", Actions: actions, Handle3: s.handle,
		Lock: &s.mu, Now: time.Now, Model: model, Examples: examples})
	s.fake.AddKey(DefaultCredential)
	for _, o := range opts {
		o(s)
	}
	return s
}

// NewServer starts a fake CVM on a loopback port.
func NewServer(opts ...Option) *Server {
	s := NewHandler(opts...)
	s.srv = httptest.NewServer(s)
	return s
}

// ServeHTTP answers one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.fake.ServeHTTP(w, r) }

// URL is the base URL to give to common.WithEndpoint ("" for NewHandler's).
func (s *Server) URL() string {
	if s.srv == nil {
		return ""
	}
	return s.srv.URL
}

// Close shuts the server down.
func (s *Server) Close() {
	if s.srv != nil {
		s.srv.Close()
	}
}

// Credential returns the credential the server accepts.
func (s *Server) Credential() auth.Credential { return DefaultCredential }

// InjectFault makes the next times requests of action (or "" for any)
// meet f, before authentication.
func (s *Server) InjectFault(action string, times int, f Fault) error {
	if err := s.fake.InjectFault(action, times, f); err != nil {
		return fmt.Errorf("cvmtest: %w", err)
	}
	return nil
}

// Stub makes the server answer action with answer's members (a map, or the
// action's typed output) instead of its example answer.
func (s *Server) Stub(action string, answer any) error {
	if err := s.fake.Stub(action, answer); err != nil {
		return fmt.Errorf("cvmtest: %w", err)
	}
	return nil
}

// Requests returns the requests received so far, oldest first.
func (s *Server) Requests() []Request { return s.fake.Requests() }

// Format prints only the URL, whatever the verb.
func (s *Server) Format(f fmt.State, _ rune) { fmt.Fprintf(f, "cvmtest.Server{URL: %s}", s.URL()) }

// handle answers a checked call. The caller holds s.mu.
func (s *Server) handle(c *fake.Call) (map[string]any, *fake.Error) {
	switch {
	case s.fake.Stubbed(c.Action):
		return s.fake.Answer(c)
	case operations[c.Action] != "" && (c.Action == "RunInstances" || len(s.instances) > 0):
		return s.operate(c)
	case c.Action != "DescribeInstances" || len(s.instances) == 0:
		return s.fake.Answer(c)
	}
	ids := fake.List(c.Params, "InstanceIds")
	var found []cvm.Instance
	for _, in := range s.instances {
		if len(ids) == 0 || slices.Contains(ids, in.InstanceID) {
			found = append(found, in)
		}
	}
	offset, limit, e := fake.Page(c.Params, 20, 100)
	if e != nil {
		return nil, e
	}
	return map[string]any{"TotalCount": len(found), "InstanceSet": found[min(offset, len(found)):min(offset+limit, len(found))]}, nil
}
