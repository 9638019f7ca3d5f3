#!/usr/bin/env bash
# `make sdk-check` (part of `make test`): the committed generated-sdks/ is exactly what the generators make from
# schema.json; the Go SDK and a Go program using it (examples/go-fleet) pass `go vet`; the Python SDK and
# examples/python-fleet byte-compile. Neither program is run: the Go and Python language hosts are not built here.
# The .NET SDK is only compared (no .NET SDK on this machine).
set -euo pipefail
repo=$(CDPATH='' cd -P -- "$(dirname -- "$0")/.." && pwd)
export GOTOOLCHAIN=local GOWORK=off GONOSUMDB=github.com/pulumi/pulumi GOFLAGS='-modcacherw -buildvcs=false'
fail() { echo "check-sdks: FAILED: $*" >&2; exit 1; }
start=$SECONDS

fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
"$repo/scripts/generate-sdks.sh" "$fresh" >/dev/null
diff -r "$repo/generated-sdks" "$fresh" >"$fresh.diff" 2>&1 || {
  head -n 40 "$fresh.diff" >&2
  rm -f "$fresh.diff"
  fail "generated-sdks/ is not what schema.json generates: run \`make sdks\` and commit the result"
}
rm -f "$fresh.diff"
echo "ok  generated-sdks/ matches schema.json"

(cd "$repo/generated-sdks/go" && go vet ./...) || fail "go vet of the Go SDK"
(cd "$repo/examples/go-fleet" && go vet ./...) || fail "go vet of examples/go-fleet"
echo "ok  the Go SDK and examples/go-fleet vet"

# -q: only errors; the bytecode goes to a scratch prefix so the checkout stays clean.
PYTHONPYCACHEPREFIX="$fresh/pycache" python3 -m compileall -q "$repo/generated-sdks/python" "$repo/examples/python-fleet" ||
  fail "the Python SDK or examples/python-fleet does not byte-compile"
echo "ok  the Python SDK and examples/python-fleet byte-compile"
echo "check-sdks: done in $((SECONDS - start))s"
