// Package smallfile reads the small files that credentials and tokens live
// in, from paths that anyone may have put anything at: only regular files,
// never blocking on a FIFO or a device, and never more than a bound. A
// Stamp tells whether a file may have changed since it was read.
package smallfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Stamp identifies one version of a file: its size and modification time,
// and where the system has them, its device, inode and change time. A
// rewrite that keeps size and modification time (cp -p, rsync, tar, a
// symlink swapped for another) changes the inode or the change time, which
// no user can set. Without them (Reliable false), a file must be read again
// every time.
type Stamp struct {
	size, modTime int64 // modTime in Unix nanoseconds
	sys           sysStamp
}

// Reliable reports whether equal stamps mean an unchanged file here.
func (s Stamp) Reliable() bool { return s.sys.ok }

// StampOf returns the stamp of a file described by info.
func StampOf(info fs.FileInfo) Stamp {
	return Stamp{size: info.Size(), modTime: info.ModTime().UnixNano(), sys: sysStampOf(info)}
}

// ErrNotRegular is the error for a path that is not a regular file.
var ErrNotRegular = errors.New("not a regular file")

// Read reads the regular file at path, at most limit bytes, and returns
// its contents and its stamp. A path that does not exist gives an error
// matching fs.ErrNotExist; a FIFO, a device or a directory ErrNotRegular,
// without waiting for a writer; a larger file an error that says so.
func Read(path string, limit int64) ([]byte, Stamp, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, Stamp{}, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, Stamp{}, err
	}
	if !info.Mode().IsRegular() {
		return nil, Stamp{}, fmt.Errorf("%w (%s)", ErrNotRegular, info.Mode().Type())
	}
	if info.Size() > limit {
		return nil, Stamp{}, fmt.Errorf("%d bytes: larger than %d", info.Size(), limit)
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, Stamp{}, err
	}
	if int64(len(b)) > limit {
		return nil, Stamp{}, fmt.Errorf("larger than %d bytes", limit)
	}
	return b, StampOf(info), nil
}
