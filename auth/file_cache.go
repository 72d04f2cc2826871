package auth

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"
	"time"
)

// maxFileBytes bounds a credentials or tccli file.
const maxFileBytes = 1 << 20

// fileCache keeps what a file-based provider parsed from a file, and parses
// it again only when the file's size or modification time changes, so that
// asking before every attempt costs a stat, yet an edited file takes effect
// on the next call.
type fileCache struct {
	mu      sync.Mutex
	path    string
	size    int64
	modTime time.Time
	cred    Credential
	err     error
}

// load returns the result of parse for the file at path: fs.ErrNotExist
// (wrapped) when there is no file.
func (c *fileCache) load(path string, parse func([]byte) (Credential, error)) (Credential, error) {
	info, err := os.Stat(path)
	if err != nil {
		return Credential{}, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.path == path && c.size == info.Size() && c.modTime.Equal(info.ModTime()) {
		return c.cred, c.err
	}
	b, err := readSmallFile(path)
	if err != nil {
		return Credential{}, err
	}
	c.path, c.size, c.modTime = path, info.Size(), info.ModTime()
	c.cred, c.err = parse(b)
	return c.cred, c.err
}

func readSmallFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxFileBytes {
		return nil, fmt.Errorf("larger than %d bytes", maxFileBytes)
	}
	return b, nil
}

// missing reports whether err says that the file is not there.
func missing(err error) bool { return errors.Is(err, fs.ErrNotExist) }
