package auth

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// EnvCredentialsFile names the credentials file that [ProfileProvider]
// reads instead of ~/.tencentcloud/credentials.
const EnvCredentialsFile = "TENCENTCLOUD_CREDENTIALS_FILE"

// ProfileProvider reads the INI credentials file: file, or when "" the
// file named by TENCENTCLOUD_CREDENTIALS_FILE, else
// ~/.tencentcloud/credentials; its section profile ("" for "default"):
//
//	[default]
//	secret_id = AKID...
//	secret_key = ...
//	token = ...          # optional, for temporary credentials
//
// Lines starting with # or ; are comments, and so is the rest of a line
// from a ; or # that follows white space; keys and values are trimmed, and
// a value in quotes is read without them.
// A missing file answers [ErrNoCredentials]; a file that is there but
// malformed, lacks the section, or lacks a key is an error that names the
// file, the section and the key (never a value), and stops a [Chain]. The
// file is parsed again only when it changes.
func ProfileProvider(file, profile string) Provider {
	if profile == "" {
		profile = "default"
	}
	return &profileProvider{file: file, profile: profile}
}

type profileProvider struct {
	file, profile string
	cache         fileCache
}

func (p *profileProvider) path() (string, error) {
	if p.file != "" {
		return p.file, nil
	}
	if f := os.Getenv(EnvCredentialsFile); f != "" {
		return f, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".tencentcloud", "credentials"), nil
}

func (p *profileProvider) Retrieve(context.Context) (Credential, error) {
	path, err := p.path()
	if err != nil {
		return Credential{}, &sourceError{source: "credentials file", detail: "no home directory", err: ErrNoCredentials}
	}
	source := "credentials file " + path
	cred, err := p.cache.load(path, func(b []byte) (Credential, error) { return parseProfile(b, p.profile) })
	switch {
	case missing(err):
		return Credential{}, &sourceError{source: source, detail: "not found", err: ErrNoCredentials}
	case err != nil:
		return Credential{}, &sourceError{source: source, detail: "cannot use it", err: err}
	}
	return cred, nil
}

// iniValue reads a value as a person writing the file means it: trimmed;
// without its quotes when it is quoted ("AKID..." or 'AKID...'); and
// without an inline comment, a ";" or "#" after white space (a key, an id
// or a token never holds white space).
func iniValue(raw string) (string, error) {
	v := strings.TrimSpace(raw)
	if v != "" && (v[0] == '"' || v[0] == '\'') {
		end := strings.IndexByte(v[1:], v[0])
		if end < 0 {
			return "", fmt.Errorf("the value's quote %c is not closed", v[0])
		}
		if rest := strings.TrimSpace(v[end+2:]); rest != "" && rest[0] != ';' && rest[0] != '#' {
			return "", fmt.Errorf("text after the quoted value")
		}
		return v[1 : end+1], nil
	}
	if i := strings.IndexFunc(v, func(r rune) bool { return r == ' ' || r == '\t' }); i >= 0 {
		if rest := strings.TrimSpace(v[i:]); rest[0] == ';' || rest[0] == '#' {
			v = strings.TrimSpace(v[:i])
		}
	}
	return v, nil
}

// parseProfile reads section profile of an INI credentials file. Its
// errors name lines, sections and keys, never values.
func parseProfile(b []byte, profile string) (Credential, error) {
	sections := map[string]map[string]string{}
	var cur map[string]string
	var curName string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || line[0] == '#' || line[0] == ';':
			continue
		case line[0] == '[':
			if !strings.HasSuffix(line, "]") {
				return Credential{}, fmt.Errorf("line %d: a section header must end with ]", n)
			}
			curName = strings.TrimSpace(line[1 : len(line)-1])
			if _, dup := sections[curName]; dup {
				return Credential{}, fmt.Errorf("line %d: section [%s] appears twice", n, curName)
			}
			cur = map[string]string{}
			sections[curName] = cur
		default:
			key, value, ok := strings.Cut(line, "=")
			key = strings.TrimSpace(key)
			switch {
			case !ok || key == "":
				return Credential{}, fmt.Errorf("line %d: want key = value", n)
			case cur == nil:
				return Credential{}, fmt.Errorf("line %d: key %s before any [section]", n, key)
			case cur[key] != "":
				return Credential{}, fmt.Errorf("line %d: key %s appears twice in [%s]", n, key, curName)
			}
			v, err := iniValue(value)
			if err != nil {
				return Credential{}, fmt.Errorf("line %d: key %s: %v", n, key, err)
			}
			cur[key] = v
		}
	}
	if err := sc.Err(); err != nil {
		return Credential{}, err
	}
	sec, ok := sections[profile]
	if !ok {
		return Credential{}, fmt.Errorf("no section [%s]", profile)
	}
	for _, key := range []string{"secret_id", "secret_key"} {
		if sec[key] == "" {
			return Credential{}, fmt.Errorf("section [%s] has no %s", profile, key)
		}
	}
	c := Credential{SecretID: sec["secret_id"], SecretKey: sec["secret_key"], Token: sec["token"]}
	if err := c.Validate(); err != nil {
		return Credential{}, fmt.Errorf("section [%s]: %s", profile, strings.TrimPrefix(err.Error(), "auth: "))
	}
	return c, nil
}
