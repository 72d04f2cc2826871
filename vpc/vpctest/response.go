package vpctest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
)

// apiError is an answer with a non-zero code.
type apiError struct {
	Code     int
	CodeDesc string
	Message  string
}

func invalidParameter(format string, args ...any) *apiError {
	return &apiError{Code: 4000, CodeDesc: "InvalidParameter", Message: fmt.Sprintf(format, args...)}
}

// Quirks switch on behaviours of the real service that clients must
// tolerate.
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
func writeEnvelope(w http.ResponseWriter, q Quirks, result map[string]any, e *apiError) {
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
