#!/usr/bin/env bash
# Builds Pulumi's official YAML language host into the git-ignored .tools/bin/ (part of `make tools`):
#   pulumi-language-yaml   github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml @ v1.25.0
# It is built from its own wrapper module tools/yaml-host (go.mod + go.sum committed), not inside the engine's
# module: pulumi-yaml v1.25.0 is tested upstream against pkg/v3 v3.206.0, and the wrapper keeps exactly the build list
# that `go install github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@v1.25.0` would use (pulumi-yaml has no
# replace directives), with the hashes pinned here instead of looked up at build time.
# Idempotent: finishes at once when the binary is newer than the pins and this script.
set -euo pipefail

readonly version=v1.25.0
repo=$(CDPATH='' cd -P -- "$(dirname -- "$0")/.." && pwd)
readonly repo
readonly mod="$repo/tools/yaml-host"
readonly bin="$repo/.tools/bin"
readonly out="$bin/pulumi-language-yaml"
start=$SECONDS

say() { echo "build-yaml-host: $*"; }

# Same environment and flags as scripts/build-engine.sh (scripts/go-env.sh): local toolchain only, static pure-Go
# binary, no VCS stamp.
# shellcheck source=go-env.sh
source "$repo/scripts/go-env.sh"

# Up to date when the binary is newer than the pins, this script and its Go environment (a version bump edits both).
if [[ -x "$out" ]] && [[ -z "$(find "$mod/go.mod" "$mod/go.sum" "$repo/scripts/build-yaml-host.sh" "$repo/scripts/go-env.sh" -newer "$out" -print -quit)" ]]; then
  say "up to date: .tools/bin/pulumi-language-yaml $version ($((SECONDS - start))s)"
  exit 0
fi

command -v go >/dev/null 2>&1 || { echo "build-yaml-host: error: go is not on PATH" >&2; exit 1; }
mkdir -p "$bin"
say "go build github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml $version -> .tools/bin/pulumi-language-yaml"
# Retried like build-engine.sh: a first build downloads ~150 modules, and a transient proxy error should not fail it.
for attempt in 1 2 3; do
  # Into a temporary file first, so an interrupted build never leaves a binary a later run takes as finished.
  if go build -C "$mod" "${go_static_flags[@]}" \
    -ldflags "-s -w -X github.com/pulumi/pulumi-yaml/pkg/version.Version=$version" \
    -o "$out.tmp" github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml; then
    break
  fi
  [[ $attempt == 3 ]] && { say "go build failed 3 times"; exit 1; }
  say "go build failed (attempt $attempt); retrying in $((attempt * 10))s"
  sleep $((attempt * 10))
done
mv -f "$out.tmp" "$out"
say "built pulumi-language-yaml $version in $((SECONDS - start))s ($(du -h "$out" | cut -f1))"
