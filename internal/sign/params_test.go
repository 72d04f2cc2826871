package sign_test

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/internal/sign"
)

func TestCollidingNames(t *testing.T) {
	t.Parallel()
	a, b := sign.CollidingNames(url.Values{"a_b": {"1"}, "a.b": {"2"}, "c": {"3"}})
	assert.Equal(t, []string{"a.b", "a_b"}, []string{a, b})
	a, b = sign.CollidingNames(url.Values{"Placement_Zone": {"1"}, "instanceIds.0": {"2"}, "Placement.Region": {"3"}})
	assert.Empty(t, a+b)
}

// Writing the merge of two sorted lists is the string to sign of all their
// parameters, whichever way they are split between the lists, and leaves
// what the builder held before in place.
func TestWriteStringToSignMergesSortedLists(t *testing.T) {
	t.Parallel()
	names := []string{"Action", "Nonce", "Region", "SecretId", "SignatureMethod", "Timestamp", "Token",
		"instanceIds.0", "instanceIds.1", "instanceIds.10", "instanceIds.2", "vpcId", "Placement_Zone", "a_b.c", "Signature"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		all := url.Values{}
		var a, b []sign.Param
		for _, name := range names {
			if rng.IntN(4) == 0 {
				continue
			}
			v := fmt.Sprintf("v%d", rng.IntN(100))
			all.Set(name, v)
			if rng.IntN(2) == 0 {
				a = append(a, sign.Param{Name: name, Value: v})
			} else {
				b = append(b, sign.Param{Name: name, Value: v})
			}
		}
		sign.SortParams(a)
		sign.SortParams(b)
		var sb strings.Builder
		sb.WriteString("before|")
		sign.WriteStringToSign(&sb, "get", "vpc.api.qcloud.com", "/v2/index.php", a, b)
		want := auth.StringToSign("GET", "vpc.api.qcloud.com", "/v2/index.php", all)
		require.Equal(t, "before|"+want, sb.String(), "a=%v b=%v", a, b)
	}
}
