package vpctest

import (
	"io"
	"net/http"
	"net/url"
	"time"
)

// The paths of the two protocols: API 2.0 at /v2/index.php, API 3.0 at /.
const (
	apiPath  = "/v2/index.php"
	apiPath3 = "/"
)

// maxRequestBytes bounds a POST body.
const maxRequestBytes = 1 << 20

// The actions the server knows, for [Server.InjectFault] and
// [Server.RequestCount]. DescribeClassicLinkInstances is API 3.0's name of
// DescribeVpcClassicLink; the other three have the same name under both.
const (
	ActionAttachClassicLinkVpc         = "AttachClassicLinkVpc"
	ActionDetachClassicLinkVpc         = "DetachClassicLinkVpc"
	ActionDescribeVpcClassicLink       = "DescribeVpcClassicLink"
	ActionDescribeClassicLinkInstances = "DescribeClassicLinkInstances"
	ActionDescribeVpcTaskResult        = "DescribeVpcTaskResult"
	// ActionDescribeVpcs lists VPCs (API 3.0 only).
	ActionDescribeVpcs = "DescribeVpcs"
)

// actions lists them, for checking a name.
var actions = []string{ActionAttachClassicLinkVpc, ActionDetachClassicLinkVpc, ActionDescribeVpcClassicLink,
	ActionDescribeClassicLinkInstances, ActionDescribeVpcTaskResult, ActionDescribeVpcs}

// incoming is one request, read by its protocol.
type incoming struct {
	api       int    // 2 or 3
	action    string // the Action parameter, or X-TC-Action
	params    url.Values
	region    string // full name
	requestID string // API 3.0: the RequestId of the answer
	// authenticate checks the request's signature and credentials; the
	// caller holds s.mu.
	authenticate func() *apiError
}

// writer writes an answer in a protocol's envelope.
type writer func(w http.ResponseWriter, q Quirks, in *incoming, result map[string]any, e *apiError)

// ServeHTTP answers one request: API 2.0 at /v2/index.php, API 3.0 at /,
// both on the same world.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var read func(http.ResponseWriter, *http.Request) (*incoming, *apiError)
	var write writer
	switch r.URL.Path {
	case apiPath:
		read, write = s.read2, writeEnvelope
	case apiPath3:
		read, write = s.read3, writeEnvelope3
	default:
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	in, e := read(w, r)
	write = s.logged(write)

	s.mu.Lock()
	q := s.quirks
	if e != nil {
		s.mu.Unlock()
		write(w, q, in, nil, e)
		return
	}
	s.record(r.Method, in)
	fault := s.takeFault(in.action)
	s.mu.Unlock()

	if fault != nil {
		if fault.Delay > 0 && !sleep(r, fault.Delay) {
			return
		}
		if answerFault(w, q, in, fault, write) {
			return
		}
	}

	s.mu.Lock()
	s.settleDue()
	result, apiErr := s.handle(in)
	s.mu.Unlock()
	if fault != nil && fault.Drop == DropAfterRead {
		dropConnection(w)
		return
	}
	write(w, q, in, result, apiErr)
}

// logged returns write, logging every error answer first when the server
// has a logger: a client whose calls are refused learns why from the
// fake's log too, not only from the answer.
func (s *Server) logged(write writer) writer {
	if s.logger == nil {
		return write
	}
	return func(w http.ResponseWriter, q Quirks, in *incoming, result map[string]any, e *apiError) {
		if e != nil {
			code := e.CodeDesc
			if in.api == 3 {
				code = e.code3()
			}
			s.logger.Info("vpctest refused a request", "api", in.api, "action", in.action, "code", code, "message", e.Message)
		}
		write(w, q, in, result, e)
	}
}

// read2 reads an API 2.0 request: the query of a GET, the form body of a POST.
func (s *Server) read2(w http.ResponseWriter, r *http.Request) (*incoming, *apiError) {
	in := &incoming{api: 2}
	p, err := formParams(w, r)
	if err != nil {
		return in, invalidParameter("(100003)cannot parse parameters: %v", err)
	}
	in.params, in.action, in.region = p, p.Get("Action"), fullRegion(p.Get("Region"))
	in.authenticate = func() *apiError { return s.authenticate(r, p) }
	return in, nil
}

// formParams returns the query of a GET or the form body of a POST.
func formParams(w http.ResponseWriter, r *http.Request) (url.Values, error) {
	if r.Method == http.MethodGet {
		return url.ParseQuery(r.URL.RawQuery)
	}
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequestBytes))
	if err != nil {
		return nil, err
	}
	return url.ParseQuery(string(b))
}

// handle authenticates and runs the action. The caller holds s.mu.
func (s *Server) handle(in *incoming) (map[string]any, *apiError) {
	if e := in.authenticate(); e != nil {
		return nil, e
	}
	if in.api == 3 {
		return s.handle3(in)
	}
	p, region := in.params, in.region
	switch in.action {
	case ActionAttachClassicLinkVpc, ActionDetachClassicLinkVpc:
		link := s.attach
		if in.action == ActionDetachClassicLinkVpc {
			link = s.detach
		}
		t, e := link(p, region, linkKeys2)
		if e != nil {
			return nil, e
		}
		return map[string]any{"taskId": t.id}, nil
	case ActionDescribeVpcClassicLink:
		return s.describeLinks(p, region)
	case ActionDescribeVpcTaskResult:
		return s.describeTask(p)
	default:
		return nil, &apiError{Code: 4000, CodeDesc: "InvalidAction", Message: "(100005)unknown Action " + in.action}
	}
}

// answerFault writes the fault's answer and reports whether it did.
func answerFault(w http.ResponseWriter, q Quirks, in *incoming, f *Fault, write writer) bool {
	switch {
	case f.Drop == DropBeforeRead:
		dropConnection(w)
	case f.Drop == DropAfterRead:
		return false
	case f.HTTPStatus != 0:
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(f.HTTPStatus)
		_, _ = io.WriteString(w, "<html><body><h1>"+http.StatusText(f.HTTPStatus)+"</h1></body></html>")
	case f.Malformed:
		w.Header().Set("Content-Type", "application/json")
		if in.api == 3 {
			_, _ = io.WriteString(w, `{"Response":{"RequestId":`)
		} else {
			_, _ = io.WriteString(w, `{"code":0,"message":"","taskId":`)
		}
	case f.Code != 0 || f.CodeDesc != "":
		write(w, q, in, nil, faultError(f))
	default:
		return false
	}
	return true
}

// dropConnection closes the connection without writing a response.
func dropConnection(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		// Not hijackable (HTTP/2): abort the handler, which resets the stream.
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}

// sleep waits d or until the client goes away, and reports whether the
// full delay passed.
func sleep(r *http.Request, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	}
}
