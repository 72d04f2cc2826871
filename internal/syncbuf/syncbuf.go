// Package syncbuf holds Buffer, a text buffer that the tests share for
// what loggers and servers write from several goroutines.
package syncbuf

import (
	"strings"
	"sync"
)

// Buffer collects writes; it is safe for concurrent use.
type Buffer struct {
	mu sync.Mutex
	b  strings.Builder
}

// Write appends p.
func (s *Buffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// String returns what was written so far.
func (s *Buffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
