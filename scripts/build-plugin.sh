#!/usr/bin/env bash
# Builds the native provider plugin tarball `pulumi-resource-koophone-v<version>-linux-amd64.tar.gz` (make plugin):
# the compiled provider (dist/provider), schema.json, the production node_modules it needs and a launcher
# `pulumi-resource-koophone` that finds Node >= 22. Install it with
#   pulumi plugin install resource koophone <version> --file pulumi-resource-koophone-v<version>-linux-amd64.tar.gz
# Needs `npm run build` first. Dependencies come from npm's cache when it has them (--prefer-offline).
set -euo pipefail
repo=$(CDPATH='' cd -P -- "$(dirname -- "$0")/.." && pwd)
cd "$repo"
version=$(node -p 'require("./package.json").version')
out="${1:-$repo/pulumi-resource-koophone-v$version-linux-amd64.tar.gz}"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

test -f dist/provider/cmd/pulumi-resource-koophone/index.js || { echo 'build-plugin: run `npm run build` first' >&2; exit 1; }
mkdir -p "$stage/dist"
cp -R dist/provider "$stage/dist/provider"
find "$stage/dist" -name '*.test.*' -delete
cp schema.json README.md "$stage/"
# The plugin's own package.json: the provider's runtime dependencies (the emulator's fastify is not one) and the
# Pulumi SDK whose protocol modules it serves (a peer dependency of the library, pinned here to the tested version).
node -e '
  const pkg = require("./package.json");
  const { fastify: _emulatorOnly, ...deps } = pkg.dependencies;
  const plugin = {
    name: "pulumi-resource-koophone", version: pkg.version, private: true, license: pkg.license,
    description: "Pulumi native provider plugin for Huawei Cloud KooPhone (" + pkg.name + ")",
    engines: pkg.engines,
    dependencies: { ...deps, "@pulumi/pulumi": pkg.devDependencies["@pulumi/pulumi"] },
  };
  require("fs").writeFileSync(process.argv[1] + "/package.json", JSON.stringify(plugin, null, 2) + "\n");
' "$stage"
(cd "$stage" && npm install --omit=dev --ignore-scripts --prefer-offline --no-audit --no-fund --no-package-lock \
  --loglevel=error >/dev/null)

cat >"$stage/pulumi-resource-koophone" <<'LAUNCHER'
#!/bin/sh
# Starts the KooPhone provider plugin on Node >= 22: $KOOPHONE_NODE, else `node` on PATH, else a project's
# .tools/node/bin/node in the working directory (the engine starts plugins in the project) or one above it.
here=$(CDPATH='' cd -P -- "$(dirname -- "$0")" && pwd)
new_enough() { [ -n "$1" ] && [ -x "$1" ] && "$1" -e 'process.exit(+process.versions.node.split(".")[0] >= 22 ? 0 : 1)' 2>/dev/null; }
for candidate in "${KOOPHONE_NODE:-}" "$(command -v node 2>/dev/null)"; do
  if new_enough "$candidate"; then exec "$candidate" "$here/dist/provider/cmd/pulumi-resource-koophone/index.js" "$@"; fi
done
dir=$(pwd -P)
while [ -n "$dir" ]; do
  if new_enough "$dir/.tools/node/bin/node"; then
    exec "$dir/.tools/node/bin/node" "$here/dist/provider/cmd/pulumi-resource-koophone/index.js" "$@"
  fi
  [ "$dir" = / ] && break
  dir=$(dirname "$dir")
done
echo "pulumi-resource-koophone: needs Node.js >= 22 on PATH (or set KOOPHONE_NODE to its binary)" >&2
exit 1
LAUNCHER
chmod +x "$stage/pulumi-resource-koophone"

tar -C "$stage" -czf "$out" .
echo "$out ($(du -h "$out" | cut -f1))"
