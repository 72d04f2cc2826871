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
// Lines starting with # or ; are comments; keys and values are trimmed.
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
			cur[key] = strings.TrimSpace(value)
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
