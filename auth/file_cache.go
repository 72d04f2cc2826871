package auth

import (
	"errors"
	"io/fs"
	"os"
	"sync"

	"github.com/qcloudkit/qcloud-sdk-go/internal/smallfile"
)

// maxFileBytes bounds a credentials or tccli file.
const maxFileBytes = 1 << 20

// fileCache keeps what a file-based provider parsed from a file, and parses
// it again only when the file may have changed (smallfile.Stamp: size,
// modification time, inode and change time), so that asking before every
// attempt costs a stat, yet a rewritten file takes effect on the next
// call, even one that kept its size and modification time.
type fileCache struct {
	mu    sync.Mutex
	path  string
	stamp smallfile.Stamp
	cred  Credential
	err   error
}

// load returns the result of parse for the file at path: fs.ErrNotExist
// (wrapped) when there is no file. What is not a regular file (a FIFO, a
// device) is an error at once, without waiting for a writer.
func (c *fileCache) load(path string, parse func([]byte) (Credential, error)) (Credential, error) {
	info, err := os.Stat(path)
	if err != nil {
		return Credential{}, err
	}
	if !info.Mode().IsRegular() {
		return Credential{}, smallfile.ErrNotRegular
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if stamp := smallfile.StampOf(info); c.path == path && stamp.Reliable() && c.stamp == stamp {
		return c.cred, c.err
	}
	b, stamp, err := smallfile.Read(path, maxFileBytes)
	if err != nil {
		return Credential{}, err
	}
	c.path, c.stamp = path, stamp
	c.cred, c.err = parse(b)
	return c.cred, c.err
}

// missing reports whether err says that the file is not there.
func missing(err error) bool { return errors.Is(err, fs.ErrNotExist) }
