package common

import (
	"encoding/json"
	"fmt"

	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
	"github.com/qcloudkit/qcloud-sdk-go/internal/wire"
)

// envelope is the common part of every v2 response; result fields are its
// siblings in the same flat JSON object.
type envelope struct {
	Code     *wire.Int `json:"code"`
	Message  string    `json:"message"`
	CodeDesc string    `json:"codeDesc"`
}

func parseEnvelope(body []byte) (envelope, error) {
	var env envelope
	if err := json.Unmarshal(body, &env); err != nil {
		return env, fmt.Errorf("body is not a JSON object (%v): %s", err, excerpt(body))
	}
	if env.Code == nil {
		return env, fmt.Errorf("no code in body: %s", excerpt(body))
	}
	return env, nil
}

// decode turns one HTTP answer into out or an error. scrub removes the
// call's secrets from what the server wrote (messages, body excerpts).
func decode(service, action string, status int, a *answer, out any, scrub func(string) string) (Envelope, error) {
	if status != 200 {
		return Envelope{}, &qerrors.StatusError{Service: service, Action: action, StatusCode: status, Body: scrub(excerpt(a.body))}
	}
	if a.readErr != nil { // the body was over the size limit
		return Envelope{}, fmt.Errorf("%s %s: %w", service, action, a.readErr)
	}
	env, body := a.env, a.body
	if a.err != nil {
		return Envelope{}, fmt.Errorf("%s %s: %w: %s", service, action, qerrors.ErrMalformedResponse, scrub(a.err.Error()))
	}
	if *env.Code != 0 {
		return Envelope{}, &qerrors.APIError{
			Service: service, Action: action, Code: int(*env.Code), CodeDesc: scrub(env.CodeDesc), Message: scrub(env.Message),
		}
	}
	if out != nil {
		if err := json.Unmarshal(body, out); err != nil {
			return Envelope{}, fmt.Errorf("%s %s: %w: result fields: %s", service, action, qerrors.ErrMalformedResponse, scrub(err.Error()))
		}
	}
	return Envelope{CodeDesc: scrub(env.CodeDesc), Message: scrub(env.Message)}, nil
}
