package smallfile

import (
	"io/fs"
	"syscall"
)

// openFlags opens a FIFO without waiting for a writer; Read then refuses it.
const openFlags = syscall.O_NONBLOCK

// sysStamp is what Linux adds to a stamp.
type sysStamp struct {
	ok              bool
	dev, ino        uint64
	ctimeS, ctimeNS int64
}

func sysStampOf(info fs.FileInfo) sysStamp {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return sysStamp{}
	}
	return sysStamp{ok: true, dev: uint64(st.Dev), ino: st.Ino, ctimeS: int64(st.Ctim.Sec), ctimeNS: int64(st.Ctim.Nsec)}
}
