package fake

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"

	"github.com/qcloudkit/qcloud-sdk-go/internal/wire"
)

// Call is one request, read by its protocol.
type Call struct {
	// API is 2 or 3.
	API int
	// Method is GET or POST.
	Method string
	// Action is the Action parameter, or X-TC-Action.
	Action string
	// Params are the request's parameters (a JSON body flattened:
	// InstanceIds.0, Filters.0.Values.0).
	Params url.Values
	// Region is the full region name ("gz" reads as ap-guangzhou).
	Region string
	// RequestID is the RequestId of the answer (API 3.0).
	RequestID string

	// json is a JSON body, decoded with its numbers as written, for the
	// model's check (nil for a query or a form).
	json map[string]any
	// authenticate checks the request's signature and credentials; the
	// caller holds the Lock.
	authenticate func() *Error
}

// maxRequestBytes bounds a POST body.
const maxRequestBytes = 1 << 20

// maxFlatBytes bounds what a JSON body may flatten to. The body is read
// into parameters before the request is authenticated (the request record
// and the faults need them), so a small body of deep or long names must
// not cost the fake more than this.
const maxFlatBytes = 4 * maxRequestBytes

// regionAliases maps the old short region names to the full ones.
var regionAliases = map[string]string{
	"gz": "ap-guangzhou", "bj": "ap-beijing", "sh": "ap-shanghai", "hk": "ap-hongkong", "ca": "na-toronto",
}

// FullRegion returns the full name of a region ("gz" is ap-guangzhou).
func FullRegion(r string) string {
	if full, ok := regionAliases[r]; ok {
		return full
	}
	return r
}

// read2 reads an API 2.0 request: the query of a GET, the form body of a POST.
func (s *Server) read2(w http.ResponseWriter, r *http.Request) (*Call, *Error) {
	c := &Call{API: 2, Method: r.Method}
	p, err := formParams(w, r)
	if err != nil {
		return c, InvalidParameter("(100003)cannot parse parameters: %v", err)
	}
	c.Params, c.Action, c.Region = p, p.Get("Action"), FullRegion(p.Get("Region"))
	c.authenticate = func() *Error { return s.authenticate2(r, p) }
	return c, nil
}

// read3 reads an API 3.0 request: TC3 (an Authorization header; a JSON body
// or a GET query) or the v1 signature (parameters in a GET query or a form
// body, as under API 2.0 but at /).
func (s *Server) read3(w http.ResponseWriter, r *http.Request) (*Call, *Error) {
	c := &Call{API: 3, Method: r.Method, RequestID: newRequestID()}
	if r.Header.Get("Authorization") == "" && r.Header.Get("X-TC-Action") != "" {
		c.Action = r.Header.Get("X-TC-Action")
		return c, &Error{Code3: "AuthFailure.SignatureFailure",
			Message: "no Authorization header: a request with X-TC headers must be signed with TC3-HMAC-SHA256"}
	}
	if r.Header.Get("Authorization") == "" {
		p, err := formParams(w, r)
		if err != nil {
			return c, &Error{Code3: "InvalidParameter", Message: "cannot parse parameters: " + err.Error()}
		}
		c.Params, c.Action, c.Region = p, p.Get("Action"), FullRegion(p.Get("Region"))
		c.authenticate = func() *Error {
			if e := s.checkVersion(p.Get("Version")); e != nil {
				return e
			}
			return s.authenticate2(r, p)
		}
		return c, nil
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequestBytes))
	if err != nil {
		return c, &Error{Code3: "InvalidParameter", Message: "cannot read the body: " + err.Error()}
	}
	c.Action, c.Region = r.Header.Get("X-TC-Action"), FullRegion(r.Header.Get("X-TC-Region"))
	c.authenticate = func() *Error { return s.authenticateTC3(r, c.Action, body) }
	if r.Method == http.MethodGet {
		if c.Params, err = url.ParseQuery(r.URL.RawQuery); err != nil {
			return c, &Error{Code3: "InvalidParameter", Message: "cannot parse the query: " + err.Error()}
		}
		return c, nil
	}
	if s.cfg.Model != nil {
		c.json = flatJSON(body) // the model checks the JSON types
	} else if e := checkJSONTypes(body); e != nil {
		return c, e
	}
	if c.Params, err = wire.FlattenBounded(json.RawMessage(body), maxFlatBytes); err != nil {
		return c, &Error{Code3: "InvalidParameter", Message: "the body is not a JSON object: " + err.Error()}
	}
	return c, nil
}

// checkJSONTypes refuses a JSON body whose Offset or Limit is not a
// string, as the service does (both are String in DescribeVpcs and
// DescribeClassicLinkInstances).
func checkJSONTypes(body []byte) *Error {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		return &Error{Code3: "InvalidParameter", Message: "the body is not a JSON object"}
	}
	for _, name := range []string{"Offset", "Limit"} {
		if v, ok := fields[name]; ok && !bytes.HasPrefix(v, []byte(`"`)) {
			return &Error{Code3: "InvalidParameterValue", Message: name + " must be a String, not " + string(v)}
		}
	}
	return nil
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
