#!/usr/bin/env bash
# Runs the drift check (check-drift.sh, the script the scheduled workflow runs) against a local KooPhone emulator,
# with changes made behind Pulumi's back through the emulator's control plane.
#
#   examples/drift-detection/run-against-emulator.sh [STEP...]
#     deploy          pulumi up (the stack the check watches)
#     check           ./check-drift.sh; must report no drift (exit 0), else the run stops with its exit code
#     expect-drift    ./check-drift.sh; must report drift (exit 1), else the run stops
#     unassign        out of band: unassign the user of the first phone (what a console user might do)
#     reassign        out of band: give the first phone to another user (unassign, then assign)
#     delete          out of band: delete the first phone
#     remove-app      out of band: uninstall the desk app from the last phone
#     repair          pulumi up --refresh
#     destroy         pulumi destroy and remove the stack
#   default: deploy check unassign expect-drift repair check destroy
#
# Environment: KOOPHONE_EMULATOR_URL uses a running emulator (otherwise one is started and stopped here);
# DRIFT_WORK_DIR holds the stack state (default .e2e-work/drift-detection; kept between runs).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${DRIFT_WORK_DIR:-$root/.e2e-work/drift-detection}
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(deploy check unassign expect-drift repair check destroy)

# shellcheck source=../emulator-env.sh
source "$here/../emulator-env.sh"
# Credentials the way the workflow passes them: environment variables the provider reads (no stack config).
export KOOPHONE_ENDPOINT="$url" KOOPHONE_IAM_ENDPOINT="$url" HW_REGION_NAME=cn-north-4
export HW_DOMAIN_NAME=demo HW_USER_NAME=demo HW_USER_PASSWORD=demo-password

"$root/scripts/install-local-package.sh" "$here"
cd "$here"

first_phone() { "$PULUMI" stack output --stack "$PULUMI_STACK" phones --json | node -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>console.log(JSON.parse(s)[0].instanceId))'; }
# Another member of the emulator's seeded demo organisation.
OTHER_USER=1008600000104285469
# The desk app (a secret: a real one is a signed OBS URL; the emulator takes any http(s) URL).
APK_URL=${APK_URL:-https://apps.obs.cn-north-4.myhuaweicloud.com/desk-1.0.0.apk?Signature=emulator-signature}
APP_PACKAGE=com.example.desk
last_phone() { "$PULUMI" stack output --stack "$PULUMI_STACK" phones --json | node -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>console.log(JSON.parse(s).at(-1).instanceId))'; }
mutate() { curl -fsS -H 'content-type: application/json' -X POST "$url/_emulator/instances/$1/mutate" -d "$2" >/dev/null; }

for step in "${steps[@]}"; do
  echo "==> $step"
  case "$step" in
    deploy)
      "$PULUMI" stack select --create "$PULUMI_STACK"
      "$PULUMI" config set --secret apkUrl "$APK_URL"
      "$PULUMI" up --yes
      ;;
    check) ./check-drift.sh ;;
    expect-drift)
      rc=0
      ./check-drift.sh || rc=$?
      if [ "$rc" -ne 1 ]; then echo "expected the drift check to report drift (exit 1), got exit $rc" >&2; exit 1; fi
      ;;
    unassign) mutate "$(first_phone)" '{"action":"unassign"}' ;;
    reassign)
      phone=$(first_phone)
      mutate "$phone" '{"action":"unassign"}'
      mutate "$phone" "{\"action\":\"assign\",\"userId\":\"$OTHER_USER\"}"
      ;;
    delete) mutate "$(first_phone)" '{"action":"delete"}' ;;
    remove-app) mutate "$(last_phone)" "{\"action\":\"remove-app\",\"appPkg\":\"$APP_PACKAGE\"}" ;;
    repair) "$PULUMI" up --stack "$PULUMI_STACK" --yes --refresh ;;
    destroy)
      "$PULUMI" destroy --stack "$PULUMI_STACK" --yes
      "$PULUMI" stack rm --yes "$PULUMI_STACK"
      ;;
    *) echo "unknown step: $step" >&2; exit 2 ;;
  esac
done
