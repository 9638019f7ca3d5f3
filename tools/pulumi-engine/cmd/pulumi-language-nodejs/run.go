package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// runScriptModule is the program launcher inside @pulumi/pulumi. It connects to the resource
// monitor, loads ts-node for TypeScript programs and requires the program.
const runScriptModule = "@pulumi/pulumi/cmd/run"

// exitCodeAlreadyReported is the run script's exit code when it has already logged a
// user-actionable error through the engine (cmd/run/index.js
// nodeJSProcessExitedAfterLoggingUserActionableMessage). The engine must then stop without
// printing a second, generic error: that is what RunResponse.Bail means.
const exitCodeAlreadyReported = 32

// Run executes the program once for a preview or an update.
//
// Errors the user can fix (SDK not installed, program failed) go back in RunResponse.Error, which
// the engine prints as a normal deployment error; a gRPC error would be shown as an internal
// failure of the language host.
func (h *nodeHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	// The engine sets Pwd to the program directory (Pulumi.yaml's directory, or the directory of
	// `main`), and Program to the entry point relative to it ("." or a file name).
	runScript, err := findPackageFile(req.GetPwd(), runScriptModule)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	env, err := runEnvironment(req)
	if err != nil {
		return nil, err
	}

	cmd := exec.Command(h.nodeBin, runArguments(req, runScript, h.engineAddr(), h.tracing)...)
	cmd.Dir = req.GetPwd()
	cmd.Env = append(os.Environ(), env...)
	// The program's console output goes to our stdout/stderr, which the engine already relays to
	// the user as diagnostics (after it has read our port line).
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	// If the engine abandons the Run call, cancels, or goes away: SIGINT to the program, then kill it.
	return runResponse(h.children.run(ctx, cmd)), nil
}

// runArguments builds `node [nodeargs...] <run script> --flag=value... <program> [args...]`,
// using the flags that @pulumi/pulumi 3.248.0 cmd/run/index.js parses with minimist. The
// `--name=value` spelling keeps values that start with "-" from being read as flags.
func runArguments(req *pulumirpc.RunRequest, runScript, engineAddress, tracing string) []string {
	args := strings.Fields(stringOption(req.GetInfo(), "nodeargs"))
	args = append(args, runScript)
	addFlag := func(name, value string) {
		if value != "" {
			args = append(args, "--"+name+"="+value)
		}
	}
	addFlag("monitor", req.GetMonitorAddress())
	addFlag("engine", engineAddress)
	addFlag("organization", req.GetOrganization())
	addFlag("project", req.GetProject())
	addFlag("stack", req.GetStack())
	addFlag("root-directory", req.GetInfo().GetRootDirectory())
	addFlag("pwd", req.GetPwd())
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	if req.GetParallel() > 0 {
		addFlag("parallel", strconv.Itoa(int(req.GetParallel())))
	}
	addFlag("tracing", tracing)

	// "." makes the run script use package.json's exports/main, as `node .` would.
	program := req.GetProgram()
	if program == "" {
		program = "."
	}
	args = append(args, program)
	return append(args, req.GetArgs()...)
}

// runEnvironment returns the variables the Node.js SDK reads instead of flags: the stack config
// (runtime/config.js reads PULUMI_CONFIG as a JSON object keyed "<namespace>:<key>", and
// PULUMI_CONFIG_SECRET_KEYS as a JSON array of such keys so that Config.get* marks them secret),
// and the TypeScript switches read by cmd/run/run.js.
func runEnvironment(req *pulumirpc.RunRequest) ([]string, error) {
	config := req.GetConfig()
	if config == nil {
		config = map[string]string{}
	}
	configJSON, err := json.Marshal(config)
	if err != nil {
		return nil, fmt.Errorf("serialize config: %w", err)
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	secretKeysJSON, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, fmt.Errorf("serialize secret config keys: %w", err)
	}

	// Pulumi.yaml `runtime.options.typescript` defaults to true, as with the upstream host: a
	// TypeScript entry point is run through ts-node (the project's, or the copy vendored in the SDK).
	typescript := typescriptOption(req.GetInfo())
	env := []string{
		"PULUMI_CONFIG=" + string(configJSON),
		"PULUMI_CONFIG_SECRET_KEYS=" + string(secretKeysJSON),
		"PULUMI_NODEJS_TYPESCRIPT=" + strconv.FormatBool(typescript),
	}
	if tsconfig := stringOption(req.GetInfo(), "tsconfig"); tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+tsconfig)
	}
	return env, nil
}

// runResponse maps the run script's exit status to what the engine expects.
func runResponse(err error) *pulumirpc.RunResponse {
	if err == nil {
		return &pulumirpc.RunResponse{}
	}
	var exitErr *exec.ExitError
	if !errors.As(err, &exitErr) {
		return &pulumirpc.RunResponse{Error: "could not start the Node.js program: " + err.Error()}
	}
	if ws, ok := exitErr.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return &pulumirpc.RunResponse{Error: "Node.js program was killed by signal " + ws.Signal().String()}
	}
	if exitErr.ExitCode() == exitCodeAlreadyReported {
		return &pulumirpc.RunResponse{Bail: true}
	}
	return &pulumirpc.RunResponse{
		Error: fmt.Sprintf("Node.js program exited with non-zero exit code: %d", exitErr.ExitCode()),
	}
}

// typescriptOption reads Pulumi.yaml `runtime.options.typescript`, true unless set to false.
func typescriptOption(info *pulumirpc.ProgramInfo) bool {
	if v, ok := info.GetOptions().GetFields()["typescript"]; ok {
		return v.GetBoolValue()
	}
	return true
}

// jsonObject serializes a string map (stack config) as a JSON object.
func jsonObject(m map[string]string) (string, error) {
	raw, err := json.Marshal(m)
	return string(raw), err
}

// stringOption reads a string from Pulumi.yaml `runtime.options`.
func stringOption(info *pulumirpc.ProgramInfo, name string) string {
	return info.GetOptions().GetFields()[name].GetStringValue()
}
