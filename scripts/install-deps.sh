#!/usr/bin/env bash
# Installs the npm dependencies pinned by package-lock.json.
# `npm install` rather than `npm ci`: npm 11 writes lock files that omit other platforms'
# optional binaries (unrs-resolver, a jest dependency), and `npm ci` then refuses the lock.
# With a lock file present, `npm install` still installs exactly the locked versions.
# Retries because the registry occasionally hits an idle timeout.
set -euo pipefail
cd "$(dirname "$0")/.."
for attempt in 1 2 3 4; do
  # The policy pack (policy/) has its own package.json: @pulumi/policy is not a dependency of the provider.
  if npm install --no-audit --no-fund --no-save && npm install --prefix policy --no-audit --no-fund --no-save; then
    touch node_modules/.package-lock.json
    exit 0
  fi
  echo "npm install failed (attempt $attempt); retrying in $((attempt * 5)) s" >&2
  sleep $((attempt * 5))
done
echo "npm install failed 4 times; see the npm log above" >&2
exit 1
