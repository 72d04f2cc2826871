// Command vpctest runs the in-process fakes of VPC (package vpc/vpctest,
// both protocols on one world: API 2.0 at /v2/index.php, API 3.0 at /) and
// CVM (package cvm/cvmtest, API 3.0 at /) as one standalone server; a
// request goes to the service its signature names. Point tccli, Terraform
// or any SDK at it:
//
//	go run ./cmd/vpctest -addr 127.0.0.1:8080
//
// It prints the URL and the test credential that it accepts (a key of the
// fake, valid nowhere else), logs why each refused request was refused to
// its standard error, and stops cleanly on SIGINT or SIGTERM. With -cert
// and -key it serves HTTPS. A request must arrive whole within
// -read-timeout (30 s); an idle connection is closed after -idle-timeout.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"syscall"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/cvm/cvmtest"
	"github.com/qcloudkit/qcloud-sdk-go/internal/fake"
	"github.com/qcloudkit/qcloud-sdk-go/internal/gen/model"
	"github.com/qcloudkit/qcloud-sdk-go/internal/gen/models"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "vpctest:", err)
		os.Exit(2)
	}
}

// run serves until ctx ends, then shuts down gracefully. It prints where
// it listens to out, and logs why each refused request was refused to log.
func run(ctx context.Context, args []string, out, log io.Writer) error {
	fs := flag.NewFlagSet("vpctest", flag.ContinueOnError)
	fs.SetOutput(out)
	addr := fs.String("addr", "127.0.0.1:8080", "listen address (host:port; port 0 picks one)")
	cert := fs.String("cert", "", "TLS certificate file (with -key: serve HTTPS)")
	key := fs.String("key", "", "TLS key file")
	taskDuration := fs.Duration("task-duration", vpctest.DefaultTaskDuration, "how long an Attach or Detach task runs")
	readTimeout := fs.Duration("read-timeout", 30*time.Second, "how long a client may take to send a request, body included")
	idleTimeout := fs.Duration("idle-timeout", 2*time.Minute, "how long an idle keep-alive connection stays open")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if (*cert == "") != (*key == "") {
		return errors.New("give both -cert and -key, or neither")
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(log, nil))
	vpcFake := vpctest.NewHandler(vpctest.WithTaskDuration(*taskDuration), vpctest.WithLogger(logger))
	cvmFake := cvmtest.NewHandler(cvmtest.WithCredential(vpcFake.Credential()), cvmtest.WithLogger(logger))
	handler, err := route(vpcFake, cvmFake)
	if err != nil {
		return err
	}
	// A client that stops sending holds its connection no longer than the
	// read timeout, and an idle one no longer than the idle timeout.
	hs := &http.Server{Handler: handler, ReadHeaderTimeout: min(10*time.Second, *readTimeout), ReadTimeout: *readTimeout,
		IdleTimeout: *idleTimeout, MaxHeaderBytes: 64 << 10}
	scheme := "http"
	if *cert != "" {
		scheme = "https"
	}
	cred := vpcFake.Credential()
	fmt.Fprintf(out, "vpctest listening on %s://%s (VPC: API 2.0 at /v2/index.php, API 3.0 at /; CVM: API 3.0 at /)\n", scheme, ln.Addr())
	fmt.Fprintf(out, "export TENCENTCLOUD_SECRET_ID=%s TENCENTCLOUD_SECRET_KEY=%s  # the fake's test key\n", cred.SecretID, cred.SecretKey)

	served := make(chan error, 1)
	go func() {
		if *cert != "" {
			served <- hs.ServeTLS(ln, *cert, *key)
		} else {
			served <- hs.Serve(ln)
		}
	}()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		return err
	}
	fmt.Fprintln(out, "vpctest stopped")
	return nil
}

// route serves the VPC and the CVM fakes on one address: a request goes to
// the service its signature names, else to the one whose API has its
// action.
func route(vpcFake, cvmFake http.Handler) (http.Handler, error) {
	var services []fake.Routed
	for _, s := range []struct {
		name    string
		handler http.Handler
	}{{"vpc", vpcFake}, {"cvm", cvmFake}} {
		m, err := models.Load(s.name)
		if err != nil {
			return nil, err
		}
		services = append(services, fake.Routed{Service: s.name, Handler: s.handler, Knows: func(action string) bool {
			return slices.ContainsFunc(m.Actions, func(a model.Action) bool { return a.Name == action })
		}})
	}
	return fake.Route(services...), nil
}
