package core

import (
	"net/http"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
)

// codec is a protocol's wire form, chosen once when a client is built: how
// a call's parameters are encoded (once per call), how an attempt is
// signed, and how an answer's envelope is parsed.
type codec interface {
	// encode puts a call's parameters in e, in the codec's form.
	encode(c *Client, e *encoded, params any, action string) error
	// sign puts the call and the common parameters or headers of an
	// attempt at timestamp ts on out, signed with cred, and returns the
	// signature.
	sign(c *Client, out *http.Request, st *callState, cred auth.Credential, ts int64) string
	// parse parses an answer's envelope, decoding it into out at once when
	// out carries the envelope.
	parse(body []byte, out any) (envelope, error)
}

// The codecs: API 3.0 signed with TC3 (a JSON body, or the query of a
// GET), and the form codec of the v2-style signature, API 2.0's wire and
// API 3.0's "v1".
type (
	tc3Codec  struct{}
	formCodec struct{ api common.API }
)

// codecOf returns the codec of api signed with m.
func codecOf(api common.API, m auth.SignatureMethod) codec {
	if m == auth.TC3HmacSHA256 {
		return tc3Codec{}
	}
	return formCodec{api: api}
}

func (tc3Codec) encode(c *Client, e *encoded, params any, _ string) error {
	return c.encodeTC3(e, params)
}

func (tc3Codec) sign(c *Client, out *http.Request, st *callState, cred auth.Credential, ts int64) string {
	return c.signTC3(out, st, cred, ts)
}

func (tc3Codec) parse(body []byte, out any) (envelope, error) { return parseEnvelope3(body, out) }

func (formCodec) encode(c *Client, e *encoded, params any, action string) error {
	return c.encodeForm(e, params, action)
}

func (formCodec) sign(c *Client, out *http.Request, st *callState, cred auth.Credential, ts int64) string {
	return c.signForm(out, st, cred, ts)
}

func (f formCodec) parse(body []byte, out any) (envelope, error) {
	if f.api == common.API3 {
		return parseEnvelope3(body, out)
	}
	return parseEnvelope2(body, out)
}
