#!/usr/bin/env bash
# `make examples`: typecheck every example, then run examples/gitops, examples/drift-detection and examples/fleet end to end
# through the real engine against a freshly started emulator, asserting what each step must leave behind.
# Needs `npm run build` (dist/) and the engine in .tools/bin (make tools).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/.e2e-work/examples"
rm -rf "$work"
mkdir -p "$work"
export KOOPHONE_POLL_INTERVAL_MS=200

step() { printf '\n\033[1;36m==> %s\033[0m\n' "$*"; }
fail() { echo "test-examples: FAILED: $*" >&2; exit 1; }

examples=()
# TypeScript examples only: examples/yaml-fleet (scripts/test-yaml-example.sh), go-fleet and python-fleet
# (scripts/check-sdks.sh) have no tsconfig.json.
for dir in "$root"/examples/*/; do
  [ -f "$dir/Pulumi.yaml" ] && [ -f "$dir/tsconfig.json" ] && examples+=("${dir%/}")
done

cleanup() {
  if [ -f "$work/emulator.pid" ]; then kill "$(cat "$work/emulator.pid")" 2>/dev/null || true; fi
  # Stack state lives in $work (removed on the next run); stack config files and installed copies live in the examples.
  for dir in "${examples[@]}"; do
    rm -rf "$dir/node_modules/pulumi-koophone" "$dir"/Pulumi.emulator.yaml
    rmdir "$dir/node_modules" 2>/dev/null || true
  done
}
trap cleanup EXIT

step "Typecheck every example against the built package"
for dir in "${examples[@]}"; do
  "$root/scripts/install-local-package.sh" "$dir"
  "$root/node_modules/.bin/tsc" -p "$dir/tsconfig.json" --noEmit || fail "examples/$(basename "$dir") does not typecheck"
  echo "ok  examples/$(basename "$dir")"
done

# Checked above: the runs below need not type-check the programs again (4-5 s of every `pulumi` run).
export PULUMI_NODEJS_TRANSPILE_ONLY=true

step "Start a fresh emulator"
url=$("$root/scripts/start-emulator.sh" "$work/emulator" "$work/emulator.pid" --provision-seconds 2 --release-seconds 1)
export KOOPHONE_EMULATOR_URL="$url"
echo "$url"

# Reads the emulator's control plane: every phone of every tenant, with who it is assigned to.
emulator_json() { curl -fsS "$url/_emulator/$1"; }
phones() { emulator_json instances | node -e "let s='';process.stdin.on('data',(d)=>(s+=d)).on('end',()=>{const l=JSON.parse(s).instances;console.log($1)})"; }
expect_phones() {
  local n
  n=$(phones 'l.length')
  [ "$n" = "$1" ] || fail "$2: expected $1 phone(s) in the emulator, found $n"
  echo "ok  $2: $n phone(s)"
}
counter() { emulator_json counters | node -e "let s='';process.stdin.on('data',(d)=>(s+=d)).on('end',()=>console.log(JSON.parse(s).counters['$1']))"; }
creates() { counter create; }
# Phones that have the app package $1 at version $2.
phones_with_app() { phones "l.filter((p)=>p.apps.some((a)=>a.objectName==='$1'&&a.objectVersion==='$2')).length"; }

step "gitops: the pull-request job (ci/preview.sh) changes nothing"
gitops() { GITOPS_WORK_DIR="$work/gitops" "$root/examples/gitops/run-against-emulator.sh" "$@" >>"$work/gitops.log" 2>&1 || fail "gitops $* (log: $work/gitops.log)"; }
wanted=$(node -e "console.log(require('$root/examples/gitops/phones.json').phones.length)")
gitops preview
expect_phones 0 "after the preview"

step "gitops: the main-branch job (ci/deploy.sh) buys and assigns the phones in phones.json"
gitops deploy
expect_phones "$wanted" "after the deploy"
assigned=$(phones "l.filter((p)=>p.assignUser).length")
[ "$assigned" = "$wanted" ] || fail "after the deploy: expected $wanted assigned phones, found $assigned"
echo "ok  every phone is assigned"
bought=$(creates)

step "gitops: deploying the same commit again buys nothing"
gitops deploy
[ "$(creates)" = "$bought" ] || fail "the second deploy called create again"
expect_phones "$wanted" "after the second deploy"

step "gitops: the scheduled job (ci/drift.sh, with DRIFT_EXPIRY_DAYS) finds no drift and no phone about to expire"
gitops drift
grep -q "No drift" "$work/gitops.log" || fail "the scheduled drift job did not report 'No drift' (log: $work/gitops.log)"
echo "ok  the scheduled drift job passes"

step "gitops: auto-renew turned off in the Billing Center, 3 days before expiry: the scheduled job fails and says so"
soon=$(phones "l[0].instanceId")
curl -fsS -X POST -H 'content-type: application/json' -d '{"autoRenew": false, "expireInSeconds": 259200}' \
  "$url/_emulator/subscriptions/$soon" >/dev/null
rc=0
GITOPS_WORK_DIR="$work/gitops" "$root/examples/gitops/run-against-emulator.sh" drift >"$work/gitops-expiry.log" 2>&1 || rc=$?
sed -n '/^DRIFT:/,$p' "$work/gitops-expiry.log"
[ "$rc" = 1 ] || { cat "$work/gitops-expiry.log" >&2; fail "the scheduled drift job exited $rc, not 1 (log: $work/gitops-expiry.log)"; }
for text in "autoRenew: true → false (changed outside Pulumi" "subscription expires in 2 day(s)"; do
  grep -qF -- "$text" "$work/gitops-expiry.log" || fail "the drift summary does not say: $text (log: $work/gitops-expiry.log)"
done
# The phone's assignment reads its instanceId, unknown in a preview while the phone would be updated: not drift.
! grep -q "^~ koophone:UserAssignment" "$work/gitops-expiry.log" || fail "an assignment was reported as drift (log: $work/gitops-expiry.log)"
echo "ok  the scheduled drift job names the Billing Center change and the expiring phone"

step "gitops: destroy"
gitops destroy
expect_phones 0 "after destroying the gitops stack"

drift() { DRIFT_WORK_DIR="$work/drift" "$root/examples/drift-detection/run-against-emulator.sh" "$@" >"$work/drift-step.log" 2>&1; }
drift_ok() { drift "$@" || { cat "$work/drift-step.log" >&2; fail "drift-detection $*"; }; }
# Runs the check expecting drift, and asserts the report names the resource and the property.
expect_drift() {
  drift expect-drift || { cat "$work/drift-step.log" >&2; fail "the drift check did not exit 1 after $1"; }
  grep -q "^DRIFT:" "$work/drift-step.log" || fail "no drift summary after $1"
  for text in "${@:2}"; do
    grep -qF -- "$text" "$work/drift-step.log" || { cat "$work/drift-step.log" >&2; fail "the drift report after $1 does not mention: $text"; }
  done
  sed -n '/^DRIFT:/,/^Repair/p' "$work/drift-step.log"
  echo "ok  drift reported after $1"
}

step "drift-detection: deploy (two desk phones, each assigned, the desk app on both); the check finds no drift"
drift_ok deploy check
expect_phones 2 "after deploying the drift-detection stack"
[ "$(phones_with_app com.example.desk 1.0.0)" = 2 ] || fail "the desk app is not installed on both phones"

step "drift-detection: the desk app is uninstalled from a phone behind Pulumi's back"
drift_ok remove-app
expect_drift "an out-of-band app removal" "koophone:AppInstallation desk-app" 'com.example.desk on ' '(desk-2): "1.0.0" → (absent) (removed outside Pulumi'

step "drift-detection: ... and a user is unassigned behind Pulumi's back"
drift_ok unassign
expect_drift "an out-of-band unassign" "koophone:UserAssignment desk-1" 'userId: "1008600000104285462" → (absent)' "koophone:AppInstallation desk-app"

step "drift-detection: repair (assigns the user, reinstalls the app on that phone only), then the check passes"
installs=$(counter app-install)
drift_ok repair check
[ "$(phones "l.filter((p)=>p.assignUser).length")" = 2 ] || fail "the repair did not assign the user again"
[ "$(phones_with_app com.example.desk 1.0.0)" = 2 ] || fail "the repair did not reinstall the desk app"
[ "$(counter app-install)" = "$((installs + 1))" ] || fail "the repair made $(($(counter app-install) - installs)) app-install calls, expected 1"

step "drift-detection: the phone is given to another user behind Pulumi's back"
drift_ok reassign
expect_drift "an out-of-band reassignment" "koophone:UserAssignment desk-1" 'userId: "1008600000104285462" → "1008600000104285469"'
drift_ok repair
[ "$(phones "l.filter((p)=>p.assignUser==='1008600000104285462').length")" = 1 ] || fail "the repair did not give the phone back to its user"

step "drift-detection: the repair's unassign wiped desk-1 (as KooPhone does), so the check names the app missing there"
expect_drift "the reassignment repair" "koophone:AppInstallation desk-app" '(desk-1): "1.0.0" → (absent)'

step "drift-detection: a phone is deleted behind Pulumi's back"
drift_ok delete
expect_drift "an out-of-band delete" "koophone:Instance desk-1" "koophone:UserAssignment desk-1" "instanceId:"

step "drift-detection: repair buys the phone again, then destroy"
drift_ok repair check
expect_phones 2 "after the repair"
drift_ok destroy
expect_phones 0 "after destroying every stack"

step "fleet: an InstanceGroup with the app (apkUrl, a secret) on every phone and a reboot round"
fleet() { FLEET_WORK_DIR="$work/fleet" "$root/examples/fleet/run-against-emulator.sh" "$@" >>"$work/fleet.log" 2>&1 || fail "fleet $* (log: $work/fleet.log)"; }
fleet deploy
expect_phones 2 "after deploying the fleet"
[ "$(phones_with_app com.example.fieldapp 1.0.0)" = 2 ] || fail "the fleet app is not installed on both phones"
[ "$(counter reboot)" = 1 ] || fail "the first fleet up made $(counter reboot) reboot calls, expected 1"
# The signed URL is a secret: never in clear in the state or in what pulumi printed.
if grep -rqF "emulator-signature" "$work/fleet/state" "$work/fleet.log"; then fail "the fleet's apkUrl is in clear in the state or the output"; fi
echo "ok  app on every phone, one reboot call, apkUrl never in clear"

step "fleet: changing rebootRound reboots every phone, and nothing else"
bought=$(creates)
installs=$(counter app-install)
fleet reboot
[ "$(counter reboot)" = 2 ] || fail "raising rebootRound made $(($(counter reboot) - 1)) reboot calls, expected 1"
[ "$(counter app-install)" = "$installs" ] || fail "the reboot round installed the app again"
[ "$(creates)" = "$bought" ] || fail "the reboot round bought phones"
[ "$(phones "l.filter((p)=>p.runningStatus===2).length")" = 2 ] || fail "not every phone runs again after the reboot"
echo "ok  one reboot call, no install, no purchase, every phone running"
# No destroy: the emulator and the stack state are thrown away on exit (test/e2e covers uninstall on delete).

step "No example exports an undefined value (pulumi would warn: Undefined value ... will not show as a stack output)"
! grep -h "Undefined value" "$work"/*.log || fail "an example exports an undefined value (logs: $work/*.log)"
echo "ok  no undefined stack output"

step "All examples passed"
