package common

import (
	"net/url"
	"strconv"

	"github.com/google/go-querystring/query"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
)

// IndexedList is a list parameter in the v2 form name.0, name.1, ...; use
// it in parameter structs with a `url:"name,omitempty"` tag.
// (go-querystring's own "numbered" option writes name0, which the service
// does not understand.)
type IndexedList []string

// EncodeValues implements query.Encoder.
func (l IndexedList) EncodeValues(key string, v *url.Values) error {
	for i, s := range l {
		v.Set(key+"."+strconv.Itoa(i), s)
	}
	return nil
}

// encodeParams turns a tagged parameter struct (or nil) into the unsigned
// parameters of action.
func encodeParams(action, region string, in any) (url.Values, error) {
	v := url.Values{}
	if in != nil {
		var err error
		if v, err = query.Values(in); err != nil {
			return nil, err
		}
	}
	v.Set("Action", action)
	v.Set("Region", region)
	if a, b := auth.CollidingNames(v); a != "" {
		return nil, qerrors.Invalid(b, "parameters %s and %s are one name to the service (it reads . as _) and cannot be signed unambiguously", a, b)
	}
	return v, nil
}
