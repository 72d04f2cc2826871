package fake

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// Routed is one fake service behind Route: its TC3 name, its handler, and
// whether it knows an action.
type Routed struct {
	Service string
	Handler http.Handler
	Knows   func(action string) bool
}

// Knows reports whether the server's model, or its own actions, have
// action.
func (s *Server) Knows(action string) bool {
	return s.cfg.Model != nil && s.action(action) != nil || slices.Contains(s.cfg.Actions, action)
}

// Route serves several fake services on one address, as cmd/vpctest does:
// an API 2.0 request goes to the first; an API 3.0 one to the service its
// TC3 credential scope names, else to the first that knows its action
// (X-TC-Action, or the Action parameter of the v1 signature).
func Route(services ...Routed) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != path3 {
			services[0].Handler.ServeHTTP(w, r)
			return
		}
		if _, scope, ok := strings.Cut(r.Header.Get("Authorization"), "Credential="); ok {
			parts := strings.Split(scope, "/")
			for _, s := range services {
				if len(parts) > 2 && parts[2] == s.Service {
					s.Handler.ServeHTTP(w, r)
					return
				}
			}
		}
		action := r.Header.Get("X-TC-Action")
		if action == "" {
			action = formAction(r)
		}
		for _, s := range services {
			if s.Knows(action) {
				s.Handler.ServeHTTP(w, r)
				return
			}
		}
		services[0].Handler.ServeHTTP(w, r)
	})
}

// formAction returns the Action parameter of a v1 request, leaving its
// body to be read again.
func formAction(r *http.Request) string {
	if r.Method == http.MethodGet {
		return r.URL.Query().Get("Action")
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, maxRequestBytes+1))
	r.Body = io.NopCloser(bytes.NewReader(b))
	if err != nil {
		return ""
	}
	p, _ := url.ParseQuery(string(b))
	return p.Get("Action")
}
