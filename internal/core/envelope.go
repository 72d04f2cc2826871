package core

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"

	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/internal/wire"
)

// envelope is the common part of an answer, parsed once per attempt.
type envelope struct {
	// apiErr is the error the answer reports (Service, Action and a
	// scrubbed Message are filled in by decode), nil for a success.
	apiErr *qerrors.APIError
	// codeDesc, message and requestID are the success's own.
	codeDesc, message, requestID string
	// result is what the call's result decodes from: the whole flat body
	// under API 2.0, the Response object under API 3.0; nil when the
	// result was decoded with the envelope, in one pass.
	result []byte
}

// The result types that carry their protocol's envelope.
type (
	carrier2 interface{ V2() *wire.Envelope2 }
	carrier3 interface{ V3() *wire.Envelope3 }
)

// parseEnvelope2 parses an API 2.0 answer, and decodes it into out at once
// when out carries the envelope (wire.Envelope2). A body that does not
// decode is parsed again in two steps, to say what is wrong with it.
func parseEnvelope2(body []byte, out any) (envelope, error) {
	if c, ok := out.(carrier2); ok {
		if json.Unmarshal(body, out) == nil && c.V2().Code.Valid {
			return envelope2Of(c.V2(), nil), nil
		}
	}
	var e wire.Envelope2
	if err := json.Unmarshal(body, &e); err != nil {
		return envelope{}, fmt.Errorf("body is not a JSON object (%v): %s", err, excerpt(body))
	}
	if !e.Code.Valid {
		return envelope{}, fmt.Errorf("no code in body: %s", excerpt(body))
	}
	return envelope2Of(&e, body), nil
}

func envelope2Of(e *wire.Envelope2, result []byte) envelope {
	env := envelope{codeDesc: e.CodeDesc, message: e.Message, result: result}
	if e.Code.N != 0 {
		env.apiErr = &qerrors.APIError{Code: int(e.Code.N), CodeDesc: e.CodeDesc, Message: e.Message}
	}
	return env
}

// parseEnvelope3 parses an API 3.0 answer {"Response": {...}}, in one pass
// when out is nil or carries the envelope (wire.Envelope3); otherwise, and
// to say what is wrong with a body that does not decode, in two.
func parseEnvelope3(body []byte, out any) (envelope, error) {
	switch c := out.(type) {
	case nil:
		var whole struct{ Response *wire.Envelope3 }
		if json.Unmarshal(body, &whole) == nil && whole.Response != nil {
			return envelope3Of(whole.Response, nil, body)
		}
	case carrier3:
		whole := struct{ Response any }{out}
		if json.Unmarshal(body, &whole) == nil && whole.Response != nil {
			return envelope3Of(c.V3(), nil, body)
		}
	}
	var e struct {
		Response json.RawMessage `json:"Response"`
	}
	if err := json.Unmarshal(body, &e); err != nil {
		return envelope{}, fmt.Errorf("body is not a JSON object (%v): %s", err, excerpt(body))
	}
	if len(e.Response) == 0 || bytes.Equal(e.Response, []byte("null")) {
		return envelope{}, fmt.Errorf("no Response in body: %s", excerpt(body))
	}
	var r wire.Envelope3
	if err := json.Unmarshal(e.Response, &r); err != nil {
		return envelope{}, fmt.Errorf("the Response is not an object (%v): %s", err, excerpt(body))
	}
	return envelope3Of(&r, e.Response, body)
}

func envelope3Of(r *wire.Envelope3, result, body []byte) (envelope, error) {
	if r.RequestID == nil || *r.RequestID == "" {
		return envelope{}, fmt.Errorf("no Response.RequestId: %s", excerpt(body))
	}
	env := envelope{requestID: *r.RequestID, result: result}
	if r.Error != nil {
		if r.Error.Code == "" {
			return envelope{}, fmt.Errorf("a Response.Error without a Code: %s", excerpt(body))
		}
		env.apiErr = &qerrors.APIError{CodeDesc: r.Error.Code, Message: r.Error.Message, RequestID: *r.RequestID}
	}
	return env, nil
}

// decode turns one HTTP answer into out or an error. scrub removes the
// call's secrets from what the server wrote (messages, body excerpts).
func (c *Client) decode(st *callState, status int, a *answer, out any) (Envelope, error) {
	service, action, scrub := c.service.Name, st.action, st.secrets.scrub
	if status != http.StatusOK {
		return Envelope{}, &qerrors.StatusError{Service: service, Action: action, StatusCode: status, Body: scrub(excerpt(a.body))}
	}
	if a.readErr != nil { // the body was over the size limit
		return Envelope{}, a.readErr
	}
	if a.err != nil {
		return Envelope{}, fmt.Errorf("%w: %s", qerrors.ErrMalformedResponse, scrub(a.err.Error()))
	}
	env := a.env
	if e := env.apiErr; e != nil {
		return Envelope{}, &qerrors.APIError{Service: service, Action: action, Code: e.Code,
			CodeDesc: scrub(e.CodeDesc), Message: scrub(e.Message), RequestID: e.RequestID}
	}
	if out != nil && env.result != nil {
		if err := wire.Unmarshal(env.result, out, false); err != nil {
			return Envelope{}, fmt.Errorf("%w: result fields: %s", qerrors.ErrMalformedResponse, scrub(err.Error()))
		}
	}
	return Envelope{CodeDesc: scrub(env.codeDesc), Message: scrub(env.message), RequestID: env.requestID}, nil
}
