package auth

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// noRole is a CVM role source off a CVM.
type noRole struct{ asked int }

func (p *noRole) Retrieve(context.Context) (Credential, error) {
	p.asked++
	return Credential{}, &sourceError{source: "CVM role", detail: "no metadata service", err: ErrNoCredentials}
}

func clearEnv(t *testing.T, home string) {
	t.Setenv("HOME", home)
	for _, k := range []string{EnvSecretID, EnvSecretKey, EnvSessionToken, EnvToken, EnvSecurityToken, EnvCredentialsFile, EnvTCCLIProfile} {
		t.Setenv(k, "")
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o700))
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
}

// The default chain as a user sees it: environment, credentials file,
// tccli profile, CVM role, in that order; when all say no, one line each.
func TestDefaultChainOrder(t *testing.T) {
	home := t.TempDir()
	clearEnv(t, home)
	role := &noRole{}
	chain := defaultChain(role)

	_, err := chain.Retrieve(context.Background())
	require.ErrorIs(t, err, ErrNoCredentials)
	lines := strings.Split(err.Error(), "\n")
	require.Len(t, lines, 5, err.Error())
	assert.Contains(t, lines[1], "environment: TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY are not set")
	assert.Contains(t, lines[2], "credentials file "+filepath.Join(home, ".tencentcloud", "credentials")+": not found")
	assert.Contains(t, lines[3], "tccli profile "+filepath.Join(home, ".tccli", "default.credential")+": not found")
	assert.Contains(t, lines[4], "CVM role: no metadata service")

	write(t, filepath.Join(home, ".tccli", "default.credential"), `{"secretId":"AKIDtccli","secretKey":"k"}`)
	c, err := chain.Retrieve(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "AKIDtccli", c.SecretID)
	write(t, filepath.Join(home, ".tencentcloud", "credentials"), "[default]\nsecret_id = AKIDfile\nsecret_key = k\n")
	c, err = chain.Retrieve(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "AKIDfile", c.SecretID, "the file before tccli")
	t.Setenv(EnvSecretID, "AKIDenv")
	t.Setenv(EnvSecretKey, "k")
	c, err = chain.Retrieve(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "AKIDenv", c.SecretID, "the environment first")
	assert.Equal(t, 1, role.asked, "the role only when all before say no")

	t.Setenv(EnvSecretID, "")
	t.Setenv(EnvSecretKey, "")
	write(t, filepath.Join(home, ".tencentcloud", "credentials"), "[default]\nsecret_id = AKIDfile\n")
	_, err = chain.Retrieve(context.Background())
	require.Error(t, err)
	assert.False(t, errors.Is(err, ErrNoCredentials), "a broken file stops the chain: %v", err)
	assert.Contains(t, err.Error(), "has no secret_key")
}

// A tccli profile of type cvm-role uses the instance role.
func TestTCCLIProfileOfTypeCVMRole(t *testing.T) {
	home := t.TempDir()
	clearEnv(t, home)
	write(t, filepath.Join(home, ".tccli", "default.credential"), `{"type":"cvm-role"}`)
	role := &staticRole{cred: NewTokenCredential("AKIDrole", "k", "t")}
	p := &tccliProvider{newCVM: func() Provider { return role }}
	c, err := p.Retrieve(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "AKIDrole", c.SecretID)
}

type staticRole struct{ cred Credential }

func (p *staticRole) Retrieve(context.Context) (Credential, error) { return p.cred, nil }

// A tccli profile of type cvm-role off a CVM says so on a line that names
// the tccli file, not as a copy of the CVM role's own line.
func TestChainWithCVMRoleProfileOffACVM(t *testing.T) {
	home := t.TempDir()
	clearEnv(t, home)
	tccliFile := filepath.Join(home, ".tccli", "default.credential")
	write(t, tccliFile, `{"type":"cvm-role"}`)
	role := &noRole{}
	tccli := &tccliProvider{newCVM: func() Provider { return role }}
	_, err := Chain(EnvProvider(), ProfileProvider("", ""), tccli, role).Retrieve(context.Background())
	require.ErrorIs(t, err, ErrNoCredentials)
	lines := strings.Split(err.Error(), "\n")
	require.Len(t, lines, 5, err.Error())
	assert.Contains(t, lines[3], "tccli profile "+tccliFile+": type cvm-role, so the instance role: CVM role: no metadata service")
	assert.NotEqual(t, strings.TrimSpace(lines[3]), strings.TrimSpace(lines[4]))
	assert.NotContains(t, err.Error(), "auth: auth:")
}
