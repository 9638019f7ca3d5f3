#!/usr/bin/env bash
# The scheduled drift check: does KooPhone still match the stack?
#   exit 0  no drift
#   exit 1  drift: a summary names each resource and property, old → new
#   exit 2  the check itself failed (credentials, API unreachable, program error); not drift
# It only reads: `pulumi preview --refresh` refreshes in memory and changes neither KooPhone nor the stack.
#
# Environment: PULUMI (pulumi executable, default pulumi on PATH), PULUMI_STACK (default: the selected stack),
# the KooPhone credentials as the provider reads them (koophone:* config or HW_* / KOOPHONE_* variables),
# DRIFT_EXPIRY_DAYS (optional: a phone expiring within that many days is reported and fails the check), and
# GITHUB_STEP_SUMMARY (set by GitHub Actions: the report is added to the run's summary page), and
# DRIFT_PROJECT_DIR (optional: the Pulumi project to check, default this script's directory; e.g. the gitops
# example's scheduled job checks its own project with a copy of this script and summarize-drift.js).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pulumi=${PULUMI:-pulumi}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

stack_args=()
if [ -n "${PULUMI_STACK:-}" ]; then stack_args=(--stack "$PULUMI_STACK"); fi

(cd "${DRIFT_PROJECT_DIR:-$here}" && "$pulumi" preview "${stack_args[@]}" --refresh --expect-no-changes --json) >"$tmp/preview.json" 2>"$tmp/stderr"
preview_rc=$?
node "$here/summarize-drift.js" "$tmp/preview.json" "$preview_rc" "$tmp/stderr" >"$tmp/report" 2>&1
rc=$?
cat "$tmp/report"
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  { echo '## KooPhone drift check'; echo '```'; cat "$tmp/report"; echo '```'; } >>"$GITHUB_STEP_SUMMARY"
fi
exit "$rc"
