package core

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"slices"
	"strings"
)

// redactedText replaces every secret in text that leaves the SDK.
const redactedText = "[redacted]"

// secrets holds the exact secret values of one call: the SecretId,
// SecretKey and Token of every attempt's credentials and every attempt's
// Signature. Whatever comes back from the wire or the network stack (an
// echoing peer's "malformed HTTP status code", an API message that quotes
// the request, a proxy's error page) is scrubbed of them, in every encoding
// they may travel in, before it reaches an error or a log line. Only the
// calling goroutine touches it (send runs the attempts on it).
type secrets struct {
	values   []string
	inline   [4]string         // backs values for one attempt (id, key, token, signature), without an allocation
	minLen   int               // of the shortest value: shorter text holds none
	replacer *strings.Replacer // built on first use after the last add
}

// add records secret values; empty ones are ignored.
func (s *secrets) add(values ...string) {
	for _, v := range values {
		if v == "" || slices.Contains(s.values, v) {
			continue
		}
		if s.values == nil {
			s.values = s.inline[:0]
		}
		s.values = append(s.values, v)
		if s.minLen == 0 || len(v) < s.minLen {
			s.minLen = len(v)
		}
		s.replacer = nil
	}
}

// scrub returns text with every known secret replaced by [redacted]. Text
// shorter than every secret ("Success", "") is returned as it is, without
// building the replacer: the success path pays nothing.
func (s *secrets) scrub(text string) string {
	if len(s.values) == 0 || len(text) < s.minLen {
		return text
	}
	if s.replacer == nil {
		s.replacer = newSecretReplacer(s.values)
	}
	out := s.replacer.Replace(text)
	// A value escaped once more than the replacer's forms (a URL quoted
	// inside a URL inside a message) differs from one of them only by
	// "%25" for "%". Each level is peeled off and scrubbed in turn, to any
	// depth; where a level held a secret, that level's text is returned.
	for cur := out; strings.Contains(cur, "%25"); {
		cur = strings.ReplaceAll(cur, "%25", "%")
		if clean := s.replacer.Replace(cur); clean != cur {
			out, cur = clean, clean
		}
	}
	return out
}

// newSecretReplacer replaces each value in the forms it can take on the way
// back: raw, query- and path-escaped (upper- and lower-case hex), escaped
// twice, JSON-escaped, and with "+" read as a space by a form decoder.
func newSecretReplacer(values []string) *strings.Replacer {
	var forms []string
	for _, v := range values {
		q := url.QueryEscape(v)
		js, _ := json.Marshal(v)
		forms = append(forms, v, q, strings.ToLower(q), url.PathEscape(v), strings.ToLower(url.PathEscape(v)),
			url.QueryEscape(q), strings.ToLower(url.QueryEscape(q)), string(js[1:len(js)-1]),
			strings.ReplaceAll(v, "+", " "))
	}
	// Longest first, so that an encoded form is not half replaced through
	// a shorter one that it contains.
	slices.SortFunc(forms, func(a, b string) int { return len(b) - len(a) })
	forms = slices.Compact(forms)
	pairs := make([]string, 0, 2*len(forms))
	for _, f := range forms {
		if f != "" {
			pairs = append(pairs, f, redactedText)
		}
	}
	return strings.NewReplacer(pairs...)
}

// scrubErr returns err unchanged when its text holds no secret. Otherwise
// it returns an error whose text is scrubbed and which still matches, with
// errors.Is, whatever err matched, and with errors.As, every error in its
// chain whose own text holds no secret; the rest of the chain is hidden.
func (s *secrets) scrubErr(err error) error {
	if err == nil {
		return nil
	}
	text := err.Error()
	clean := s.scrub(text)
	if clean == text {
		return err
	}
	return &redactedError{msg: clean, orig: err, secrets: s}
}

// redactedError is an error whose chain held a secret.
type redactedError struct {
	msg     string
	orig    error
	secrets *secrets
}

func (e *redactedError) Error() string { return e.msg }

// GoString keeps %#v from printing the hidden chain.
func (e *redactedError) GoString() string { return fmt.Sprintf("%q", e.msg) }

// Is reports whether the hidden chain matches target; it exposes nothing.
func (e *redactedError) Is(target error) bool { return errors.Is(e.orig, target) }

// As finds target in the hidden chain, but only an error whose own text is
// free of secrets.
func (e *redactedError) As(target any) bool {
	if !errors.As(e.orig, target) {
		return false
	}
	found := reflect.ValueOf(target).Elem()
	if fe, ok := found.Interface().(error); ok && fe != nil {
		if text := fe.Error(); e.secrets.scrub(text) == text {
			return true
		}
	}
	found.SetZero()
	return false
}
