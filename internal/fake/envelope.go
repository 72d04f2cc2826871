package fake

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
)

// Error is an error answer: Code and CodeDesc under API 2.0; under API 3.0
// Error.Code is Code3, else what the service's Codes3 maps CodeDesc to,
// else CodeDesc, else the class of Code.
type Error struct {
	Code     int
	CodeDesc string
	Code3    string
	Message  string
}

// InvalidParameter is the error of a bad parameter (2.0 code 4000, 3.0
// InvalidParameter).
func InvalidParameter(format string, args ...any) *Error {
	return &Error{Code: 4000, CodeDesc: "InvalidParameter", Message: fmt.Sprintf(format, args...)}
}

// MissingParameter is the error of a missing parameter (2.0 code 4000
// InvalidParameter, 3.0 MissingParameter).
func MissingParameter(name string) *Error {
	return &Error{Code: 4000, CodeDesc: "InvalidParameter", Code3: "MissingParameter",
		Message: "(100001)missing required parameter " + name}
}

// classes3 names the 3.0 class of a 2.0 numeric code, for errors (such as
// injected faults) that give only a number.
var classes3 = map[int]string{4000: "InvalidParameter", 4100: "AuthFailure", 4104: "AuthFailure.SecretIdNotFound",
	4200: "AuthFailure.SignatureExpire", 4400: "RequestLimitExceeded",
	5000: "ResourceNotFound", 5100: "FailedOperation", 6000: "InternalError", 6100: "InvalidAction", 6200: "ServiceUnavailable"}

// code3 is e's Error.Code under API 3.0.
func (e *Error) code3(codes3 map[string]string) string {
	switch {
	case e.Code3 != "":
		return e.Code3
	case codes3[e.CodeDesc] != "":
		return codes3[e.CodeDesc]
	case e.CodeDesc == "RequestReplayed": // the machinery's own
		return "AuthFailure.SignatureExpire"
	case e.CodeDesc != "":
		return e.CodeDesc
	case classes3[e.Code] != "":
		return classes3[e.Code]
	}
	return "InternalError"
}

// writer writes an answer in a protocol's envelope.
type writer func(w http.ResponseWriter, c *Call, result map[string]any, e *Error)

// writeEnvelope2 writes the flat v2 envelope: code, message, codeDesc and
// the result fields beside them.
func (s *Server) writeEnvelope2(w http.ResponseWriter, _ *Call, result map[string]any, e *Error) {
	body := map[string]any{"code": 0, "message": "", "codeDesc": "Success"}
	if e != nil {
		body = map[string]any{"code": e.Code, "message": e.Message, "codeDesc": e.CodeDesc}
	}
	for k, v := range result {
		body[k] = v
	}
	s.cfg.Lock.Lock()
	stringNumbers := s.stringNumbers
	s.cfg.Lock.Unlock()
	if stringNumbers {
		for k, v := range body {
			switch v := v.(type) {
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

// writeEnvelope3 writes {"Response": {...result, "RequestId"}} or
// {"Response": {"Error": {"Code", "Message"}, "RequestId"}}.
func (s *Server) writeEnvelope3(w http.ResponseWriter, c *Call, result map[string]any, e *Error) {
	resp := map[string]any{}
	for k, v := range result {
		resp[k] = v
	}
	if e != nil {
		resp = map[string]any{"Error": map[string]any{"Code": e.code3(s.cfg.Codes3), "Message": e.Message}}
	}
	resp["RequestId"] = c.RequestID
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"Response": resp})
}

// newRequestID returns a RequestId in the service's UUID form.
func newRequestID() string {
	a, b := rand.Uint64(), rand.Uint64()
	return fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x", a>>32, a>>16&0xffff, a&0xfff, b>>48&0x3fff|0x8000, b&0xffffffffffff)
}
