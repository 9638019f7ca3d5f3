#!/usr/bin/env bash
# Builds the offline Pulumi engine into the git-ignored .tools/bin/ (this is `make tools`):
#   pulumi                         the CLI, github.com/pulumi/pulumi/pkg/v3/cmd/pulumi @ v3.277.0
#   pulumi-language-nodejs         our own Node.js language host (tools/pulumi-engine/cmd/...), because
#                                  the Go proxy refuses every version of the upstream host module
#   pulumi-resource-pulumi-nodejs  the dynamic-provider launcher (tools/pulumi-engine/launcher/)
# No registry reachable from here ships a Pulumi binary, so the CLI is compiled from Go modules via
# the wrapper module tools/pulumi-engine (go.mod + go.sum committed; see
# tools/pulumi-engine/README.md). Needs only Go >= 1.25.11 (1.26 tested), the Go module
# proxy, node and npm. Idempotent: finishes at once when everything is already up to date.
set -euo pipefail

readonly version=v3.277.0
repo=$(CDPATH='' cd -P -- "$(dirname -- "$0")/.." && pwd)
readonly repo
readonly mod="$repo/tools/pulumi-engine"
readonly bin="$repo/.tools/bin"
readonly host_src="$mod/cmd/pulumi-language-nodejs"
readonly launcher_src="$mod/launcher/pulumi-resource-pulumi-nodejs"
start=$SECONDS

say() { echo "build-engine: $*"; }
die() { echo "build-engine: error: $*" >&2; exit 1; }

# The Go environment and static-build flags shared with build-yaml-host.sh (local toolchain, pure Go, no VCS stamp).
# shellcheck source=go-env.sh
source "$repo/scripts/go-env.sh"
readonly go_flags=("${go_static_flags[@]}"
  -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$version")

cli_current() {
  [[ -x "$bin/pulumi" ]] && [[ "$("$bin/pulumi" version 2>/dev/null || true)" == "$version" ]]
}

host_current() {
  [[ -x "$bin/pulumi-language-nodejs" ]] || return 1
  # Stale when any source (or the dependency pins) is newer than the binary.
  [[ -z "$(find "$host_src" "$mod/go.mod" "$mod/go.sum" -newer "$bin/pulumi-language-nodejs" -print -quit)" ]]
}

launcher_current() {
  [[ -x "$bin/pulumi-resource-pulumi-nodejs" ]] && cmp -s "$launcher_src" "$bin/pulumi-resource-pulumi-nodejs"
}

# go_build <package> <output name>: builds into a temporary file first so that an interrupted
# build never leaves a half-written binary that a later run would take for a finished one.
go_build() {
  local t0=$SECONDS
  say "go build $1 -> .tools/bin/$2"
  # Retried: on a fresh machine this downloads ~1.3 GB through the module proxy, and a transient network error
  # should not fail the whole run (what was downloaded stays in the module cache).
  local attempt
  for attempt in 1 2 3; do
    if go build -C "$mod" "${go_flags[@]}" -o "$bin/.$2.tmp" "$1"; then break; fi
    if [[ $attempt == 3 ]]; then say "go build $1 failed 3 times"; return 1; fi
    say "go build $1 failed (attempt $attempt); retrying in $((attempt * 10))s"
    sleep $((attempt * 10))
  done
  mv -f "$bin/.$2.tmp" "$bin/$2"
  say "built $2 in $((SECONDS - t0))s ($(du -h "$bin/$2" | cut -f1))"
}

if cli_current && host_current && launcher_current; then
  say "up to date: .tools/bin/pulumi $version, pulumi-language-nodejs, pulumi-resource-pulumi-nodejs ($((SECONDS - start))s)"
  exit 0
fi

command -v go >/dev/null 2>&1 || die "go is not on PATH (Go >= 1.25.11 is needed to build the Pulumi engine)"
export PATH="$repo/.tools/node/bin:$PATH"
command -v node >/dev/null 2>&1 || die "node is not on PATH (the language host and dynamic providers need it)"
mkdir -p "$bin"
say "using $(go version); module cache $(go env GOMODCACHE)"

if cli_current; then
  say "pulumi $version already built"
else
  # First build on a machine: downloads ~300 modules and compiles for several minutes.
  go_build github.com/pulumi/pulumi/pkg/v3/cmd/pulumi pulumi
  got=$("$bin/pulumi" version) || die "the freshly built pulumi does not run"
  [[ "$got" == "$version" ]] || die "built pulumi reports version '$got', expected $version"
fi

if host_current; then
  say "pulumi-language-nodejs already built"
else
  go_build ./cmd/pulumi-language-nodejs pulumi-language-nodejs
fi

if launcher_current; then
  say "pulumi-resource-pulumi-nodejs already installed"
else
  say "installing launcher .tools/bin/pulumi-resource-pulumi-nodejs"
  install -m 0755 "$launcher_src" "$bin/pulumi-resource-pulumi-nodejs"
fi

say "done in $((SECONDS - start))s"
