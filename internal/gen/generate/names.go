package main

import (
	"strings"
	"unicode"
)

// goName is the Go name of an API name: upper first letter, and the
// initialisms Go spells in capitals at word boundaries (VpcId is VpcID,
// InstanceIds InstanceIDs, LanIp LanIP; Ipv6 stays).
func goName(name string) string {
	name = upperFirst(name)
	var b strings.Builder
	for i := 0; i < len(name); {
		if w, n := initialism(name, i); n > 0 {
			b.WriteString(w)
			i += n
			continue
		}
		b.WriteByte(name[i])
		i++
	}
	return b.String()
}

// initialism returns the capitalised form and length of the initialism
// (Id, Ip, Url, Http, Https, Dns, Api, Json) at word start i of name, when
// a word boundary follows it (an upper-case letter, a digit, the end, or a
// plural s then one of those).
func initialism(name string, i int) (string, int) {
	if i > 0 && !unicode.IsLower(rune(name[i-1])) && !unicode.IsDigit(rune(name[i-1])) {
		return "", 0
	}
	for _, w := range []string{"Https", "Http", "Json", "Api", "Dns", "Url", "Id", "Ip"} {
		if !strings.HasPrefix(name[i:], w) {
			continue
		}
		rest := name[i+len(w):]
		plural := strings.HasPrefix(rest, "s") && boundary(rest[1:])
		if boundary(rest) || plural {
			up := strings.ToUpper(w)
			if plural {
				return up + "s", len(w) + 1
			}
			return up, len(w)
		}
	}
	return "", 0
}

// boundary reports whether a word ends before rest.
func boundary(rest string) bool {
	return rest == "" || unicode.IsUpper(rune(rest[0])) || unicode.IsDigit(rune(rest[0]))
}

// upperFirst returns s with its first letter in upper case.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
