package vpctest

import (
	"bytes"
	"crypto/subtle"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/internal/testsig"
	"github.com/qcloudkit/qcloud-sdk-go/internal/wire"
)

// version3 is the API 3.0 Version of the VPC actions.
const version3 = "2017-03-12"

// tc3Window is how far an API 3.0 X-TC-Timestamp may be from the server's clock.
const tc3Window = 5 * time.Minute

// read3 reads an API 3.0 request: TC3 (an Authorization header; a JSON body
// or a GET query) or the v1 signature (parameters in a GET query or a form
// body, as under API 2.0 but at /).
func (s *Server) read3(w http.ResponseWriter, r *http.Request) (*incoming, *apiError) {
	in := &incoming{api: 3, requestID: newRequestID()}
	if r.Header.Get("Authorization") == "" && r.Header.Get("X-TC-Action") != "" {
		in.action = r.Header.Get("X-TC-Action")
		return in, &apiError{Code3: "AuthFailure.SignatureFailure",
			Message: "no Authorization header: a request with X-TC headers must be signed with TC3-HMAC-SHA256"}
	}
	if r.Header.Get("Authorization") == "" {
		p, err := formParams(w, r)
		if err != nil {
			return in, &apiError{Code3: "InvalidParameter", Message: "cannot parse parameters: " + err.Error()}
		}
		in.params, in.action, in.region = p, p.Get("Action"), fullRegion(p.Get("Region"))
		in.authenticate = func() *apiError {
			if e := checkVersion(p.Get("Version")); e != nil {
				return e
			}
			return s.authenticate(r, p)
		}
		return in, nil
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequestBytes))
	if err != nil {
		return in, &apiError{Code3: "InvalidParameter", Message: "cannot read the body: " + err.Error()}
	}
	in.action, in.region = r.Header.Get("X-TC-Action"), fullRegion(r.Header.Get("X-TC-Region"))
	in.authenticate = func() *apiError { return s.authenticateTC3(r, body) }
	if r.Method == http.MethodGet {
		if in.params, err = url.ParseQuery(r.URL.RawQuery); err != nil {
			return in, &apiError{Code3: "InvalidParameter", Message: "cannot parse the query: " + err.Error()}
		}
		return in, nil
	}
	if e := checkJSONTypes(body); e != nil {
		return in, e
	}
	if in.params, err = wire.FlattenBounded(json.RawMessage(body), maxFlatBytes); err != nil {
		return in, &apiError{Code3: "InvalidParameter", Message: "the body is not a JSON object: " + err.Error()}
	}
	return in, nil
}

// maxFlatBytes bounds what a JSON body may flatten to. The body is read
// into parameters before the request is authenticated (the request record
// and the faults need them), so a small body of deep or long names must
// not cost the fake more than this.
const maxFlatBytes = 4 * maxRequestBytes

// checkJSONTypes refuses a JSON body whose Offset or Limit is not a
// string, as the service does (both are String in DescribeClassicLinkInstances).
func checkJSONTypes(body []byte) *apiError {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		return &apiError{Code3: "InvalidParameter", Message: "the body is not a JSON object"}
	}
	for _, name := range []string{"Offset", "Limit"} {
		if v, ok := fields[name]; ok && !bytes.HasPrefix(v, []byte(`"`)) {
			return &apiError{Code3: "InvalidParameterValue", Message: name + " must be a String, not " + string(v)}
		}
	}
	return nil
}

func checkVersion(v string) *apiError {
	switch v {
	case version3:
		return nil
	case "":
		return &apiError{Code3: "MissingParameter", Message: "missing required parameter Version"}
	}
	return &apiError{Code3: "NoSuchVersion", Message: "Version " + v + " is not " + version3}
}

// authenticateTC3 checks a TC3 request as the service does: the headers,
// the 5-minute window on the server's clock, the SecretId, the signature
// (recomputed by internal/testsig, written apart from the SDK's signer)
// and the session token. The caller holds s.mu.
func (s *Server) authenticateTC3(r *http.Request, body []byte) *apiError {
	for _, h := range []string{"X-TC-Action", "X-TC-Version", "X-TC-Region", "X-TC-Timestamp"} {
		if r.Header.Get(h) == "" {
			return &apiError{Code3: "MissingParameter", Message: "missing header " + h}
		}
	}
	if e := checkVersion(r.Header.Get("X-TC-Version")); e != nil {
		return e
	}
	ts, err := strconv.ParseInt(r.Header.Get("X-TC-Timestamp"), 10, 64)
	if err != nil {
		return &apiError{Code3: "InvalidParameterValue", Message: "X-TC-Timestamp is not Unix seconds"}
	}
	if d := s.now().Sub(time.Unix(ts, 0)); d > tc3Window || d < -tc3Window {
		return &apiError{Code3: "AuthFailure.SignatureExpire", Message: "X-TC-Timestamp is more than 5 minutes from server time"}
	}
	cred := r.Header.Get("Authorization")
	id, _, _ := strings.Cut(strings.TrimPrefix(cred, "TC3-HMAC-SHA256 Credential="), "/")
	if !strings.HasPrefix(cred, "TC3-HMAC-SHA256 Credential=") {
		return &apiError{Code3: "AuthFailure.InvalidAuthorization", Message: "Authorization is not TC3-HMAC-SHA256"}
	}
	key, ok := s.keys[id]
	if !ok {
		return &apiError{Code3: "AuthFailure.SecretIdNotFound", Message: "SecretId does not exist or is disabled"}
	}
	if !verifyTC3(r, body, key.SecretKey) {
		return &apiError{Code3: "AuthFailure.SignatureFailure", Message: "The provided credentials could not be validated."}
	}
	if subtle.ConstantTimeCompare([]byte(key.Token), []byte(r.Header.Get("X-TC-Token"))) != 1 {
		return &apiError{Code3: "AuthFailure.TokenFailure", Message: "X-TC-Token is missing, invalid or not expected"}
	}
	return nil
}

// verifyTC3 checks r's TC3 signature. The service's own clients sign the
// scope's service "vpc" and the Host header as sent; a client that derives
// both from its endpoint, as Tencent's Node SDK does, signs the endpoint's
// first label ("127" for http://127.0.0.1:18080) and the host without its
// port. Against the real service, at vpc.tencentcloudapi.com on port 443,
// both readings are the same; the fake, at an address of its own, accepts
// either, and still checks every byte signed.
func verifyTC3(r *http.Request, body []byte, secretKey string) bool {
	hostname, _, err := net.SplitHostPort(r.Host)
	if err != nil {
		hostname = r.Host
	}
	label, _, _ := strings.Cut(hostname, ".")
	for _, service := range []string{"vpc", label} {
		for _, host := range []string{r.Host, hostname} {
			if _, err := testsig.VerifyTC3As(r, body, secretKey, service, host); err == nil {
				return true
			}
		}
	}
	return false
}

// handle3 runs an API 3.0 action on the shared world. The caller holds s.mu.
func (s *Server) handle3(in *incoming) (map[string]any, *apiError) {
	p, region := in.params, in.region
	if region == "" {
		return nil, &apiError{Code3: "MissingParameter", Message: "missing required parameter Region"}
	}
	switch in.action {
	case ActionAttachClassicLinkVpc, ActionDetachClassicLinkVpc:
		link := s.attach
		if in.action == ActionDetachClassicLinkVpc {
			link = s.detach
		}
		t, e := link(p, region, linkKeys3)
		if e != nil {
			return nil, e
		}
		t.requestID = in.requestID
		s.tasks3[in.requestID] = t
		return map[string]any{}, nil
	case ActionDescribeClassicLinkInstances:
		return s.describeLinks3(p, region)
	case ActionDescribeVpcTaskResult:
		return s.describeTask3(p)
	case ActionDescribeVpcs:
		return s.describeVpcs3(p, region)
	}
	return nil, &apiError{Code3: "InvalidAction", Message: "unknown action " + in.action}
}

// describeLinks3 answers DescribeClassicLinkInstances: filters vpc-id and
// vm-ip (AND across filters, OR within values), Offset and Limit (default
// 20, at most 100) as strings; links oldest first.
func (s *Server) describeLinks3(p url.Values, region string) (map[string]any, *apiError) {
	offset, e := intParam3(p, "Offset", 0, 0, 1<<31-1)
	if e != nil {
		return nil, e
	}
	limit, e := intParam3(p, "Limit", defaultDescribeLimit, 1, 100)
	if e != nil {
		return nil, e
	}
	filters, e := filters3(p, "InvalidParameter.FilterNotSupported", "vpc-id", "vm-ip")
	if e != nil {
		return nil, e
	}
	var found []*link
	for _, l := range s.links {
		if l.state == linkAttaching || l.vpc.Region != region {
			continue
		}
		if v, ok := filters["vpc-id"]; ok && !slices.Contains(v, l.vpc.ID) {
			continue
		}
		if v, ok := filters["vm-ip"]; ok && !slices.Contains(v, l.instance.LanIP) {
			continue
		}
		found = append(found, l)
	}
	sortLinks(found, true)
	page := found[min(offset, len(found)):min(offset+limit, len(found))]
	set := make([]map[string]any, len(page))
	for i, l := range page {
		set[i] = map[string]any{"VpcId": l.vpc.ID, "InstanceId": l.instance.ID}
	}
	return map[string]any{"TotalCount": len(found), "ClassicLinkInstanceSet": set}, nil
}

// filters3 reads the Filters of a Describe action, name to values, and
// refuses, with code unknown, a name not among known.
func filters3(p url.Values, unknown string, known ...string) (map[string][]string, *apiError) {
	filters := map[string][]string{}
	for i := 0; p.Has("Filters." + strconv.Itoa(i) + ".Name"); i++ {
		prefix := "Filters." + strconv.Itoa(i)
		name := p.Get(prefix + ".Name")
		if !slices.Contains(known, name) {
			return nil, &apiError{Code3: unknown, Message: "filter " + name + " is not supported"}
		}
		var values []string
		for j := 0; p.Has(prefix + ".Values." + strconv.Itoa(j)); j++ {
			values = append(values, p.Get(prefix+".Values."+strconv.Itoa(j)))
		}
		if len(values) == 0 {
			return nil, &apiError{Code3: "InvalidParameter.FilterValuesNotList", Message: "filter " + name + " has no Values list"}
		}
		filters[name] = values
	}
	return filters, nil
}

// intParam3 reads an optional integer that travels as a string.
func intParam3(p url.Values, name string, def, lo, hi int) (int, *apiError) {
	v := p.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	switch {
	case err != nil:
		return 0, &apiError{Code3: "InvalidParameterValue", Message: fmt.Sprintf("%s %q is not an integer", name, v)}
	case n > hi && name == "Limit":
		return 0, &apiError{Code3: "InvalidParameterValue.LimitExceeded", Message: fmt.Sprintf("Limit %d: at most %d", n, hi)}
	case n < lo || n > hi:
		return 0, &apiError{Code3: "InvalidParameterValue.Range", Message: fmt.Sprintf("%s %d: want %d to %d", name, n, lo, hi)}
	}
	return n, nil
}

// describeTask3 answers DescribeVpcTaskResult for the RequestId of an
// Attach or Detach made over API 3.0.
func (s *Server) describeTask3(p url.Values) (map[string]any, *apiError) {
	id := p.Get("TaskId")
	if id == "" {
		return nil, &apiError{Code3: "MissingParameter", Message: "missing required parameter TaskId"}
	}
	t := s.tasks3[id]
	if t == nil {
		return nil, &apiError{Code3: "ResourceNotFound", Message: "task " + id + " does not exist"}
	}
	s.poll(t)
	switch t.status {
	case taskSucceeded:
		return map[string]any{"Status": "SUCCESS", "Output": "SUCCESS", "Result": nil}, nil
	case taskFailed:
		// 3.0's Output is one string: the code leads it, as a 2.0 message's
		// module code does.
		return map[string]any{"Status": "FAILED", "Output": fmt.Sprintf("(%d)%s", t.failure.Code, t.failure.Message), "Result": nil}, nil
	}
	return map[string]any{"Status": "RUNNING", "Output": "", "Result": nil}, nil
}

// codes3 maps the fake's 2.0 business codes to the 3.0 codes of the same
// errors (docs/wire.md, 3.5).
var codes3 = map[string]string{
	"InvalidVpc.NotFound":             "ResourceNotFound",
	"InvalidInstance.NotFound":        "ResourceNotFound",
	"InstanceNotLinked":               "ResourceNotFound",
	"InvalidTaskId.NotFound":          "ResourceNotFound",
	"InstanceAlreadyLinked":           "UnsupportedOperation.ClassicInstanceIdAlreadyExists",
	"InstanceLimitExceeded":           "LimitExceeded",
	"ActionLocked":                    "ResourceInUse",
	"InvalidParameter.RegionMismatch": "InvalidParameterValue.RegionMismatch",
	"RequestReplayed":                 "AuthFailure.SignatureExpire",
}

// classes3 names the 3.0 class of a 2.0 numeric code, for errors (such as
// injected faults) that give only a number.
var classes3 = map[int]string{4000: "InvalidParameter", 4100: "AuthFailure", 4104: "AuthFailure.SecretIdNotFound",
	4200: "AuthFailure.SignatureExpire", 4400: "RequestLimitExceeded", 5000: "ResourceNotFound", 5100: "FailedOperation",
	6000: "InternalError", 6100: "InvalidAction", 6200: "ServiceUnavailable"}

// code3 is e's Error.Code under API 3.0.
func (e *apiError) code3() string {
	switch {
	case e.Code3 != "":
		return e.Code3
	case codes3[e.CodeDesc] != "":
		return codes3[e.CodeDesc]
	case e.CodeDesc != "":
		return e.CodeDesc
	case classes3[e.Code] != "":
		return classes3[e.Code]
	}
	return "InternalError"
}

// writeEnvelope3 writes {"Response": {...result, "RequestId"}} or
// {"Response": {"Error": {"Code", "Message"}, "RequestId"}}.
func writeEnvelope3(w http.ResponseWriter, _ Quirks, in *incoming, result map[string]any, e *apiError) {
	resp := map[string]any{}
	for k, v := range result {
		resp[k] = v
	}
	if e != nil {
		resp = map[string]any{"Error": map[string]any{"Code": e.code3(), "Message": e.Message}}
	}
	resp["RequestId"] = in.requestID
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"Response": resp})
}

// newRequestID returns a RequestId in the service's UUID form.
func newRequestID() string {
	a, b := rand.Uint64(), rand.Uint64()
	return fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x", a>>32, a>>16&0xffff, a&0xfff, b>>48&0x3fff|0x8000, b&0xffffffffffff)
}
