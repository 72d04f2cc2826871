package core

import (
	"fmt"
	"io"
	"slices"
	"strings"

	qerrors "github.com/qcloudkit/qcloud-sdk-go/errors"
)

// maxBodyBytes bounds a response body; a larger one is an error.
const maxBodyBytes = 8 << 20

var errBodyTooLarge = fmt.Errorf("%w: body larger than %d bytes", qerrors.ErrMalformedResponse, maxBodyBytes)

// readBody reads r through the size limit into buf (from its start); size
// is the Content-Length, or -1 when unknown.
func readBody(r io.Reader, size int64, buf []byte) ([]byte, error) {
	// io.ReadAll through an io.LimitReader, without the LimitReader, and
	// sized by the Content-Length (one more byte sees EOF without growing).
	n := 512
	if size >= 0 && size < maxBodyBytes {
		n = int(size) + 1
	}
	b := slices.Grow(buf[:0], n)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if len(b) > maxBodyBytes {
			return nil, errBodyTooLarge
		}
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, fmt.Errorf("reading response: %w", err)
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}

// excerpt returns the start of body with credential-like values masked.
func excerpt(body []byte) string {
	const n = 200
	s := strings.ToValidUTF8(string(body[:min(len(body), n)]), "")
	s = maskSecrets(s)
	if len(body) > n {
		s += "..."
	}
	return strings.Join(strings.Fields(s), " ")
}
