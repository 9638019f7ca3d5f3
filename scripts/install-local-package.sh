#!/usr/bin/env bash
# Installs this repository's built package into a Pulumi project's node_modules as a real copy, not a symlink:
# Pulumi stores a dynamic provider as a small require("pulumi-koophone/...") only when its module's real path is
# under node_modules; from a symlinked checkout it would serialize the provider's code by value instead.
# Projects inside this repository resolve their other dependencies from the repository's node_modules.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
project=${1:?usage: install-local-package.sh <pulumi project dir>}
[ -d "$root/dist/sdk" ] || { echo "install-local-package: $root/dist is missing; run 'npm run build' first" >&2; exit 1; }
dest="$project/node_modules/pulumi-koophone"
rm -rf "$dest"
mkdir -p "$dest"
cp -R "$root/package.json" "$root/dist" "$dest/"
if [ -f "$root/schema.json" ]; then cp "$root/schema.json" "$dest/"; fi
