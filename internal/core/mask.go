package core

import "strings"

// secretNames are the parameter and header names whose values are masked
// in excerpts, matched in any case: every Authorization-like header
// (Authorization, Proxy-Authorization, X-TC-Token, Cookie, Set-Cookie,
// X-Api-Key) and the parameters that carry credentials. A name may be part
// of a longer one (SessionToken).
var secretNames = [...]string{"signature", "secretid", "secretkey", "token", "authorization", "cookie", "password",
	"apikey", "api-key", "api_key"}

// maskSecrets returns s with the value after every secret name masked,
// whoever's it is (a proxy's error page may quote the request URL or its
// headers). First header lines, "name: value", whose value runs to the end
// of the line ("Proxy-Authorization: Basic dXNl..."); then parameters:
// name=value, name%3D, name%253D, "name": "value" and <name>value. The
// transport also removes the call's own secrets by value.
func maskSecrets(s string) string {
	s = maskAfter(s, headerSep, "\r\n\"'<>&")
	return maskAfter(s, paramSep, "&\t\n\f\r \"'<>")
}

// maskAfter replaces, after each secret name in s that sep accepts the
// text after (sep returns the length of the separator, or -1), the value
// up to the first byte of stop with [redacted].
func maskAfter(s string, sep func(string) int, stop string) string {
	var b strings.Builder
	done := 0 // s[:done] is in b
	for i := 0; i < len(s); i++ {
		n := nameAt(s[i:])
		if n == 0 {
			continue
		}
		m := sep(s[i+n:])
		if m < 0 {
			continue
		}
		value := i + n + m
		end := len(s)
		if j := strings.IndexAny(s[value:], stop); j >= 0 {
			end = value + j
		}
		b.WriteString(s[done:value])
		b.WriteString(redactedText)
		done, i = end, end-1
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// nameAt returns the length of the secret name s starts with, or 0.
func nameAt(s string) int {
	for _, name := range secretNames {
		if hasPrefixFold(s, name) {
			return len(name)
		}
	}
	return 0
}

// hasPrefixFold reports whether s begins with prefix, ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// headerSep accepts a header's colon and the blanks after it.
func headerSep(s string) int {
	if !strings.HasPrefix(s, ":") {
		return -1
	}
	return 1 + len(s[1:]) - len(strings.TrimLeft(s[1:], " \t"))
}

// paramSep accepts =, %3D, %253D, > and a JSON member's `": "`.
func paramSep(s string) int {
	switch {
	case strings.HasPrefix(s, "="), strings.HasPrefix(s, ">"):
		return 1
	case hasPrefixFold(s, "%3d"):
		return 3
	case hasPrefixFold(s, "%253d"):
		return 5
	case !strings.HasPrefix(s, `"`):
		return -1
	}
	const space = "\t\n\f\r "
	rest := strings.TrimLeft(s[1:], space)
	if !strings.HasPrefix(rest, ":") {
		return -1
	}
	rest = strings.TrimLeft(rest[1:], space)
	if !strings.HasPrefix(rest, `"`) {
		return -1
	}
	return len(s) - len(rest) + 1
}
