package core

import (
	"context"
	"errors"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
)

// Mapping is how one action travels on one protocol: the wire form of its
// input, and its output from the decoded answer. A service declares it as
// data; the client's protocol picks it, so that no service code branches
// on the protocol.
type Mapping[In, Out any] struct {
	// Params returns the wire parameters of in (API 3.0: a json-tagged
	// struct; API 2.0: a wire.Form), or a
	// ValidationError for what this protocol cannot express.
	Params func(in *In) (any, error)
	// Result, when set, returns a fresh value that the answer's result
	// fields decode into.
	Result func() any
	// Output makes the output of the call of in from the decoded result
	// and the envelope; an answer that lacks what the caller needs is
	// c.Malformed.
	Output func(c *Client, in *In, result any, env Envelope) (*Out, error)
	// ForPaging, when set, fills what an iteration over every page wants
	// of the input and the caller left unset (the largest page, a stable
	// order).
	ForPaging func(in *In)
}

// Binding is one action on both protocols: API 3.0, and API 2.0 for the
// four ClassicLink actions of the seed's legacy wire (nil for the others).
type Binding[In, Out any] struct {
	Op         *Operation
	API3, API2 *Mapping[In, Out]
	// Also maps error codes of this action to a sentinel they match too:
	// the API 3.0 codes of the ClassicLink errors that package errors
	// names after their API 2.0 codeDesc.
	Also map[string]error
}

// mapping returns b's mapping for the client's protocol, or nil.
func (b *Binding[In, Out]) mapping(c *Client) *Mapping[In, Out] {
	if c.api == common.API2 {
		return b.API2
	}
	return b.API3
}

// Invoke sends b's action with in, in the form of the client's protocol,
// and returns its output. A protocol that lacks the action refuses it
// before sending.
func Invoke[In, Out any](ctx context.Context, c *Client, b *Binding[In, Out], in *In, opts ...common.CallOption) (*Out, error) {
	m := b.mapping(c)
	if m == nil {
		return nil, c.notOnProtocol(b.Op)
	}
	params, err := m.Params(in)
	if err != nil {
		return nil, err
	}
	var result any
	if m.Result != nil {
		result = m.Result()
	}
	env, err := c.Do(ctx, &Request{Op: *b.Op, Params: params, Result: result, Options: opts})
	if err != nil {
		return nil, also(err, b.Also)
	}
	return m.Output(c, in, result, env)
}

// ForPaging applies the ForPaging of b's mapping for the client's
// protocol to in.
func ForPaging[In, Out any](c *Client, b *Binding[In, Out], in *In) {
	if m := b.mapping(c); m != nil && m.ForPaging != nil {
		m.ForPaging(in)
	}
}

// notOnProtocol is the error of an action that the client's protocol
// lacks: every action but the four ClassicLink ones is API 3.0 only.
func (c *Client) notOnProtocol(op *Operation) error {
	return Invalid("options", "%s is an API 3.0 action: this client speaks %s (leave WithAPI out, or give common.API3)", op.Action, c.api)
}

// also returns err matching, besides what it matches, the sentinel that
// codes gives its API error's code, if any.
func also(err error, codes map[string]error) error {
	var apiErr *qerrors.APIError
	if len(codes) == 0 || !errors.As(err, &apiErr) || codes[apiErr.CodeDesc] == nil {
		return err
	}
	return &alsoError{err: err, also: codes[apiErr.CodeDesc]}
}

// alsoError is err, matching also too.
type alsoError struct {
	err, also error
}

func (e *alsoError) Error() string        { return e.err.Error() }
func (e *alsoError) Unwrap() error        { return e.err }
func (e *alsoError) Is(target error) bool { return target == e.also }
