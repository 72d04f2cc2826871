package core

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMaskSecrets(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"nothing to hide", "nothing to hide"},
		{"a token alone, token: or token", "a token alone, token: [redacted]"},
		{"GET /?SecretId=AKID1&Nonce=1&Signature=abc%2B HTTP/1.1", "GET /?SecretId=[redacted]&Nonce=1&Signature=[redacted] HTTP/1.1"},
		{"url=%3FSignature%3Dabc%26Nonce%3D1 next", "url=%3FSignature%3D[redacted] next"},
		{"q=SECRETKEY%253Dk%2526x", "q=SECRETKEY%253D[redacted]"},
		{`{"Token" : "t0k", "SessionToken":"t1","x":1}`, `{"Token" : "[redacted]", "SessionToken":"[redacted]","x":1}`},
		{`{"Token": 12}`, `{"Token": 12}`},
		{"<Signature>s1g</Signature><b>1</b>", "<Signature>[redacted]</Signature>[redacted]<b>1</b>"}, // an empty value is marked too
		{"Proxy-Authorization: Basic dXNl\r\nCookie:\ta=b; Token=c\nX-Api-Key: k1 k2\nok: 1",
			"Proxy-Authorization: [redacted]\r\nCookie:\t[redacted]\nX-Api-Key: [redacted]\nok: 1"},
		{"api_key=1&APIKEY=2&api-key=3&apiXkey=4", "api_key=[redacted]&APIKEY=[redacted]&api-key=[redacted]&apiXkey=4"},
		{"tokentoken=v", "tokentoken=[redacted]"},
		{"password=p' secretid=", "password=[redacted]' secretid=[redacted]"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, maskSecrets(tt.in), "in: %q", tt.in)
	}
}

// The masking agrees with the regular expressions it replaced (regexp is
// kept out of the SDK for its size, not here) on text made of the pieces
// that matter: names, separators, stops and filler.
func TestMaskSecretsAgreesWithRegexp(t *testing.T) {
	t.Parallel()
	const names = `signature|secretid|secretkey|token|authorization|cookie|password|api[-_]?key`
	param := regexp.MustCompile(`(?i)(` + names + `)(=|%3D|%253D|"\s*:\s*"|>)[^&\s"'<>]*`)
	header := regexp.MustCompile(`(?i)(` + names + `)(:[ \t]*)[^\r\n"'<>&]*`)
	pieces := []string{"Token", "token", "TOKEN", "tok", "en", "Signature", "secretId", "SecretKey", "Authorization",
		"Cookie", "password", "api", "Api-Key", "API_key", "key", "=", "%3D", "%3d", "%25", "%253D", "3D", ">", "<",
		`"`, ":", " ", "\t", "\n", "\r", "\f", "&", "'", "a", "B9", "/", "+", ";", "é"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		in := b.String()
		want := param.ReplaceAllString(header.ReplaceAllString(in, "$1$2[redacted]"), "$1$2[redacted]")
		if got := maskSecrets(in); got != want {
			t.Fatalf("maskSecrets(%q) = %q, the regular expressions give %q", in, got, want)
		}
	}
}
