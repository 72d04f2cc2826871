package core

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/internal/sign"
	"github.com/qcloudkit/qcloud-sdk-go/internal/wire"
)

// Service describes a service module.
type Service struct {
	// Name is the host prefix and the TC3 service, for example "vpc".
	Name string
	// Version3 is the API 3.0 Version of its actions, for example "2017-03-12".
	Version3 string
}

// Operation describes one API action: what the generator emits for every
// action of a service, and what a typed method hands the core with its
// input. It is read-only once declared.
type Operation struct {
	// Action is the action name, for example "DescribeVpcs".
	Action string
	// Action3 is its API 3.0 name when it differs: only the ClassicLink
	// actions of the API 2.0 legacy wire ("DescribeClassicLinkInstances").
	Action3 string
	// Idempotent actions (Describe*, Inquiry*, Inquire*, Check*, Get*,
	// Download*) are retried after any transient failure; others only when
	// the service certainly did not act.
	Idempotent bool
	// Unsigned actions (API 3.0 only, TC3) carry Authorization: SKIP and no
	// credentials: AssumeRoleWithWebIdentity proves itself by its token.
	Unsigned bool
	// Paging says how the action pages its results.
	Paging Paging
	// Task says how the action finishes: at once, or by a task to poll
	// with the Poll action.
	Task TaskKind
	Poll string
}

// Paging is how an action pages its results.
type Paging uint8

// The ways of paging.
const (
	// NoPaging: the answer is whole.
	NoPaging Paging = iota
	// OffsetLimit: Offset and Limit in, TotalCount and a list out.
	OffsetLimit
	// NextToken: a NextToken in, the next one out ("" at the end).
	NextToken
)

// TaskKind is how an action finishes.
type TaskKind uint8

// The ways of finishing.
const (
	// Sync: the answer is the outcome.
	Sync TaskKind = iota
	// TaskByRequestID: a task, polled with the call's RequestId
	// (DescribeVpcTaskResult).
	TaskByRequestID
	// TaskByTaskID: a task, polled with the numeric TaskId of the answer
	// (DescribeTaskResult).
	TaskByTaskID
)

// name returns the action's name under api.
func (op Operation) name(api common.API) string {
	if api == common.API3 && op.Action3 != "" {
		return op.Action3
	}
	return op.Action
}

// Request is one call, in the wire form of the client's protocol.
type Request struct {
	Op Operation
	// Params are the parameters: under API 3.0 a json-tagged struct, under
	// API 2.0 a wire.Form; or nil.
	Params any
	// Result receives the result fields: under API 3.0 of the Response
	// object, under API 2.0 the siblings of code in the flat envelope; a
	// pointer to a json-tagged struct, or nil.
	Result any
	// Secrets are parameter values that no error or log line may show (a
	// web identity token), besides the credentials and signatures.
	Secrets []string
	// Options change this call alone (common.WithCallTimeout, ...).
	Options []common.CallOption
}

// Envelope holds the common fields of a successful answer.
type Envelope struct {
	// CodeDesc and Message are the API 2.0 envelope's ("Success", "").
	CodeDesc, Message string
	// RequestID is the API 3.0 Response.RequestId.
	RequestID string
}

// encoded is the attempt-independent form of a call's parameters.
type encoded struct {
	// params are the unsigned parameters of the v2-style signature (API
	// 2.0, and API 3.0 with HmacSHA1/HmacSHA256), sorted for the string to
	// sign: Action, Region (and Version) and the action's own; size is
	// their length as name=value pairs, and plain says that no name or
	// value needs escaping in a query (nor has a name a "_", which the
	// string to sign writes as "."), so that the pairs signed are the
	// pairs sent.
	params []sign.Param
	size   int
	plain  bool
	// body is the TC3 POST's JSON body; query the TC3 GET's query.
	body  []byte
	query string
	// canonicalHash is the hex SHA-256 of the TC3 canonical request, which
	// holds nothing that changes between attempts.
	canonicalHash string
}

// encode turns req's parameters into their wire form: the codec's.
func (c *Client) encode(e *encoded, req *Request, action string) error {
	if _, tc3 := c.codec.(tc3Codec); req.Op.Unsigned && !tc3 {
		return Invalid("options", "%s is an unsigned API 3.0 call: it needs WithAPI(common.API3) and the TC3 signature", action)
	}
	return c.codec.encode(c, e, req.Params, action)
}

// encodeForm turns a call's parameters into the sorted pairs of the v2-style
// signature, with the common ones (Action, Region and, under API 3.0,
// Version): API 2.0's from a wire.Form, API 3.0's
// flattened from a json-tagged one.
func (c *Client) encodeForm(e *encoded, in any, action string) error {
	var form url.Values
	var err error
	if c.api == common.API2 {
		form, err = encodeParams2(in)
	} else {
		form, err = wire.Flatten(in)
	}
	if err != nil {
		return err
	}
	// The common parameters go straight into the list (a map Set costs an
	// allocation each), in place of any the action's parameters hold.
	params := make([]sign.Param, 0, wire.Len(form)+3)
	params = append(params, sign.Param{Name: "Action", Value: action}, sign.Param{Name: "Region", Value: c.region})
	if c.api == common.API3 {
		params = append(params, sign.Param{Name: "Version", Value: c.service.Version3})
	}
	err = wire.Each(form, func(name, value string) {
		if name != "Action" && name != "Region" && (name != "Version" || c.api != common.API3) {
			params = append(params, sign.Param{Name: name, Value: value})
		}
	})
	if err != nil {
		return err
	}
	if a, b := sign.SortParams(params); a != "" {
		return Invalid(b, "parameters %s and %s are one name to the service (it reads . as _) and cannot be signed unambiguously", a, b)
	}
	e.params, e.plain = params, true
	for _, p := range params {
		e.size += len(p.Name) + len(p.Value) + 2
		e.plain = e.plain && plainName(p.Name) && plainValue(p.Value)
	}
	return nil
}

// plainValue reports whether s is the same query-escaped: only unreserved
// characters (RFC 3986).
func plainValue(s string) bool {
	for i := range len(s) {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '.', c == '_', c == '~':
		default:
			return false
		}
	}
	return true
}

// plainName reports whether name is the same query-escaped and in the
// string to sign.
func plainName(name string) bool { return plainValue(name) && !strings.Contains(name, "_") }

// encodeParams2 returns the parameters of an API 2.0 mapping: a wire.Form,
// or nil for none.
func encodeParams2(in any) (url.Values, error) {
	switch p := in.(type) {
	case nil:
		return url.Values{}, nil
	case wire.Form:
		return url.Values(p), nil
	}
	return nil, fmt.Errorf("API 2.0 parameters of type %T: want a wire.Form", in)
}

// encodeTC3 makes the JSON body of a POST, or the query of a GET, and
// hashes the canonical request once for all attempts.
func (c *Client) encodeTC3(e *encoded, in any) error {
	if c.method == "POST" {
		if in == nil {
			e.body = []byte("{}")
		} else {
			b, err := json.Marshal(in)
			if err != nil {
				return err
			}
			if string(b) == "null" { // a nil pointer: no parameters
				b = []byte("{}")
			}
			e.body = b
		}
	} else {
		v, err := wire.Flatten(in)
		if err != nil {
			return err
		}
		e.query = v.Encode()
	}
	e.canonicalHash = canonicalHashTC3(c.method, e.query, c.contentType(), c.endpoint.Host, e.body)
	return nil
}
