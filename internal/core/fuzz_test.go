package core_test

import (
	"net/http"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/common"
)

// FuzzWireValues sends arbitrary values through the whole client path, GET
// or POST, and checks that the server receives them unchanged and that its
// independent recomputation of the signature agrees.
func FuzzWireValues(f *testing.F) {
	for _, seed := range []string{"vpc-2ari9m7h", "a b&c=d+e/f%g", "中文 ✓", "", "%%%41", "+", "==", "a\tb\nc"} {
		f.Add(seed, seed+"_x", false)
		f.Add(seed, "", true)
	}
	srv := newServer(f, answer(`{"code":0,"taskId":1}`))
	get := newClient(f, srv.URL)
	post := newClient(f, srv.URL, common.WithHTTPMethod(http.MethodPost))
	f.Fuzz(func(t *testing.T, vpcID, zone string, usePost bool) {
		if !utf8.ValidString(vpcID) || !utf8.ValidString(zone) {
			t.Skip("parameters are UTF-8 text")
		}
		c := get
		if usePost {
			c = post
		}
		n := len(srv.requests())
		_, err := call(c, attach, params{VpcID: vpcID, Zone: zone, IDs: []string{zone, vpcID}}.form())
		require.NoError(t, err)
		reqs := srv.requests()
		require.Len(t, reqs, n+1)
		r := reqs[n]
		assert.NoError(t, r.SigErr)
		assert.Equal(t, vpcID, r.Params.Get("vpcId"))
		assert.Equal(t, zone, r.Params.Get("Placement_Zone"))
		assert.Equal(t, vpcID, r.Params.Get("instanceIds.1"))
	})
}
