#!/usr/bin/env bash
# `make examples`: typecheck every example, then run examples/gitops and examples/drift-detection end to end
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
for dir in "$root"/examples/*/; do
  [ -f "$dir/Pulumi.yaml" ] && examples+=("${dir%/}")
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
creates() { emulator_json counters | node -e "let s='';process.stdin.on('data',(d)=>(s+=d)).on('end',()=>console.log(JSON.parse(s).counters.create))"; }

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

step "drift-detection: deploy; the check finds no drift"
drift_ok deploy check
expect_phones 2 "after deploying the drift-detection stack"

step "drift-detection: a user is unassigned behind Pulumi's back"
drift_ok unassign
expect_drift "an out-of-band unassign" "koophone:UserAssignment desk-1" 'userId: "1008600000104285462" → (absent)'

step "drift-detection: repair, then the check passes"
drift_ok repair check
[ "$(phones "l.filter((p)=>p.assignUser).length")" = 2 ] || fail "the repair did not assign the user again"

step "drift-detection: the phone is given to another user behind Pulumi's back"
drift_ok reassign
expect_drift "an out-of-band reassignment" "koophone:UserAssignment desk-1" 'userId: "1008600000104285462" → "1008600000104285469"'
drift_ok repair check
[ "$(phones "l.filter((p)=>p.assignUser==='1008600000104285462').length")" = 1 ] || fail "the repair did not give the phone back to its user"

step "drift-detection: a phone is deleted behind Pulumi's back"
drift_ok delete
expect_drift "an out-of-band delete" "koophone:Instance desk-1" "koophone:UserAssignment desk-1" "instanceId:"

step "drift-detection: repair buys the phone again, then destroy"
drift_ok repair check
expect_phones 2 "after the repair"
drift_ok destroy
expect_phones 0 "after destroying every stack"

step "All examples passed"
