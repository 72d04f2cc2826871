package wire

import (
	"net/url"
	"strconv"
)

// IndexedList is a list parameter in the form name.0, name.1, ...; use it
// in go-querystring parameter structs with a `url:"name,omitempty"` tag.
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
