#!/usr/bin/env bash
# `make demo`: the fleet example against a local KooPhone emulator, step by step, through the real Pulumi engine.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
project="$root/examples/fleet"
work="$root/.e2e-work/demo"
rm -rf "$work"; mkdir -p "$work"
export PULUMI_BACKEND_URL="file://$work/state" PULUMI_HOME="$work/pulumi-home" PULUMI_CONFIG_PASSPHRASE="demo"
export KOOPHONE_POLL_INTERVAL_MS=500
pulumi() { "$root/scripts/pulumi-offline" "$@"; }
step() { printf '\n\033[1;36m==> %s\033[0m\n' "$*"; }
note() { printf '\033[2m    %s\033[0m\n' "$*"; }

step "Start the KooPhone emulator (phones take 3 s to provision, like minutes in the cloud)"
url=$("$root/scripts/start-emulator.sh" "$work/emulator" "$work/emulator.pid" --provision-seconds 3 --release-seconds 1)
trap 'kill "$(cat "$work/emulator.pid")" 2>/dev/null || true' EXIT
note "emulator: $url   (demo tenant: domain demo, user demo)"
emu() { curl -fsS -H 'content-type: application/json' "$@"; }
count_phones() { emu "$url/_emulator/instances" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).instances.length))'; }

step "Install the provider into the example and configure a stack"
"$root/scripts/install-local-package.sh" "$project"
mkdir -p "$work/state"
cd "$project"
pulumi stack init dev >/dev/null
pulumi config set koophone:endpoint "$url"
pulumi config set koophone:iamEndpoint "$url"
pulumi config set koophone:region cn-north-4
pulumi config set koophone:domainName demo
pulumi config set koophone:userName demo
pulumi config set --secret koophone:password demo-password
# A JSON list of strings: with `--path 'users[0]'` the 19-digit ids would become (rounded) numbers.
pulumi config set users '["1008600000104285462","1008600000104285463","1008600000104285464"]'
note "password stored as a secret: $(grep -c 'secure:' Pulumi.dev.yaml) encrypted value(s) in Pulumi.dev.yaml"

step "pulumi up: buy 3 phones, assign a user to each, apply video settings"
pulumi up --yes
note "phones in the emulator: $(count_phones)"

step "The fleet, as the stack reports it"
pulumi stack output fleet --json

step "Out-of-band change: someone unassigns the user of phone-1 in the console"
phone1=$(pulumi stack output fleet --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[0].id))')
emu -X POST "$url/_emulator/instances/$phone1/mutate" -d '{"action":"unassign"}' >/dev/null
note "phone $phone1 is now unassigned in KooPhone, but the stack says it is assigned"

step "Drift detection: pulumi preview --refresh --expect-no-changes (fails because of the drift)"
if pulumi preview --refresh --expect-no-changes --diff; then
  echo "expected the preview to report drift" >&2; exit 1
fi
note "the preview exited non-zero: drift detected"

step "Repair: pulumi up --refresh assigns the user again"
pulumi up --refresh --yes
pulumi preview --expect-no-changes >/dev/null && note "a second preview reports no changes"

step "pulumi destroy: unsubscribe every phone"
pulumi destroy --yes
note "phones left in the emulator: $(count_phones)"
pulumi stack rm --yes dev >/dev/null
rm -rf "$project/node_modules"
step "Done"
