package vpc

import (
	"fmt"
	"strings"
	"unicode"

	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
)

var errNilInput = qerrors.Invalid("input", "must not be nil")

// checkID reports an empty id, or one with white space or control characters.
func checkID(field, id string) error {
	if id == "" {
		return qerrors.Invalid(field, "must not be empty")
	}
	if strings.ContainsFunc(id, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
		return qerrors.Invalid(field, "%q contains white space or a control character", id)
	}
	return nil
}

// validateLink checks the input of Attach and Detach.
func validateLink(vpcID string, ids []string) error {
	if err := checkID("VpcID", vpcID); err != nil {
		return err
	}
	if len(ids) == 0 {
		return qerrors.Invalid("InstanceIDs", "at least one instance id is required")
	}
	seen := make(map[string]int, len(ids))
	for i, id := range ids {
		field := fmt.Sprintf("InstanceIDs[%d]", i)
		if err := checkID(field, id); err != nil {
			return err
		}
		if j, dup := seen[id]; dup {
			return qerrors.Invalid(field, "%q repeats InstanceIDs[%d]", id, j)
		}
		seen[id] = i
	}
	return nil
}
