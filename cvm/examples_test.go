package cvm

import (
	"testing"

	"github.com/qcloudkit/qcloud-sdk-go/internal/gen/gentest"
)

// Every answer of the vendor's examples decodes into its action's typed
// output, every member known and of its type, and encodes back to the
// same JSON; a null or zero member may come back absent.
func TestExampleAnswersRoundTrip(t *testing.T) {
	t.Parallel()
	n := gentest.CheckExamples(t, "cvm", newOutput)
	t.Logf("%d example answers round-trip", n)
	if n < 100 {
		t.Errorf("%d example answers checked, want at least 100", n)
	}
}
