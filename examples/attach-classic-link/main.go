// Command attach-classic-link runs the whole ClassicLink cycle: attach
// classic instances to a VPC, wait for the task, list the links, detach
// them and wait again.
//
// With no arguments it runs against an embedded vpctest fake over API 3.0
// (TC3-signed JSON, what the live service answers) and needs no
// credentials:
//
//	go run ./examples/attach-classic-link
//
// -api 2 runs the same cycle over API 2.0 (the seed documentation's wire),
// on the same fake:
//
//	go run ./examples/attach-classic-link -api 2
//
// With -endpoint URL it calls that endpoint, and with -live the real
// service over API 3.0 (vpc.tencentcloudapi.com; the VPC module's API 2.0
// went offline on 2023-01-01); both take credentials from auth.DefaultChain:
// the environment, ~/.tencentcloud/credentials, the tccli profile or the
// CVM role.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"strings"
	"time"

	"github.com/qcloudkit/qcloud-sdk-go/auth"
	"github.com/qcloudkit/qcloud-sdk-go/common"
	"github.com/qcloudkit/qcloud-sdk-go/vpc"
	"github.com/qcloudkit/qcloud-sdk-go/vpc/vpctest"
)

// listFlag collects -instance values, repeated or comma separated.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

type config struct {
	endpoint, vpcID, region string
	instances               []string
	sha1, live              bool
	api                     int
}

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

func parseFlags(args []string) (config, error) {
	var cfg config
	var instances listFlag
	fs := flag.NewFlagSet("attach-classic-link", flag.ContinueOnError)
	fs.StringVar(&cfg.endpoint, "endpoint", "", "call this endpoint (scheme and host) with credentials from the default chain")
	fs.BoolVar(&cfg.live, "live", false, "call the real service over API 3.0 (vpc.tencentcloudapi.com) with credentials from the default chain")
	fs.StringVar(&cfg.vpcID, "vpc", "vpc-2ari9m7h", "VPC id, unified or old")
	fs.Var(&instances, "instance", "classic instance id; repeat or separate with commas (default ins-df454d,ins-1a2b3c4d)")
	fs.StringVar(&cfg.region, "region", "ap-guangzhou", "region")
	fs.BoolVar(&cfg.sha1, "sha1", false, "sign with HmacSHA1 (the v2-style signature, also under API 3.0)")
	fs.IntVar(&cfg.api, "api", 3, "protocol: 3, or 2 (the fake or -endpoint only)")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected arguments: %q", fs.Args())
	}
	if cfg.live && cfg.endpoint != "" {
		return cfg, errors.New("give -live or -endpoint, not both")
	}
	switch {
	case cfg.api == 2 && cfg.live:
		return cfg, errors.New("-live -api 2: the VPC module's API 2.0 went offline on 2023-01-01; use -api 3")
	case cfg.api != 2 && cfg.api != 3:
		return cfg, fmt.Errorf("-api %d: want 2 or 3", cfg.api)
	}
	cfg.instances = instances
	if len(cfg.instances) == 0 {
		cfg.instances = []string{"ins-df454d", "ins-1a2b3c4d"}
	}
	return cfg, nil
}

func run(ctx context.Context, args []string, w io.Writer) error {
	cfg, err := parseFlags(args)
	if err != nil {
		return err
	}
	var creds auth.Provider = auth.DefaultChain()
	opts := []common.Option{common.WithAPI(common.API(cfg.api))}
	waitOpts := []vpc.WaitOption{vpc.WithMaxWait(5 * time.Minute)}
	switch {
	case cfg.live:
		fmt.Fprintln(w, "calling the real vpc.tencentcloudapi.com over API 3.0")
	case cfg.endpoint != "":
		opts = append(opts, common.WithEndpoint(cfg.endpoint))
	default:
		srv := vpctest.NewServer()
		defer srv.Close()
		creds = srv.Credential()
		opts = append(opts, common.WithEndpoint(srv.URL()))
		waitOpts = append(waitOpts, vpc.WithPollInterval(20*time.Millisecond, 100*time.Millisecond))
		fmt.Fprintf(w, "using the embedded vpctest fake over %s (run with -endpoint or -live for a real service)\n", common.API(cfg.api))
	}
	if cfg.sha1 {
		opts = append(opts, common.WithSignatureMethod(auth.HmacSHA1))
	}
	client, err := vpc.NewClient(creds, cfg.region, opts...)
	if err != nil {
		return err
	}
	return cycle(ctx, w, client, cfg, waitOpts)
}

// linker is what cycle needs of a VPC client: declared here, where it is
// used, as Go code declares interfaces (the vpc package declares none that
// every new action would break). *vpc.Client satisfies it; a test can
// pass a substitute.
type linker interface {
	AttachClassicLinkVpc(ctx context.Context, in *vpc.AttachClassicLinkVpcInput, opts ...common.CallOption) (*vpc.AttachClassicLinkVpcOutput, error)
	DetachClassicLinkVpc(ctx context.Context, in *vpc.DetachClassicLinkVpcInput, opts ...common.CallOption) (*vpc.DetachClassicLinkVpcOutput, error)
	WaitForTask(ctx context.Context, taskID vpc.TaskID, opts ...vpc.WaitOption) (*vpc.TaskResult, error)
	ClassicLinks(ctx context.Context, in *vpc.DescribeVpcClassicLinkInput) iter.Seq2[vpc.ClassicLink, error]
}

// cycle attaches, waits, lists, detaches and waits, printing each step.
func cycle(ctx context.Context, w io.Writer, client linker, cfg config, waitOpts []vpc.WaitOption) error {
	attached, err := client.AttachClassicLinkVpc(ctx, &vpc.AttachClassicLinkVpcInput{VpcID: cfg.vpcID, InstanceIDs: cfg.instances})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "attach: %s to %s, task %s\n", strings.Join(cfg.instances, ", "), cfg.vpcID, attached.TaskID)
	res, err := client.WaitForTask(ctx, attached.TaskID, waitOpts...)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "attach task %s: %s\n", res.TaskID, res.Status)

	fmt.Fprintf(w, "links of %s:\n", cfg.vpcID)
	for link, err := range client.ClassicLinks(ctx, &vpc.DescribeVpcClassicLinkInput{VpcID: cfg.vpcID}) {
		if err != nil {
			return err
		}
		if link.ClassicLinkID == "" { // API 3.0 gives only the two ids
			fmt.Fprintf(w, "  %s in %s\n", link.InstanceID, link.VpcID)
			continue
		}
		fmt.Fprintf(w, "  %s  %s (%s, %s)  since %s\n", link.ClassicLinkID, link.InstanceID, link.InstanceName,
			link.LanIP, link.CreateTime.Format(time.DateTime+" MST"))
	}

	detached, err := client.DetachClassicLinkVpc(ctx, &vpc.DetachClassicLinkVpcInput{VpcID: cfg.vpcID, InstanceIDs: cfg.instances})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "detach: task %s\n", detached.TaskID)
	if res, err = client.WaitForTask(ctx, detached.TaskID, waitOpts...); err != nil {
		return err
	}
	fmt.Fprintf(w, "detach task %s: %s\n", res.TaskID, res.Status)
	return nil
}
