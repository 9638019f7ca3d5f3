package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"google.golang.org/protobuf/types/known/structpb"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

func TestRunArgumentsUseTheFlagsOfTheRunScript(t *testing.T) {
	opts, err := structpb.NewStruct(map[string]any{"nodeargs": "--max-old-space-size=4096 --trace-warnings"})
	if err != nil {
		t.Fatal(err)
	}
	req := &pulumirpc.RunRequest{
		MonitorAddress: "127.0.0.1:1001",
		Organization:   "organization",
		Project:        "smoke",
		Stack:          "dev",
		Pwd:            "/work/prog",
		Program:        "index.ts",
		Args:           []string{"extra"},
		DryRun:         true,
		Parallel:       16,
		Info:           &pulumirpc.ProgramInfo{RootDirectory: "/work", Options: opts},
	}
	got := runArguments(req, "/nm/@pulumi/pulumi/cmd/run", "127.0.0.1:1002", "")
	want := []string{
		"--max-old-space-size=4096", "--trace-warnings", "/nm/@pulumi/pulumi/cmd/run",
		"--monitor=127.0.0.1:1001", "--engine=127.0.0.1:1002", "--organization=organization",
		"--project=smoke", "--stack=dev", "--root-directory=/work", "--pwd=/work/prog", "--dry-run",
		"--parallel=16", "index.ts", "extra",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("runArguments:\n got %q\nwant %q", got, want)
	}
}

func TestRunArgumentsDefaultTheProgramToThePackageEntryPoint(t *testing.T) {
	got := runArguments(&pulumirpc.RunRequest{MonitorAddress: "m"}, "run", "", "")
	if want := []string{"run", "--monitor=m", "."}; !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestRunEnvironmentCarriesConfigSecretKeysAndTypeScriptSwitch(t *testing.T) {
	opts, err := structpb.NewStruct(map[string]any{"typescript": false, "tsconfig": "tsconfig.pulumi.json"})
	if err != nil {
		t.Fatal(err)
	}
	env, err := runEnvironment(&pulumirpc.RunRequest{
		Config:           map[string]string{"smoke:token": "s3cret", "smoke:value": "1"},
		ConfigSecretKeys: []string{"smoke:token"},
		Info:             &pulumirpc.ProgramInfo{Options: opts},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`PULUMI_CONFIG={"smoke:token":"s3cret","smoke:value":"1"}`,
		`PULUMI_CONFIG_SECRET_KEYS=["smoke:token"]`,
		"PULUMI_NODEJS_TYPESCRIPT=false",
		"PULUMI_NODEJS_TSCONFIG_PATH=tsconfig.pulumi.json",
	}
	if !reflect.DeepEqual(env, want) {
		t.Fatalf("got %q, want %q", env, want)
	}
}

func TestRunEnvironmentDefaultsToTypeScriptAndEmptyConfig(t *testing.T) {
	env, err := runEnvironment(&pulumirpc.RunRequest{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"PULUMI_CONFIG={}", "PULUMI_CONFIG_SECRET_KEYS=[]", "PULUMI_NODEJS_TYPESCRIPT=true"}
	if !reflect.DeepEqual(env, want) {
		t.Fatalf("got %q, want %q", env, want)
	}
}

func TestRunResponseMapsExitCodes(t *testing.T) {
	exit := func(code string) error { return exec.Command("sh", "-c", "exit "+code).Run() }

	if r := runResponse(nil); r.GetError() != "" || r.GetBail() {
		t.Fatalf("success: %v", r)
	}
	if r := runResponse(exit("32")); !r.GetBail() || r.GetError() != "" {
		t.Fatalf("exit 32 must bail without a second message: %v", r)
	}
	if r := runResponse(exit("3")); r.GetBail() || !strings.Contains(r.GetError(), "exit code: 3") {
		t.Fatalf("exit 3: %v", r)
	}
	if r := runResponse(exec.Command("/nonexistent/node").Run()); !strings.Contains(r.GetError(), "could not start") {
		t.Fatalf("start failure: %v", r)
	}
}

func TestFindPackageFileWalksUpLikeRequire(t *testing.T) {
	root := t.TempDir()
	run := filepath.Join(root, "node_modules", "@pulumi", "pulumi", "cmd", "run")
	if err := os.MkdirAll(run, 0o755); err != nil {
		t.Fatal(err)
	}
	prog := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(prog, 0o755); err != nil {
		t.Fatal(err)
	}
	got, err := findPackageFile(prog, runScriptModule)
	if err != nil || got != run {
		t.Fatalf("got %q, %v; want %q", got, err, run)
	}
	if _, err := findPackageFile(t.TempDir(), runScriptModule); err == nil ||
		!strings.Contains(err.Error(), "npm install") {
		t.Fatalf("missing SDK must say how to fix it, got %v", err)
	}
}
