package auth

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"
)

// Credential is a key pair of Tencent Cloud, with a session token for
// temporary credentials. Its String, GoString, Format, LogValue and
// MarshalJSON methods redact every field. (fmt cannot call them on a value
// in an unexported struct field; the SDK keeps credentials behind pointers.)
type Credential struct {
	SecretID, SecretKey, Token string
	// Expires is when temporary credentials stop working; zero means never.
	// It is not a secret, and the printed forms show it.
	Expires time.Time
}

// NewCredential returns a permanent key pair.
func NewCredential(secretID, secretKey string) Credential {
	return Credential{SecretID: secretID, SecretKey: secretKey}
}

// NewTokenCredential returns temporary credentials with their session token.
func NewTokenCredential(secretID, secretKey, token string) Credential {
	return Credential{SecretID: secretID, SecretKey: secretKey, Token: token}
}

// Retrieve returns c itself, so that a Credential is a [Provider].
func (c Credential) Retrieve(context.Context) (Credential, error) { return c, nil }

// Expired reports whether c has an expiry time and now is at or past it.
func (c Credential) Expired(now time.Time) bool { return !c.Expires.IsZero() && !now.Before(c.Expires) }

// Validate reports an empty SecretID or SecretKey, or any character that is
// not printable ASCII inside a field (white space, control and invisible
// format characters such as U+200B or U+FEFF, anything non-ASCII): keys and
// tokens are ASCII, so such a character is a copy-and-paste accident. The
// error never contains the values.
func (c Credential) Validate() error {
	if c.SecretID == "" {
		return errors.New("auth: SecretId is empty")
	}
	if c.SecretKey == "" {
		return errors.New("auth: SecretKey is empty")
	}
	for _, f := range []struct{ name, v string }{
		{"SecretId", c.SecretID}, {"SecretKey", c.SecretKey}, {"Token", c.Token},
	} {
		if strings.ContainsFunc(f.v, func(r rune) bool { return r <= ' ' || r > '~' }) {
			return fmt.Errorf("auth: %s contains white space or a character that is not printable ASCII (a stray newline or an invisible character from a file or variable?)", f.name)
		}
	}
	return nil
}

func redacted(s string) string {
	if s == "" {
		return `""`
	}
	return "[redacted]"
}

// String returns a form with every secret replaced by "[redacted]".
func (c Credential) String() string {
	s := fmt.Sprintf("auth.Credential{SecretID:%s, SecretKey:%s, Token:%s",
		redacted(c.SecretID), redacted(c.SecretKey), redacted(c.Token))
	if !c.Expires.IsZero() {
		s += ", Expires:" + c.Expires.UTC().Format(time.RFC3339)
	}
	return s + "}"
}

// GoString is used by %#v; it redacts like String.
func (c Credential) GoString() string { return c.String() }

// Format makes every fmt verb print the redacted String form.
func (c Credential) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(c.String())) }

// LogValue makes slog print only whether each field is set.
func (c Credential) LogValue() slog.Value {
	attrs := []slog.Attr{
		slog.String("SecretID", redacted(c.SecretID)),
		slog.String("SecretKey", redacted(c.SecretKey)),
		slog.String("Token", redacted(c.Token)),
	}
	if !c.Expires.IsZero() {
		attrs = append(attrs, slog.Time("Expires", c.Expires))
	}
	return slog.GroupValue(attrs...)
}

// MarshalJSON encodes the redacted form, so that a Credential inside a
// struct that is logged as JSON does not leak.
func (c Credential) MarshalJSON() ([]byte, error) {
	b := fmt.Appendf(nil, `{"SecretID":%q,"SecretKey":%q,"Token":%q`,
		redacted(c.SecretID), redacted(c.SecretKey), redacted(c.Token))
	if !c.Expires.IsZero() {
		b = fmt.Appendf(b, `,"Expires":%q`, c.Expires.UTC().Format(time.RFC3339))
	}
	return append(b, '}'), nil
}
