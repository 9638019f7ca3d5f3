#!/usr/bin/env bash
# `make sdks`: generates the Python, Go and .NET SDKs of the koophone package from schema.json with Pulumi's own code
# generators, into generated-sdks/{python,go,dotnet} (committed, so that review shows what a schema change does to
# each language, and Go programs build from a checkout). Usage: scripts/generate-sdks.sh [OUT_DIR]
#   tools/sdkgen         pkg/codegen/python and pkg/codegen/go of pkg/v3 v3.277.0 (the engine's version)
#   tools/sdkgen/dotnet  pkg/codegen/dotnet of pkg/v3 v3.228.0, the last release that has it
# The generators are built into .tools/bin once and rebuilt only when their sources or pins change.
set -euo pipefail
repo=$(CDPATH='' cd -P -- "$(dirname -- "$0")/.." && pwd)
out=$(mkdir -p "${1:-$repo/generated-sdks}" && cd "${1:-$repo/generated-sdks}" && pwd)
bin="$repo/.tools/bin"
start=$SECONDS
say() { echo "generate-sdks: $*"; }

# As scripts/build-engine.sh (scripts/go-env.sh): local toolchain, no go.work, static binaries, the same flags so that
# the packages the engine build compiled come from the build cache.
# shellcheck source=go-env.sh
source "$repo/scripts/go-env.sh"

# build <module dir> <binary>: skipped while the binary is newer than every file of its module.
build() {
  local src=$1 name=$2 t0=$SECONDS
  if [[ -x "$bin/$name" ]] && [[ -z "$(find "$src" -maxdepth 1 -type f -newer "$bin/$name" -print -quit)" ]]; then
    return
  fi
  mkdir -p "$bin"
  say "go build $src -> .tools/bin/$name"
  go build -C "$src" "${go_static_flags[@]}" -ldflags '-s -w' -o "$bin/.$name.tmp" .
  mv -f "$bin/.$name.tmp" "$bin/$name"
  say "built $name in $((SECONDS - t0))s"
}
build "$repo/tools/sdkgen" koophone-sdkgen
build "$repo/tools/sdkgen/dotnet" koophone-sdkgen-dotnet

"$bin/koophone-sdkgen" -schema "$repo/schema.json" -out "$out"
"$bin/koophone-sdkgen-dotnet" -schema "$repo/schema.json" -out "$out"
# The Go SDK is its own module: pin its dependencies (go.sum) so that a program using it builds reproducibly.
(cd "$out/go" && go mod tidy)
say "done in $((SECONDS - start))s: $out/{python,go,dotnet}"
