#!/usr/bin/env bash
# The scheduled job: does KooPhone still match what main deployed? Changes nothing (pulumi preview --refresh).
# It runs the drift-detection example's check (check-drift.sh and summarize-drift.js: copy both into ci/ next to
# this script; inside the pulumi-koophone repository the example's own copy is used) against this project.
#   exit 0 no drift, 1 drift (or a phone expiring within DRIFT_EXPIRY_DAYS days), 2 the check itself failed.
# Environment: as ci/configure.sh, plus DRIFT_EXPIRY_DAYS (default 14) and DRIFT_CHECK (the check-drift.sh to run).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
check=${DRIFT_CHECK:-}
if [ -z "$check" ]; then
  for candidate in "$here/check-drift.sh" "$here/../../drift-detection/check-drift.sh"; do
    if [ -f "$candidate" ]; then check=$candidate && break; fi
  done
fi
[ -n "$check" ] || { echo "drift: copy check-drift.sh and summarize-drift.js from examples/drift-detection into ci/" >&2; exit 2; }
"$here/configure.sh" >/dev/null || exit 2
export DRIFT_PROJECT_DIR="$here/.." DRIFT_EXPIRY_DAYS=${DRIFT_EXPIRY_DAYS:-14}
exec "$check"
