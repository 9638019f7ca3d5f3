#!/usr/bin/env bash
# Runs the fleet example against a local KooPhone emulator through the real engine: the app on every phone of the
# group, and a fleet reboot by changing a config value.
#
#   examples/fleet/run-against-emulator.sh [STEP...]
#     deploy    pulumi up: buy the group, assign the users, install the app (apkUrl, a secret), reboot round 1
#     reboot    pulumi up after raising `rebootRound`: only the reboot runs again
#     destroy   pulumi destroy (uninstalls the app, unsubscribes the phones) and remove the stack
#   default: deploy reboot destroy
#
# Environment: KOOPHONE_EMULATOR_URL uses a running emulator (otherwise one is started and stopped here);
# FLEET_WORK_DIR holds the stack state (default .e2e-work/fleet; kept between runs so steps can be split).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${FLEET_WORK_DIR:-$root/.e2e-work/fleet}
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(deploy reboot destroy)

emulator_flags=(--provision-seconds 2)
# shellcheck source=../emulator-env.sh
source "$here/../emulator-env.sh"
# The emulator's demo tenant, through the environment variables the provider reads (no credentials in config).
export KOOPHONE_ENDPOINT="$url" KOOPHONE_IAM_ENDPOINT="$url" HW_REGION_NAME=cn-north-4
export HW_DOMAIN_NAME=demo HW_USER_NAME=demo HW_USER_PASSWORD=demo-password
# The emulator takes any http(s) URL; a real one is a signed OBS URL, and its signature must stay out of the state.
APK_URL=${APK_URL:-https://apps.obs.cn-north-4.myhuaweicloud.com/fieldapp-1.0.0.apk?Signature=emulator-signature}

"$root/scripts/install-local-package.sh" "$here"
cd "$here"

for step in "${steps[@]}"; do
  echo "==> $step"
  case "$step" in
    deploy)
      "$PULUMI" stack select --create "$PULUMI_STACK"
      "$PULUMI" config set users '["1008600000104285462","1008600000104285463"]'
      "$PULUMI" config set --secret apkUrl "$APK_URL"
      "$PULUMI" config set rebootRound 1
      "$PULUMI" up --yes --skip-preview
      ;;
    reboot)
      round=$("$PULUMI" config get rebootRound)
      "$PULUMI" config set rebootRound "$((round + 1))"
      "$PULUMI" up --yes --skip-preview
      ;;
    destroy)
      "$PULUMI" destroy --yes --skip-preview
      "$PULUMI" stack rm --yes "$PULUMI_STACK"
      ;;
    *) echo "unknown step: $step (deploy | reboot | destroy)" >&2; exit 2 ;;
  esac
done
