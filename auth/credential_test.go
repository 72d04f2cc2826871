package auth_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
)

func TestCredentialNeverPrintsSecrets(t *testing.T) {
	t.Parallel()
	c := auth.NewTokenCredential("AKIDsecretid123", "keykeykey456", "tokentoken789")
	type holder struct {
		Cred auth.Credential
		P    *auth.Credential
	}
	h := holder{Cred: c, P: &c}

	var logged bytes.Buffer
	slog.New(slog.NewTextHandler(&logged, nil)).Info("creds", "c", c, "h", h.Cred)
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("creds", "c", c)
	js, err := json.Marshal(h)
	require.NoError(t, err)

	outputs := []string{
		c.String(), c.GoString(),
		fmt.Sprintf("%v %+v %#v %s %q %x %d", c, c, c, c, c, c, c),
		fmt.Sprintf("%v %+v %#v", h, h, h), fmt.Sprintf("%v %+v %#v", &c, []auth.Credential{c}, map[string]auth.Credential{"k": c}),
		logged.String(), string(js),
	}
	for _, out := range outputs {
		for _, secret := range []string{c.SecretID, c.SecretKey, c.Token} {
			assert.NotContains(t, out, secret)
		}
	}
	assert.Contains(t, c.String(), "[redacted]")
	assert.Contains(t, auth.NewCredential("a", "b").String(), `Token:""`, "an empty token shows as empty")
}

func TestCredentialValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		cred    auth.Credential
		wantErr string
	}{
		{"ok", auth.NewCredential("AKID1", "key1"), ""},
		{"ok with token", auth.NewTokenCredential("AKID1", "key1", "tok"), ""},
		{"empty id", auth.NewCredential("", "key1"), "SecretId is empty"},
		{"empty key", auth.NewCredential("AKID1", ""), "SecretKey is empty"},
		{"newline in key", auth.NewCredential("AKID1", "key1\n"), "SecretKey contains white space"},
		{"space in id", auth.NewCredential("AK ID1", "key1"), "SecretId contains white space"},
		{"tab in token", auth.NewTokenCredential("AKID1", "key1", "t\tok"), "Token contains white space"},
		{"zero-width space in id", auth.NewCredential("AKID1\u200b", "key1"), "SecretId contains"},
		{"byte order mark in key", auth.NewCredential("AKID1", "\ufeffkey1"), "SecretKey contains"},
		{"soft hyphen in token", auth.NewTokenCredential("AKID1", "key1", "t\u00adok"), "Token contains"},
		{"no-break space in key", auth.NewCredential("AKID1", "key1\u00a0"), "SecretKey contains"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := tt.cred.Validate()
			if tt.wantErr == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
			assert.NotContains(t, err.Error(), "key1")
		})
	}
}

func TestEnvProvider(t *testing.T) {
	// t.Setenv forbids t.Parallel.
	tests := []struct {
		name      string
		env       map[string]string
		want      auth.Credential
		wantNoCrd bool
		wantErr   bool
	}{
		{"permanent", map[string]string{auth.EnvSecretID: "id", auth.EnvSecretKey: "key"},
			auth.NewCredential("id", "key"), false, false},
		{"session token", map[string]string{auth.EnvSecretID: "id", auth.EnvSecretKey: "key", auth.EnvSessionToken: "tok"},
			auth.NewTokenCredential("id", "key", "tok"), false, false},
		{"security token fallback", map[string]string{auth.EnvSecretID: "id", auth.EnvSecretKey: "key", auth.EnvSecurityToken: "old"},
			auth.NewTokenCredential("id", "key", "old"), false, false},
		{"session token wins", map[string]string{auth.EnvSecretID: "id", auth.EnvSecretKey: "key", auth.EnvSessionToken: "new", auth.EnvSecurityToken: "old"},
			auth.NewTokenCredential("id", "key", "new"), false, false},
		{"nothing set", map[string]string{}, auth.Credential{}, true, true},
		{"key missing", map[string]string{auth.EnvSecretID: "id"}, auth.Credential{}, false, true},
		{"trailing newline", map[string]string{auth.EnvSecretID: "id", auth.EnvSecretKey: "key\n"}, auth.Credential{}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, k := range []string{auth.EnvSecretID, auth.EnvSecretKey, auth.EnvSessionToken, auth.EnvSecurityToken} {
				t.Setenv(k, tt.env[k])
			}
			got, err := auth.EnvProvider().Retrieve(context.Background())
			if !tt.wantErr {
				require.NoError(t, err)
				assert.Equal(t, tt.want, got)
				return
			}
			require.Error(t, err)
			assert.Equal(t, tt.wantNoCrd, errors.Is(err, auth.ErrNoCredentials))
		})
	}
}

func TestCredentialIsProvider(t *testing.T) {
	t.Parallel()
	var p auth.Provider = auth.NewCredential("id", "key")
	got, err := p.Retrieve(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "key", got.SecretKey)
}
