package wire

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"
)

// Form is the parameters of an API 2.0 call, as the client core signs
// them. A list is written name.0, name.1, ... (SetList); the rest are one
// value each.
//
// A list is stored whole under its name followed by "." (a name no
// parameter has), and [Each] expands it: a map entry and a slice for every
// element cost two allocations and about 150 bytes per element.
type Form url.Values

// Set sets name to value; an empty value is not sent.
func (f Form) Set(name, value string) {
	if value != "" {
		f[name] = []string{value}
	}
}

// SetInt sets name to n in decimal; 0 is not sent.
func (f Form) SetInt(name string, n int64) {
	if n != 0 {
		f.Set(name, strconv.FormatInt(n, 10))
	}
}

// SetList sets name.0, name.1, ... to the elements of list; an empty list
// is not sent.
func (f Form) SetList(name string, list []string) {
	if len(list) > 0 {
		f[names(name).list] = list
	}
}

// Each calls f with every parameter of v: a list's elements (see
// [Form.SetList]) under their own names name.0, name.1, ..., and otherwise
// a name's value. A name with several values is an error: the service
// would read one of them.
func Each(v url.Values, f func(name, value string)) error {
	for name, vs := range v {
		switch list, ok := strings.CutSuffix(name, "."); {
		case ok:
			for i, name := range names(list).elements(len(vs)) {
				f(name, vs[i])
			}
		case len(vs) > 1:
			return fmt.Errorf("parameter %s has %d values: a list needs Form.SetList", name, len(vs))
		case len(vs) == 1:
			f(name, vs[0])
		}
	}
	return nil
}

// Len returns the number of parameters Each calls f with.
func Len(v url.Values) int {
	n := 0
	for name, vs := range v {
		if strings.HasSuffix(name, ".") {
			n += len(vs)
		} else if len(vs) > 0 {
			n++
		}
	}
	return n
}

// maxCachedIndex bounds the element names kept per list (instanceIds.0 ..
// instanceIds.N): more than any call sends.
const maxCachedIndex = 1024

// listNames are a list's names, made once and shared: building them for
// every call cost an allocation each.
type listNames struct {
	list string // "instanceIds."

	mu    sync.RWMutex
	elems []string // "instanceIds.0", "instanceIds.1", ...
}

var lists struct {
	sync.RWMutex
	m map[string]*listNames // by list name
}

func names(name string) *listNames {
	lists.RLock()
	n := lists.m[name]
	lists.RUnlock()
	if n != nil {
		return n
	}
	lists.Lock()
	defer lists.Unlock()
	if n = lists.m[name]; n == nil {
		if lists.m == nil {
			lists.m = map[string]*listNames{}
		}
		n = &listNames{list: name + "."}
		lists.m[name] = n
	}
	return n
}

// elements returns the names of the first k elements.
func (n *listNames) elements(k int) []string {
	n.mu.RLock()
	elems := n.elems
	n.mu.RUnlock()
	if len(elems) >= k {
		return elems[:k]
	}
	if k > maxCachedIndex {
		elems = make([]string, k)
		for i := range elems {
			elems[i] = n.list + strconv.Itoa(i)
		}
		return elems
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	for i := len(n.elems); i < k; i++ {
		n.elems = append(n.elems, n.list+strconv.Itoa(i))
	}
	return n.elems[:k]
}
