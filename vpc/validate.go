package vpc

import (
	"fmt"
	"net/netip"
	"slices"
	"strconv"

	"github.com/qcloudkit/qcloud-sdk-go/internal/core"
)

// Limits of the input, checked before anything is sent.
const (
	// MaxIDLength bounds a VPC, instance or link id. Real ids are far
	// shorter (vpc-2ari9m7h, ins-df454d, vcx-opgnzgo9, gz_vpc_15).
	MaxIDLength = 64
	// MaxLinksPerVPC is how many classic instances one VPC can link.
	MaxLinksPerVPC = 100
	// MaxInstanceIDsPerCall bounds the instance ids of one Attach or Detach:
	// at most MaxLinksPerVPC classic instances link to one VPC, so a larger
	// call can never succeed, and its GET would outgrow what servers
	// accept. Split a larger list with [BatchInstanceIDs].
	MaxInstanceIDsPerCall = MaxLinksPerVPC
)

var errNilInput = core.Invalid("input", "must not be nil")

// idByte reports whether c may appear in an id: ASCII letters, digits, '-',
// '_' and '.'. Everything else (white space, control and invisible format
// characters such as U+200B or U+FEFF, other non-ASCII) is refused.
func idByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
}

// checkID reports an empty or overlong id, or one with a character that no
// id holds.
func checkID(field, id string) error {
	if p := idProblem(id); p != "" {
		return core.Invalid(field, "%s", p)
	}
	return nil
}

// idProblem says what is wrong with id, or "" if nothing is.
func idProblem(id string) string {
	switch {
	case id == "":
		return "must not be empty"
	case len(id) > MaxIDLength:
		return fmt.Sprintf("%d bytes: at most %d", len(id), MaxIDLength)
	}
	for i := range len(id) {
		if !idByte(id[i]) {
			return fmt.Sprintf("%+q: only ASCII letters, digits, '-', '_' and '.' (white space, control or invisible character at byte %d?)", id, i)
		}
	}
	return ""
}

// checkLanIP reports a LanIP filter that is not an IP address.
func checkLanIP(ip string) error {
	if len(ip) > len("ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255") {
		return core.Invalid("LanIP", "%d bytes: not an IP address", len(ip))
	}
	if _, err := netip.ParseAddr(ip); err != nil {
		return core.Invalid("LanIP", "%+q is not an IP address", ip)
	}
	return nil
}

// validateLink checks the input of Attach and Detach. Field names are
// formatted only for the id that fails.
func validateLink(vpcID string, ids []string) error {
	if err := checkID("VpcID", vpcID); err != nil {
		return err
	}
	switch {
	case len(ids) == 0:
		return core.Invalid("InstanceIDs", "at least one instance id is required")
	case len(ids) > MaxInstanceIDsPerCall:
		return core.Invalid("InstanceIDs", "%d ids: at most %d in one call (a VPC links at most 100 classic instances); split the list with BatchInstanceIDs",
			len(ids), MaxInstanceIDsPerCall)
	}
	repeat, first := firstRepeat(ids)
	for i, id := range ids {
		if p := idProblem(id); p != "" {
			return core.Invalid(instanceField(i), "%s", p)
		}
		if i == repeat {
			return core.Invalid(instanceField(i), "%q repeats %s", id, instanceField(first))
		}
	}
	return nil
}

// firstRepeat returns the index of the first id equal to one before it,
// and the index of that one; -1, -1 when all differ. A handful of ids is
// compared pairwise; more go through a map, as pairwise comparison of 100
// ids (4,950 comparisons) cost more than the rest of a call.
func firstRepeat(ids []string) (repeat, first int) {
	const pairwise = 8
	if len(ids) <= pairwise {
		for i, id := range ids {
			if j := slices.Index(ids[:i], id); j >= 0 {
				return i, j
			}
		}
		return -1, -1
	}
	seen := make(map[string]struct{}, len(ids))
	for i, id := range ids {
		if _, ok := seen[id]; ok {
			return i, slices.Index(ids, id)
		}
		seen[id] = struct{}{}
	}
	return -1, -1
}

func instanceField(i int) string { return "InstanceIDs[" + strconv.Itoa(i) + "]" }

// BatchInstanceIDs splits ids into consecutive batches of at most
// MaxInstanceIDsPerCall, for callers with more instances than one Attach
// or Detach takes. Each batch is a subslice of ids.
func BatchInstanceIDs(ids []string) [][]string {
	var batches [][]string
	for len(ids) > 0 {
		n := min(len(ids), MaxInstanceIDsPerCall)
		batches = append(batches, ids[:n:n])
		ids = ids[n:]
	}
	return batches
}
