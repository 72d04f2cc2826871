package wire

import (
	"net/url"
	"strconv"
	"sync"
)

// IndexedList is a list parameter in the form name.0, name.1, ...; use it
// in go-querystring parameter structs with a `url:"name,omitempty"` tag.
// (go-querystring's own "numbered" option writes name0, which the service
// does not understand.)
type IndexedList []string

// EncodeValues implements query.Encoder.
func (l IndexedList) EncodeValues(key string, v *url.Values) error {
	keys := indexedKeys(key, len(l))
	for i, s := range l {
		v.Set(keys[i], s)
	}
	return nil
}

// maxCachedIndex bounds the names kept per list (instanceIds.0 ..
// instanceIds.N): more than any call sends.
const maxCachedIndex = 1024

var indexed struct {
	sync.RWMutex
	keys map[string][]string // list name -> its element names, made once
}

// indexedKeys returns the names name.0 .. name.(n-1), made once and shared:
// building them for every call cost an allocation per element.
func indexedKeys(name string, n int) []string {
	indexed.RLock()
	keys := indexed.keys[name]
	indexed.RUnlock()
	if len(keys) >= n {
		return keys
	}
	if n > maxCachedIndex {
		keys = make([]string, n)
		for i := range keys {
			keys[i] = name + "." + strconv.Itoa(i)
		}
		return keys
	}
	indexed.Lock()
	defer indexed.Unlock()
	keys = indexed.keys[name]
	for i := len(keys); i < n; i++ {
		keys = append(keys, name+"."+strconv.Itoa(i))
	}
	if indexed.keys == nil {
		indexed.keys = map[string][]string{}
	}
	indexed.keys[name] = keys
	return keys
}
