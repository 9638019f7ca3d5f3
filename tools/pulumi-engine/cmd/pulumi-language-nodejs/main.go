// Command pulumi-language-nodejs is this project's own Node.js language host for the Pulumi engine.
//
// Why it exists: the upstream host lives in its own Go module
// (github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3), and the Go module proxy
// refuses every version of it, so it cannot be built here. The engine only needs a process that
// speaks the LanguageRuntime gRPC service, so this small host implements the parts that
// `pulumi preview/up/refresh/destroy` use and delegates the real work to the `run` script that
// ships inside @pulumi/pulumi (node_modules/@pulumi/pulumi/cmd/run).
//
// Startup contract with the 3.277.0 engine (sdk/go/common/resource/plugin/langruntime_plugin.go
// buildArgsForNewPlugin + plugin.go buildPluginArguments):
//
//	pulumi-language-nodejs [--logtostderr] [-v=N] [--tracing URL] <engine address>
//
// The engine address is always the last positional argument. The working directory is the
// program directory. The engine reads the first stdout line as the gRPC port; everything we (or the
// node child processes) print afterwards is shown to the user as diagnostics.
package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
	"time"

	"google.golang.org/grpc"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// The engine sends whole deployments (checkpoints, large configs) through this service; the gRPC
// default of 4 MiB is too small, so we accept what the engine's own servers accept.
const maxMessageBytes = 400 * 1024 * 1024

// engineHealthInterval is how often the host asks the engine whether it is still there. The official host asks
// every 5 minutes; a host whose engine was killed (a cancelled CI job) then outlives it by minutes, so we ask every
// 2 s and exit within 10 s of the engine's death (see lifecycle.go).
var engineHealthInterval = 2 * time.Second

func main() {
	if err := serve(os.Args[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: %v\n", err)
		os.Exit(1)
	}
}

func serve(argv []string) error {
	flags := flag.NewFlagSet("pulumi-language-nodejs", flag.ContinueOnError)
	// Logging flags are forwarded by the engine when the user runs with -v/--logflow; we have no
	// verbose logging of our own, so they are accepted and ignored.
	flags.Bool("logtostderr", false, "accepted for engine compatibility; ignored")
	flags.Int("v", 0, "accepted for engine compatibility; ignored")
	tracing := flags.String("tracing", "", "Zipkin-compatible tracing endpoint, passed on to the Node.js run script")
	if err := flags.Parse(argv); err != nil {
		return err
	}
	engineAddress := ""
	if n := flags.NArg(); n > 0 {
		engineAddress = flags.Arg(n - 1)
	}

	// Without node nothing can work; failing here shows the reason in the engine's error instead of
	// a confusing failure at the first Run.
	nodeBin, err := exec.LookPath("node")
	if err != nil {
		return fmt.Errorf("could not find node on PATH: %w", err)
	}

	// Ended by SIGINT/SIGTERM, by the engine's Cancel, or when the engine stops answering its health check.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if engineAddress != "" {
		if err := rpcutil.Healthcheck(ctx, engineAddress, engineHealthInterval, cancel); err != nil {
			return fmt.Errorf("start the engine health check: %w", err)
		}
	}

	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("listen on 127.0.0.1: %w", err)
	}
	host := &nodeHost{
		nodeBin:       nodeBin,
		engineAddress: engineAddress,
		tracing:       *tracing,
		children:      newChildren(ctx),
		cancel:        cancel,
	}
	srv := grpc.NewServer(grpc.MaxRecvMsgSize(maxMessageBytes), grpc.MaxSendMsgSize(maxMessageBytes))
	pulumirpc.RegisterLanguageRuntimeServer(srv, host)

	// The port line must be the first thing on stdout: the engine parses it byte by byte.
	fmt.Printf("%d\n", lis.Addr().(*net.TCPAddr).Port)

	served := make(chan error, 1)
	go func() { served <- srv.Serve(lis) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	// The engine is gone or asked us to stop: interrupt the programs and plugins we started, give them the grace
	// period, then leave. Open streams (a RunPlugin waiting on its child) end with the process.
	host.children.wait(childGracePeriod + time.Second)
	srv.Stop()
	return nil
}
