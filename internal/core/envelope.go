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
	// under API 2.0, the Response object under API 3.0.
	result []byte
}

// envelope2 is the common part of every API 2.0 answer; result fields are
// its siblings in the same flat JSON object.
type envelope2 struct {
	Code     *wire.Int `json:"code"`
	Message  string    `json:"message"`
	CodeDesc string    `json:"codeDesc"`
}

func parseEnvelope2(body []byte) (envelope, error) {
	var e envelope2
	if err := json.Unmarshal(body, &e); err != nil {
		return envelope{}, fmt.Errorf("body is not a JSON object (%v): %s", err, excerpt(body))
	}
	if e.Code == nil {
		return envelope{}, fmt.Errorf("no code in body: %s", excerpt(body))
	}
	env := envelope{codeDesc: e.CodeDesc, message: e.Message, result: body}
	if *e.Code != 0 {
		env.apiErr = &qerrors.APIError{Code: int(*e.Code), CodeDesc: e.CodeDesc, Message: e.Message}
	}
	return env, nil
}

// envelope3 is an API 3.0 answer: {"Response": {"RequestId": ..., "Error": ...}}.
type envelope3 struct {
	Response json.RawMessage `json:"Response"`
}

type response3 struct {
	RequestID *string `json:"RequestId"`
	Error     *struct {
		Code    string `json:"Code"`
		Message string `json:"Message"`
	} `json:"Error"`
}

func parseEnvelope3(body []byte) (envelope, error) {
	var e envelope3
	if err := json.Unmarshal(body, &e); err != nil {
		return envelope{}, fmt.Errorf("body is not a JSON object (%v): %s", err, excerpt(body))
	}
	if len(e.Response) == 0 || bytes.Equal(e.Response, []byte("null")) {
		return envelope{}, fmt.Errorf("no Response in body: %s", excerpt(body))
	}
	var r response3
	if err := json.Unmarshal(e.Response, &r); err != nil {
		return envelope{}, fmt.Errorf("the Response is not an object (%v): %s", err, excerpt(body))
	}
	if r.RequestID == nil || *r.RequestID == "" {
		return envelope{}, fmt.Errorf("no Response.RequestId: %s", excerpt(body))
	}
	env := envelope{requestID: *r.RequestID, result: e.Response}
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
		return Envelope{}, fmt.Errorf("%s %s: %w", service, action, a.readErr)
	}
	if a.err != nil {
		return Envelope{}, fmt.Errorf("%s %s: %w: %s", service, action, qerrors.ErrMalformedResponse, scrub(a.err.Error()))
	}
	env := a.env
	if e := env.apiErr; e != nil {
		return Envelope{}, &qerrors.APIError{Service: service, Action: action, Code: e.Code,
			CodeDesc: scrub(e.CodeDesc), Message: scrub(e.Message), RequestID: e.RequestID}
	}
	if out != nil {
		if err := json.Unmarshal(env.result, out); err != nil {
			return Envelope{}, fmt.Errorf("%s %s: %w: result fields: %s", service, action, qerrors.ErrMalformedResponse, scrub(err.Error()))
		}
	}
	return Envelope{CodeDesc: scrub(env.codeDesc), Message: scrub(env.message), RequestID: env.requestID}, nil
}
