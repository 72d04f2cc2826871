package vpc

import (
	"testing"

	"github.com/qcloudkit/qcloud-sdk-go/internal/gen/gentest"
)

// Every answer of the vendor's examples decodes into its action's typed
// output, every member known and of its type, and encodes back to the
// same JSON; a null or zero member may come back absent. Three write a
// number or a bool as a string (CreateVpcEndPointService's AutoAcceptFlag,
// ModifyAssistantCidr's Subnet.AvailableIpAddressCount): they decode too,
// the value in the model's type.
func TestExampleAnswersRoundTrip(t *testing.T) {
	t.Parallel()
	n := gentest.CheckExamples(t, "vpc", newOutput)
	t.Logf("%d example answers round-trip", n)
	if n < 500 {
		t.Errorf("%d example answers checked, want at least 500", n)
	}
}
