package vpc

import (
	"testing"

	"github.com/qcloudkit/qcloud-sdk-go/internal/gen/gentest"
)

// exampleDefects are the vendor's example answers that disagree with its
// own model, and why: a number or a bool written as a string.
var exampleDefects = map[string]string{
	"CreateVpcEndPointService/0": "AutoAcceptFlag, a bool, written as a string",
	"ModifyAssistantCidr/0":      "Subnet.AvailableIpAddressCount, a uint64, written as a string",
	"ModifyAssistantCidr/1":      "Subnet.AvailableIpAddressCount, a uint64, written as a string",
}

// Every answer of the vendor's examples decodes into its action's typed
// output, every member known and of its type, and encodes back to the
// same JSON; a null or zero member may come back absent.
func TestExampleAnswersRoundTrip(t *testing.T) {
	t.Parallel()
	if n := gentest.CheckExamples(t, "vpc", newOutput, exampleDefects); n < 500 {
		t.Errorf("%d example answers checked, want at least 500", n)
	}
}
