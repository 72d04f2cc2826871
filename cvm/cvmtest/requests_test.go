package cvmtest_test

import (
	"testing"

	"github.com/qcloudkit/qcloud-sdk-go/cvm/cvmtest"
	"github.com/qcloudkit/qcloud-sdk-go/internal/gen/gentest"
)

// stateful are the actions the fake plays on its instances once there are
// any (RunInstances makes some): their examples name instances it lacks.
var stateful = []string{"StartInstances", "StopInstances", "RebootInstances", "ResetInstancesType"}

// Every example request of the vendor's is accepted by the fake, but one
// that writes a number as a string: the fake's model checks refuse none
// of the others.
func TestExampleRequestsAccepted(t *testing.T) {
	t.Parallel()
	srv := cvmtest.NewServer()
	t.Cleanup(srv.Close)
	n := gentest.CheckExampleRequests(t, "cvm", srv.URL(), srv.Credential(), stateful, map[string]string{
		"InquiryPriceRunInstances/1": "InternetAccessible.InternetMaxBandwidthOut, an int64, written as a string",
	})
	t.Logf("%d example requests accepted", n)
	if n < 115 {
		t.Errorf("%d example requests accepted, want at least 100", n)
	}
}
