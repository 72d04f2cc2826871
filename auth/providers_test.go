package auth_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
)

// secrets of the files below; no error may show them.
const fileID, fileKey, fileToken = "AKIDfile0000000000001", "fileSecretKey0000001", "fileToken0000001"

func writeFile(t *testing.T, path, content string) string {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o700))
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	return path
}

func assertNoSecret(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	for _, s := range []string{fileID, fileKey, fileToken} {
		assert.NotContains(t, err.Error(), s)
		assert.NotContains(t, fmt.Sprintf("%#v", err), s)
	}
}

func TestEnvProviderTokenOrder(t *testing.T) {
	for _, tt := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{auth.EnvToken: "tccli"}, "tccli"},
		{map[string]string{auth.EnvSecurityToken: "terraform"}, "terraform"},
		{map[string]string{auth.EnvToken: "tccli", auth.EnvSecurityToken: "terraform"}, "tccli"},
		{map[string]string{auth.EnvSessionToken: "sdk", auth.EnvToken: "tccli", auth.EnvSecurityToken: "terraform"}, "sdk"},
		{map[string]string{auth.EnvSessionToken: "", auth.EnvToken: "tccli"}, "tccli"},
	} {
		t.Setenv(auth.EnvSecretID, "id")
		t.Setenv(auth.EnvSecretKey, "key")
		for _, k := range []string{auth.EnvSessionToken, auth.EnvToken, auth.EnvSecurityToken} {
			t.Setenv(k, tt.env[k])
		}
		c, err := auth.EnvProvider().Retrieve(context.Background())
		require.NoError(t, err)
		assert.Equal(t, tt.want, c.Token, "%v", tt.env)
	}
}

func TestProfileProvider(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	good := writeFile(t, filepath.Join(dir, "good"), `
# a comment
; another
[default]
secret_id = `+fileID+`
secret_key=`+fileKey+`

[prod]
  secret_id = AKIDprod
  secret_key = prodKey
  token = `+fileToken+`
`)
	c, err := auth.ProfileProvider(good, "").Retrieve(context.Background())
	require.NoError(t, err)
	assert.Equal(t, auth.NewCredential(fileID, fileKey), c)
	c, err = auth.ProfileProvider(good, "prod").Retrieve(context.Background())
	require.NoError(t, err)
	assert.Equal(t, auth.NewTokenCredential("AKIDprod", "prodKey", fileToken), c)

	_, err = auth.ProfileProvider(filepath.Join(dir, "absent"), "").Retrieve(context.Background())
	assert.ErrorIs(t, err, auth.ErrNoCredentials, "a missing file is no credentials")
	assert.Contains(t, err.Error(), "absent: not found")

	for _, tt := range []struct{ name, content, profile, want string }{
		{"no section", "[other]\nsecret_id = " + fileID + "\nsecret_key = " + fileKey + "\n", "", "no section [default]"},
		{"no key", "[default]\nsecret_id = " + fileID + "\n", "", "section [default] has no secret_key"},
		{"empty key", "[default]\nsecret_id = " + fileID + "\nsecret_key =\n", "", "section [default] has no secret_key"},
		{"named section lacks id", "[default]\n[prod]\nsecret_key = " + fileKey + "\n", "prod", "section [prod] has no secret_id"},
		{"not key = value", "[default]\nsecret_id " + fileID + "\n", "", "line 2: want key = value"},
		{"unterminated section", "[default\n", "", "line 1: a section header must end with ]"},
		{"key before section", "secret_id = " + fileID + "\n", "", "line 1: key secret_id before any [section]"},
		{"duplicate key", "[default]\nsecret_id = a\nsecret_id = " + fileID + "\nsecret_key = b\n", "", "key secret_id appears twice"},
		{"space in key", "[default]\nsecret_id = " + fileID + "\nsecret_key = a b" + fileKey + "\n", "", "SecretKey contains white space"},
		{"unclosed quote", "[default]\nsecret_id = \"" + fileID + "\nsecret_key = " + fileKey + "\n", "", "line 2: key secret_id: the value's quote \" is not closed"},
		{"text after quotes", "[default]\nsecret_id = '" + fileID + "' x\nsecret_key = " + fileKey + "\n", "", "line 2: key secret_id: text after the quoted value"},
	} {
		path := writeFile(t, filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_")), tt.content)
		_, err := auth.ProfileProvider(path, tt.profile).Retrieve(context.Background())
		require.Error(t, err, tt.name)
		assert.NotErrorIs(t, err, auth.ErrNoCredentials, "%s: a broken file stops the chain", tt.name)
		assert.Contains(t, err.Error(), path, tt.name)
		assert.Contains(t, err.Error(), tt.want, tt.name)
		assertNoSecret(t, err)
	}
}

// An edited file takes effect on the next call, an unchanged one is not
// parsed again.
func TestProfileProviderFollowsTheFile(t *testing.T) {
	t.Parallel()
	path := writeFile(t, filepath.Join(t.TempDir(), "credentials"), "[default]\nsecret_id = AKIDone\nsecret_key = keyOne\n")
	p := auth.ProfileProvider(path, "")
	c, err := p.Retrieve(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "AKIDone", c.SecretID)
	writeFile(t, path, "[default]\nsecret_id = AKIDtwo2\nsecret_key = keyTwo2\n")
	later := time.Now().Add(time.Minute)
	require.NoError(t, os.Chtimes(path, later, later))
	c, err = p.Retrieve(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "AKIDtwo2", c.SecretID)
}

func TestProfileProviderDefaultPaths(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv(auth.EnvCredentialsFile, "")
	writeFile(t, filepath.Join(home, ".tencentcloud", "credentials"), "[default]\nsecret_id = AKIDhome\nsecret_key = homeKey\n")
	c, err := auth.ProfileProvider("", "").Retrieve(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "AKIDhome", c.SecretID)
	other := writeFile(t, filepath.Join(home, "elsewhere.ini"), "[default]\nsecret_id = AKIDenv\nsecret_key = envKey\n")
	t.Setenv(auth.EnvCredentialsFile, other)
	c, err = auth.ProfileProvider("", "").Retrieve(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "AKIDenv", c.SecretID)
}

func TestTCCLIProvider(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv(auth.EnvTCCLIProfile, "")
	dir := filepath.Join(home, ".tccli")
	writeFile(t, filepath.Join(dir, "default.credential"), `{"secretId":"`+fileID+`","secretKey":"`+fileKey+`","type":"default"}`)
	writeFile(t, filepath.Join(dir, "temp.credential"), `{"secretId":"AKIDtemp","secretKey":"tempKey","token":"`+fileToken+`"}`)
	c, err := auth.TCCLIProvider("").Retrieve(context.Background())
	require.NoError(t, err)
	assert.Equal(t, auth.NewCredential(fileID, fileKey), c)
	t.Setenv(auth.EnvTCCLIProfile, "temp")
	c, err = auth.TCCLIProvider("").Retrieve(context.Background())
	require.NoError(t, err)
	assert.Equal(t, fileToken, c.Token, "TCCLI_PROFILE picks the profile")

	_, err = auth.TCCLIProvider("absent").Retrieve(context.Background())
	assert.ErrorIs(t, err, auth.ErrNoCredentials)
	for name, tt := range map[string]struct{ content, want string }{
		"broken":  {`{"secretId":`, "not a JSON object"},
		"nokey":   {`{"secretId":"` + fileID + `"}`, "no secretKey"},
		"rolearn": {`{"secretId":"` + fileID + `","secretKey":"` + fileKey + `","role-arn":"qcs::cam::uin/1:roleName/r"}`, "AssumeRole provider of package sts"},
		"oauth":   {`{"type":"oauth"}`, `type "oauth" is not supported`},
		"newline": {`{"secretId":"` + fileID + `\n","secretKey":"` + fileKey + `"}`, "SecretId contains white space"},
	} {
		writeFile(t, filepath.Join(dir, name+".credential"), tt.content)
		_, err := auth.TCCLIProvider(name).Retrieve(context.Background())
		require.Error(t, err, name)
		assert.NotErrorIs(t, err, auth.ErrNoCredentials, name)
		assert.Contains(t, err.Error(), name+".credential", name)
		assert.Contains(t, err.Error(), tt.want, name)
		assertNoSecret(t, err)
	}
}

type staticProvider struct {
	cred auth.Credential
	err  error
	n    int
}

func (p *staticProvider) Retrieve(context.Context) (auth.Credential, error) {
	p.n++
	return p.cred, p.err
}

func TestChain(t *testing.T) {
	t.Parallel()
	no1 := &staticProvider{err: fmt.Errorf("first: %w", auth.ErrNoCredentials)}
	no2 := &staticProvider{err: fmt.Errorf("second: %w", auth.ErrNoCredentials)}
	yes := &staticProvider{cred: auth.NewCredential("AKIDyes", "k")}
	after := &staticProvider{cred: auth.NewCredential("AKIDafter", "k")}
	c, err := auth.Chain(no1, yes, after).Retrieve(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "AKIDyes", c.SecretID)
	assert.Zero(t, after.n, "the first that has credentials wins")

	broken := &staticProvider{err: errors.New("credentials file f: cannot use it: line 3")}
	_, err = auth.Chain(no1, broken, yes).Retrieve(context.Background())
	assert.EqualError(t, err, "credentials file f: cannot use it: line 3", "a broken source stops the chain")

	_, err = auth.Chain(no1, no2).Retrieve(context.Background())
	require.ErrorIs(t, err, auth.ErrNoCredentials)
	assert.Equal(t, "auth: no credentials in any source:\n\tfirst: auth: no credentials found\n\tsecond: auth: no credentials found", err.Error())
	_, err = auth.Chain().Retrieve(context.Background())
	assert.ErrorIs(t, err, auth.ErrNoCredentials)
}

// Values are read as a person means them: quotes and inline comments are
// not part of the key.
func TestProfileProviderQuotesAndComments(t *testing.T) {
	t.Parallel()
	path := writeFile(t, filepath.Join(t.TempDir(), "credentials"), `[default]
secret_id = "`+fileID+`"   ; work
secret_key = '`+fileKey+`'
token = `+fileToken+` # expires on Friday
[plain]
secret_id = `+fileID+`;x
secret_key = `+fileKey+`
`)
	c, err := auth.ProfileProvider(path, "").Retrieve(context.Background())
	require.NoError(t, err)
	assert.Equal(t, auth.NewTokenCredential(fileID, fileKey, fileToken), c)
	c, err = auth.ProfileProvider(path, "plain").Retrieve(context.Background())
	require.NoError(t, err)
	assert.Equal(t, fileID+";x", c.SecretID, "a ; with no white space before it is part of the value")
}

// A file rewritten with the same size and modification time (cp -p,
// rsync, tar) is read again: its inode or change time tells.
func TestProfileProviderSeesARewriteThatKeepsSizeAndTime(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := writeFile(t, filepath.Join(dir, "credentials"), "[default]\nsecret_id = AKIDone1\nsecret_key = keyOne1\n")
	info, err := os.Stat(path)
	require.NoError(t, err)
	p := auth.ProfileProvider(path, "")
	c, err := p.Retrieve(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "AKIDone1", c.SecretID)

	// In place, then as a new file swapped in (rsync), each time with the
	// size and modification time of the first.
	writeFile(t, path, "[default]\nsecret_id = AKIDtwo2\nsecret_key = keyTwo2\n")
	require.NoError(t, os.Chtimes(path, info.ModTime(), info.ModTime()))
	c, err = p.Retrieve(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "AKIDtwo2", c.SecretID)

	tmp := writeFile(t, filepath.Join(dir, "credentials.tmp"), "[default]\nsecret_id = AKIDtri3\nsecret_key = keyTri3\n")
	require.NoError(t, os.Chtimes(tmp, info.ModTime(), info.ModTime()))
	require.NoError(t, os.Rename(tmp, path))
	c, err = p.Retrieve(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "AKIDtri3", c.SecretID)
}
