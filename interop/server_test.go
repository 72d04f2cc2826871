package interop

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
)

// The benchmarks' server runs in a child process (this test binary run
// again with envServer set), so that its work is not counted in theirs.
const envServer = "QCLOUD_INTEROP_BENCH_SERVER"

func TestMain(m *testing.M) {
	if os.Getenv(envServer) != "" {
		serveBenchmarks()
		return
	}
	os.Exit(m.Run())
}

// serveBenchmarks answers every API 2.0 call with a task and every API 3.0
// call with a RequestId, on a loopback port that it prints, until its
// standard input closes.
func serveBenchmarks() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Println(ln.Addr())
	go func() { _, _ = io.Copy(io.Discard, os.Stdin); os.Exit(0) }()
	_ = http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/v2/index.php" {
			_, _ = io.WriteString(w, `{"code":0,"message":"","codeDesc":"Success","taskId":135254}`)
			return
		}
		if r.Header.Get("X-TC-Action") == "DescribeVpcs" {
			_, _ = io.WriteString(w, describeVpcsAnswer)
			return
		}
		_, _ = io.WriteString(w, `{"Response":{"RequestId":"354f4ac3-8546-4516-8c8a-69e3ab73aa8a"}}`)
	}))
}

var (
	childOnce  sync.Once
	childURL   string
	childErr   error
	childStdin io.WriteCloser // held open for the life of this process
)

// benchServer returns the base URL of the child server, started once per
// test binary; it ends when the binary does (its stdin closes).
func benchServer(b *testing.B) string {
	childOnce.Do(func() {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), envServer+"=1")
		var err error
		if childStdin, err = cmd.StdinPipe(); err != nil {
			childErr = err
			return
		}
		out, err := cmd.StdoutPipe()
		if err != nil {
			childErr = err
			return
		}
		if childErr = cmd.Start(); childErr != nil {
			return
		}
		line, err := bufio.NewReader(out).ReadString('\n')
		if err != nil || strings.HasPrefix(line, "error:") {
			childErr = fmt.Errorf("benchmark server: %q %v", line, err)
			return
		}
		childURL = "http://" + strings.TrimSpace(line) // it listens before it prints
	})
	if childErr != nil {
		b.Fatal(childErr)
	}
	return childURL
}
