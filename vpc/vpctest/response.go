package vpctest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
)

// apiError is an error answer: code and codeDesc under API 2.0; under API
// 3.0 Error.Code is Code3, or what code3 maps codeDesc or code to.
type apiError struct {
	Code     int
	CodeDesc string
	Code3    string
	Message  string
}

func invalidParameter(format string, args ...any) *apiError {
	return &apiError{Code: 4000, CodeDesc: "InvalidParameter", Message: fmt.Sprintf(format, args...)}
}

func missingParameter(name string) *apiError {
	return &apiError{Code: 4000, CodeDesc: "InvalidParameter", Code3: "MissingParameter",
		Message: "(100001)missing required parameter " + name}
}

// Quirks switch on behaviours of the real API 2.0 service that clients
// must tolerate (API 3.0 answers are typed and have none).
type Quirks struct {
	// StringNumbers sends code, taskId and totalCount as JSON strings ("0").
	StringNumbers bool
	// UniqVpcIDKey spells the unified VPC id key of DescribeVpcClassicLink
	// items uniqVpcId, as the published sample does, instead of unVpcId.
	UniqVpcIDKey bool
}

// SetQuirks switches quirks on or off for the following requests.
func (s *Server) SetQuirks(q Quirks) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.quirks = q
}

// numberFields are the result fields sent as strings under StringNumbers.
var numberFields = []string{"taskId", "totalCount"}

// writeEnvelope writes the flat v2 envelope: code, message, codeDesc and
// the result fields beside them.
func writeEnvelope(w http.ResponseWriter, q Quirks, _ *incoming, result map[string]any, e *apiError) {
	body := map[string]any{"code": 0, "message": "", "codeDesc": "Success"}
	if e != nil {
		body = map[string]any{"code": e.Code, "message": e.Message, "codeDesc": e.CodeDesc}
	}
	for k, v := range result {
		body[k] = v
	}
	if q.StringNumbers {
		for _, k := range append([]string{"code"}, numberFields...) {
			switch v := body[k].(type) {
			case int:
				body[k] = strconv.Itoa(v)
			case int64:
				body[k] = strconv.FormatInt(v, 10)
			}
		}
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(body)
}
