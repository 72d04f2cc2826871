package vpctest

import (
	"io"
	"net/http"
	"net/url"
	"time"
)

// apiPath is the path of every v2 module.
const apiPath = "/v2/index.php"

// maxRequestBytes bounds a POST body.
const maxRequestBytes = 1 << 20

// The actions the server knows, for [Server.InjectFault] and
// [Server.RequestCount].
const (
	ActionAttachClassicLinkVpc   = "AttachClassicLinkVpc"
	ActionDetachClassicLinkVpc   = "DetachClassicLinkVpc"
	ActionDescribeVpcClassicLink = "DescribeVpcClassicLink"
	ActionDescribeVpcTaskResult  = "DescribeVpcTaskResult"
)

// actions lists them, for checking a name.
var actions = []string{ActionAttachClassicLinkVpc, ActionDetachClassicLinkVpc, ActionDescribeVpcClassicLink, ActionDescribeVpcTaskResult}

// ServeHTTP answers one v2 request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != apiPath {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p, err := requestParams(w, r)

	s.mu.Lock()
	q := s.quirks
	if err != nil {
		s.mu.Unlock()
		writeEnvelope(w, q, nil, invalidParameter("(100003)cannot parse parameters: %v", err))
		return
	}
	s.record(r.Method, p)
	fault := s.takeFault(p.Get("Action"))
	s.mu.Unlock()

	if fault != nil {
		if fault.Delay > 0 && !sleep(r, fault.Delay) {
			return
		}
		if answerFault(w, q, fault) {
			return
		}
	}

	s.mu.Lock()
	s.settleDue()
	result, apiErr := s.handle(r, p)
	s.mu.Unlock()
	if fault != nil && fault.Drop == DropAfterRead {
		dropConnection(w)
		return
	}
	writeEnvelope(w, q, result, apiErr)
}

// requestParams returns the query of a GET or the form body of a POST.
func requestParams(w http.ResponseWriter, r *http.Request) (url.Values, error) {
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
func (s *Server) handle(r *http.Request, p url.Values) (map[string]any, *apiError) {
	if e := s.authenticate(r, p); e != nil {
		return nil, e
	}
	region := fullRegion(p.Get("Region"))
	switch action := p.Get("Action"); action {
	case ActionAttachClassicLinkVpc:
		return s.attach(p, region)
	case ActionDetachClassicLinkVpc:
		return s.detach(p, region)
	case ActionDescribeVpcClassicLink:
		return s.describeLinks(p, region)
	case ActionDescribeVpcTaskResult:
		return s.describeTask(p)
	default:
		return nil, &apiError{Code: 4000, CodeDesc: "InvalidAction", Message: "(100005)unknown Action " + action}
	}
}

// answerFault writes the fault's answer and reports whether it did.
func answerFault(w http.ResponseWriter, q Quirks, f *Fault) bool {
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
		_, _ = io.WriteString(w, `{"code":0,"message":"","taskId":`)
	case f.Code != 0:
		writeEnvelope(w, q, nil, &apiError{Code: f.Code, CodeDesc: f.CodeDesc, Message: f.Message})
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
