package main

import (
	"errors"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"syscall"

	"github.com/pulumi/pulumi/sdk/v3"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// The launchers inside @pulumi/pulumi that the official host uses for plugins written in Node.js: a resource (or
// other) plugin directory with PulumiPlugin.yaml, and a policy pack (the engine's kind "analyzer").
const (
	runPluginModule     = "@pulumi/pulumi/cmd/run-plugin"
	runPolicyPackModule = "@pulumi/pulumi/cmd/run-policy-pack"
)

// RunPlugin runs a plugin written in Node.js the way the official host does: the launcher comes from the plugin's
// own node_modules; the child's output streams back to the engine, which reads the plugin's port from its first
// line. A policy pack runs in its own directory with the directory as its LAST argument, behind the SDK's
// PolicyProxy: the proxy answers the engine's ConfigureStack first, so the pack starts with the stack's
// organization, project, stack, dry-run flag and config in its environment (what @pulumi/policy reads).
func (h *nodeHost) RunPlugin(req *pulumirpc.RunPluginRequest, server pulumirpc.LanguageRuntime_RunPluginServer) error {
	ctx := server.Context()
	closer, stdout, stderr, err := rpcutil.MakeRunPluginStreams(server, false)
	if err != nil {
		return err
	}
	defer closer.Close()

	dir := req.GetInfo().GetProgramDirectory()
	analyzer := req.GetKind() == string(apitype.AnalyzerPlugin)
	module := runPluginModule
	if analyzer {
		module = runPolicyPackModule
	}
	launcher, err := findPackageFile(dir, module)
	if err != nil {
		return err
	}

	env := append([]string(nil), req.GetEnv()...)
	if typescriptOption(req.GetInfo()) {
		env = append(env, "PULUMI_NODEJS_TYPESCRIPT=true")
	}
	if tsconfig := stringOption(req.GetInfo(), "tsconfig"); tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+tsconfig)
	}

	args := append(strings.Fields(stringOption(req.GetInfo(), "nodeargs")), launcher)
	if analyzer {
		args = append(append(args, req.GetArgs()...), dir)
	} else {
		args = append(append(args, dir), req.GetArgs()...)
	}

	var proxy *sdk.PolicyProxy
	if analyzer {
		proxy, stdout, err = sdk.NewPolicyProxy(ctx, stdout)
		if err != nil {
			return fmt.Errorf("could not start the policy pack proxy: %w", err)
		}
		config, err := proxy.AwaitConfiguration(ctx)
		if err != nil {
			return fmt.Errorf("could not get the stack configuration for the policy pack: %w", err)
		}
		env = append(env, policyPackEnvironment(config)...)
	}

	cmd := exec.Command(h.nodeBin, args...)
	cmd.Dir = req.GetPwd()
	if analyzer {
		// Policy packs have always run in their own directory.
		cmd.Dir = dir
	}
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = stdout, stderr

	release, err := h.children.start(ctx, cmd)
	if err != nil {
		if proxy != nil {
			proxy.Abort(err)
		}
		return fmt.Errorf("could not start the Node.js plugin in %s: %w", dir, err)
	}
	defer release()
	if proxy != nil {
		err = proxy.Attach(ctx, cmd) // waits for the pack to exit
	} else {
		err = cmd.Wait()
	}
	if err == nil {
		return closer.Close()
	}
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		if ws, ok := exitErr.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return fmt.Errorf("plugin %s was killed by signal %s", dir, ws.Signal())
		}
		return fmt.Errorf("plugin %s exited with non-zero exit code: %d", dir, exitErr.ExitCode())
	}
	return err
}

// policyPackEnvironment is what @pulumi/policy reads instead of a Run request's flags.
func policyPackEnvironment(config *pulumirpc.AnalyzerStackConfigureRequest) []string {
	if config == nil {
		return nil
	}
	var env []string
	add := func(k, v string) {
		if v != "" {
			env = append(env, k+"="+v)
		}
	}
	add("PULUMI_NODEJS_ORGANIZATION", config.GetOrganization())
	add("PULUMI_NODEJS_PROJECT", config.GetProject())
	add("PULUMI_NODEJS_STACK", config.GetStack())
	add("PULUMI_NODEJS_DRY_RUN", strconv.FormatBool(config.GetDryRun()))
	if c := config.GetConfig(); c != nil {
		if raw, err := jsonObject(c); err == nil {
			add("PULUMI_CONFIG", raw)
		}
	}
	return env
}
