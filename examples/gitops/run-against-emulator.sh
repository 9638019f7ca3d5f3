#!/usr/bin/env bash
# Runs the CI jobs' own scripts against a local KooPhone emulator, with the engine built in this repository.
#
#   examples/gitops/run-against-emulator.sh [STEP...]    STEP: preview | deploy | destroy (default: preview deploy)
#
# preview = the pull-request job (ci/preview.sh), deploy = the main-branch job (ci/deploy.sh); destroy is local
# clean-up only. Environment: KOOPHONE_EMULATOR_URL uses a running emulator (otherwise one is started and stopped
# here), GITOPS_WORK_DIR holds the stack state (default .e2e-work/gitops; kept between runs so steps can be split).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${GITOPS_WORK_DIR:-$root/.e2e-work/gitops}
mkdir -p "$work/state"
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(preview deploy)

url=${KOOPHONE_EMULATOR_URL:-}
if [ -z "$url" ]; then
  url=$("$root/scripts/start-emulator.sh" "$work/emulator" "$work/emulator.pid")
  trap 'kill "$(cat "$work/emulator.pid")" 2>/dev/null || true' EXIT
fi

# What the workflow's `env:` and the CI secret store provide, pointed at the emulator's demo tenant.
export PULUMI="$root/scripts/pulumi-offline"
export PULUMI_STACK=${PULUMI_STACK:-emulator}
export PULUMI_BACKEND_URL="file://$work/state"
export PULUMI_HOME="$work/pulumi-home"
export PULUMI_CONFIG_PASSPHRASE=${PULUMI_CONFIG_PASSPHRASE:-emulator-passphrase}
export KOOPHONE_ENDPOINT="$url" KOOPHONE_IAM_ENDPOINT="$url" KOOPHONE_REGION=cn-north-4
export KOOPHONE_DOMAIN_NAME=demo KOOPHONE_USER_NAME=demo KOOPHONE_PASSWORD=demo-password
# The emulator provisions in seconds; poll it often.
export KOOPHONE_POLL_INTERVAL_MS=${KOOPHONE_POLL_INTERVAL_MS:-300}

# Stands in for the workflow's `npm ci`: the provider comes from this repository's build.
"$root/scripts/install-local-package.sh" "$here"

for step in "${steps[@]}"; do
  echo "==> $step"
  case "$step" in
    preview) "$here/ci/preview.sh" ;;
    deploy) "$here/ci/deploy.sh" ;;
    destroy)
      "$here/ci/configure.sh"
      (cd "$here" && "$PULUMI" destroy --yes && "$PULUMI" stack rm --yes "$PULUMI_STACK")
      ;;
    *) echo "unknown step: $step (preview | deploy | destroy)" >&2; exit 2 ;;
  esac
done
