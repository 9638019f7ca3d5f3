package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// programDir picks the program directory from a request's ProgramInfo, falling back to the
// legacy Directory field some callers still fill.
func programDir(info *pulumirpc.ProgramInfo, legacy string) string {
	if d := info.GetProgramDirectory(); d != "" {
		return d
	}
	return legacy
}

// InstallDependencies (used by `pulumi install`, `pulumi new` and `pulumi up <template>`) runs
// `npm install` only when the program cannot find @pulumi/pulumi yet. When the SDK is already
// resolvable (installed in the program or, as in this repo's tests, in a parent directory's
// node_modules) it does nothing, so that an offline `pulumi install` never touches the registry
// and never rewrites a lock file the project manages itself.
func (h *nodeHost) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest,
	stream pulumirpc.LanguageRuntime_InstallDependenciesServer,
) error {
	dir := programDir(req.GetInfo(), req.GetDirectory())
	if _, err := findPackageFile(dir, runScriptModule); err == nil {
		return stream.Send(&pulumirpc.InstallDependenciesResponse{
			Stdout: []byte("@pulumi/pulumi is already installed; skipping npm install\n"),
		})
	}

	npm, err := exec.LookPath("npm")
	if err != nil {
		return fmt.Errorf("dependencies are missing in %s and npm is not on PATH: %w", dir, err)
	}
	sender := &streamSender{stream: stream}
	cmd := exec.CommandContext(stream.Context(), npm, "install", "--no-audit", "--no-fund")
	cmd.Dir = dir
	cmd.Stdout = writerFunc(func(p []byte) (int, error) { return sender.send(p, false) })
	cmd.Stderr = writerFunc(func(p []byte) (int, error) { return sender.send(p, true) })
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("npm install in %s failed: %w", dir, err)
	}
	return nil
}

// streamSender forwards process output as gRPC stream messages. exec copies stdout and stderr in
// two goroutines, and a gRPC server stream must not be sent on concurrently, hence the lock.
type streamSender struct {
	mu     sync.Mutex
	stream pulumirpc.LanguageRuntime_InstallDependenciesServer
}

func (s *streamSender) send(p []byte, stderr bool) (int, error) {
	// The message must own its bytes: exec reuses p for the next read.
	msg := &pulumirpc.InstallDependenciesResponse{}
	if stderr {
		msg.Stderr = append([]byte(nil), p...)
	} else {
		msg.Stdout = append([]byte(nil), p...)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.stream.Send(msg); err != nil {
		return 0, err
	}
	return len(p), nil
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// About feeds `pulumi about` and the runtime metadata recorded with each update.
func (h *nodeHost) About(ctx context.Context, _ *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	out, err := exec.CommandContext(ctx, h.nodeBin, "--version").Output()
	if err != nil {
		return nil, fmt.Errorf("node --version: %w", err)
	}
	return &pulumirpc.AboutResponse{
		Executable: h.nodeBin,
		Version:    strings.TrimPrefix(strings.TrimSpace(string(out)), "v"),
	}, nil
}

// GetProgramDependencies lists the program's direct dependencies (package.json dependencies and
// devDependencies) with the version actually installed, for `pulumi about`. Transitive
// dependencies are not walked; the request flag is accepted but ignored.
func (h *nodeHost) GetProgramDependencies(
	_ context.Context, req *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	dir := programDir(req.GetInfo(), req.GetPwd()) //nolint:staticcheck // Pwd: older engines
	raw, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if os.IsNotExist(err) {
		return &pulumirpc.GetProgramDependenciesResponse{}, nil
	}
	if err != nil {
		return nil, err
	}
	var manifest struct {
		Dependencies    map[string]string `json:"dependencies"`
		DevDependencies map[string]string `json:"devDependencies"`
	}
	if err := json.Unmarshal(raw, &manifest); err != nil {
		return nil, fmt.Errorf("parse %s: %w", filepath.Join(dir, "package.json"), err)
	}
	names := map[string]bool{}
	for n := range manifest.Dependencies {
		names[n] = true
	}
	for n := range manifest.DevDependencies {
		names[n] = true
	}
	deps := make([]*pulumirpc.DependencyInfo, 0, len(names))
	for name := range names {
		deps = append(deps, &pulumirpc.DependencyInfo{Name: name, Version: installedVersion(dir, name)})
	}
	sort.Slice(deps, func(i, j int) bool { return deps[i].Name < deps[j].Name })
	return &pulumirpc.GetProgramDependenciesResponse{Dependencies: deps}, nil
}

// installedVersion returns the version in the installed package's package.json, or "" when the
// package is not installed.
func installedVersion(dir, name string) string {
	path, err := findPackageFile(dir, name+"/package.json")
	if err != nil {
		return ""
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	var pkg struct {
		Version string `json:"version"`
	}
	if json.Unmarshal(raw, &pkg) != nil {
		return ""
	}
	return pkg.Version
}
