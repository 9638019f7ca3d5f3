package main

import (
	"context"
	"sync"

	"google.golang.org/protobuf/types/known/emptypb"

	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// nodeHost implements pulumirpc.LanguageRuntimeServer.
//
// Methods not defined here (Template, GenerateProgram/Project/Package, Pack, Link) fall through to
// UnimplementedLanguageRuntimeServer and answer codes.Unimplemented. The engine treats Unimplemented from Template,
// RuntimeOptionsPrompts, GetRequiredPackages and Handshake as "not supported" and carries on; the code-generation
// methods are only used by `pulumi convert`, `pulumi package` and `pulumi new`, which this project does not use.
type nodeHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer

	nodeBin string
	tracing string

	// children are the programs and plugins this host started; they are interrupted (then killed) on Cancel,
	// SIGINT or when the engine goes away.
	children *children
	cancel   context.CancelFunc

	mu            sync.Mutex
	engineAddress string
}

// Cancel is the engine's request to stop (Ctrl-C of `pulumi up`): like the official host, it cancels the host's
// context, so every running program gets SIGINT and is killed after childGracePeriod.
func (h *nodeHost) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	h.cancel()
	return &emptypb.Empty{}, nil
}

// Handshake is only sent when the engine attaches to an already running host
// (PULUMI_DEBUG_LANGUAGES); a launched host gets the engine address on its command line instead.
func (h *nodeHost) Handshake(
	_ context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	if addr := req.GetEngineAddress(); addr != "" {
		h.mu.Lock()
		h.engineAddress = addr
		h.mu.Unlock()
	}
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *nodeHost) engineAddr() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.engineAddress
}

// GetPluginInfo reports the version stamped in by the linker (-X .../version.Version=v3.248.0), so
// `pulumi about` and the update metadata show the same version as the CLI. An empty version is
// allowed by the engine.
func (h *nodeHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}

// GetRequiredPackages returns nothing: the upstream host scans node_modules for packages that
// declare `"pulumi": {"resource": true}` so the engine can pre-install provider plugins. This
// project uses only dynamic providers, whose plugin (pulumi-nodejs) is bundled next to the CLI and
// loaded on demand, so there is nothing to report, and reporting anything would make the engine try
// to download it.
func (h *nodeHost) GetRequiredPackages(
	context.Context, *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

// GetRequiredPlugins is the deprecated predecessor of GetRequiredPackages; same answer.
func (h *nodeHost) GetRequiredPlugins(
	context.Context, *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

// RuntimeOptionsPrompts is asked by `pulumi new`; we have no runtime options to prompt for.
func (h *nodeHost) RuntimeOptionsPrompts(
	context.Context, *pulumirpc.RuntimeOptionsRequest,
) (*pulumirpc.RuntimeOptionsResponse, error) {
	return &pulumirpc.RuntimeOptionsResponse{}, nil
}
