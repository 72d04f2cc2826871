package auth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// EnvTCCLIProfile names the tccli profile that [TCCLIProvider]("") reads.
const EnvTCCLIProfile = "TCCLI_PROFILE"

// TCCLIProvider reads the credentials of a tccli profile,
// ~/.tccli/<profile>.credential (profile "": $TCCLI_PROFILE, else
// "default"), a JSON object with secretId, secretKey and an optional token.
// A profile of type "cvm-role" uses the instance role ([CVMRoleProvider]).
// A missing file answers [ErrNoCredentials]; a broken one, a profile that
// lacks a key, and one that asks for a role (role-arn) or another type
// (oauth, sso) are errors that say so and stop a [Chain].
func TCCLIProvider(profile string) Provider {
	return &tccliProvider{profile: profile, newCVM: func() Provider { return CVMRoleProvider() }}
}

type tccliProvider struct {
	profile string
	cache   fileCache
	newCVM  func() Provider // the instance role, made at first need
	cvmOnce sync.Once
	cvm     Provider
}

// tccliCredential is the JSON of a .credential file.
type tccliCredential struct {
	SecretID  string `json:"secretId"`
	SecretKey string `json:"secretKey"`
	Token     string `json:"token"`
	Type      string `json:"type"`
	RoleArn   string `json:"role-arn"`
}

// errCVMRole marks a profile whose credentials are the instance role's.
var errCVMRole = errors.New("type cvm-role")

// TCCLIProfileName returns the tccli profile that profile "" means:
// $TCCLI_PROFILE, else "default".
func TCCLIProfileName(profile string) string {
	switch {
	case profile != "":
		return profile
	case os.Getenv(EnvTCCLIProfile) != "":
		return os.Getenv(EnvTCCLIProfile)
	}
	return "default"
}

func (p *tccliProvider) Retrieve(ctx context.Context) (Credential, error) {
	profile := TCCLIProfileName(p.profile)
	home, err := os.UserHomeDir()
	if err != nil {
		return Credential{}, &sourceError{source: "tccli profile " + profile, detail: "no home directory", err: ErrNoCredentials}
	}
	path := filepath.Join(home, ".tccli", profile+".credential")
	source := "tccli profile " + path
	cred, err := p.cache.load(path, parseTCCLI)
	switch {
	case missing(err):
		return Credential{}, &sourceError{source: source, detail: "not found", err: ErrNoCredentials}
	case errors.Is(err, errCVMRole):
		p.cvmOnce.Do(func() { p.cvm = p.newCVM() })
		cred, err := p.cvm.Retrieve(ctx)
		if err != nil {
			return Credential{}, &sourceError{source: source, detail: "type cvm-role, so the instance role", err: err}
		}
		return cred, nil
	case err != nil:
		return Credential{}, &sourceError{source: source, detail: "cannot use it", err: err}
	}
	return cred, nil
}

func parseTCCLI(b []byte) (Credential, error) {
	var f tccliCredential
	if err := json.Unmarshal(b, &f); err != nil {
		return Credential{}, errors.New("not a JSON object")
	}
	switch f.Type {
	case "", "default":
	case "cvm-role":
		return Credential{}, errCVMRole
	default:
		return Credential{}, fmt.Errorf("type %q is not supported; use a profile of type default or cvm-role", f.Type)
	}
	if f.RoleArn != "" {
		return Credential{}, errors.New("the profile assumes a role (role-arn); give its base credentials to an AssumeRole provider of package sts instead")
	}
	for _, k := range []struct{ name, v string }{{"secretId", f.SecretID}, {"secretKey", f.SecretKey}} {
		if k.v == "" {
			return Credential{}, fmt.Errorf("no %s", k.name)
		}
	}
	c := Credential{SecretID: f.SecretID, SecretKey: f.SecretKey, Token: f.Token}
	if err := c.Validate(); err != nil {
		return Credential{}, errors.New(err.Error()[len("auth: "):])
	}
	return c, nil
}
