#!/usr/bin/env bash
# `make bench`: figures for the resource layer through the real engine and the emulator (not a test: it prints).
#   - wall time of `pulumi up` for N phones, as a ratio of the emulator's provisioning latency
#   - wall time and API calls of `pulumi preview` with nothing to change, and the stack's state in bytes per phone
#   - KooPhone API calls made by `pulumi refresh` of the fleet, from the emulator's request counters
#   - KooPhone API calls made by `pulumi destroy`, and each phase's calls per operation
# Usage: scripts/bench.sh [phones=20] [provision-seconds=5] [parallel] [shape=instances]
#   parallel: the engine's --parallel for up, refresh and destroy (default: Pulumi's own, 4 x cores). Creates wait
#   for provisioning, so the engine's parallelism, not the API, decides how many phones provision at once.
#   shape: `instances` (one Instance per phone), `group` (one InstanceGroup of all phones), `group-native` (the same
#   group on the native plugin, built from dist/ and named in Pulumi.yaml's plugins.providers), `naive` (one resource per
#   phone through bench/naive-provider.js, a hand-written provider), or `raw`: the physical limit, one create call of
#   all phones polled until they run, no engine (bench/raw-order.js).
# BENCH_RESULT=<file>: also writes the figures there as one JSON object (scripts/bench-table.sh reads it).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
phones=${1:-20}; provision=${2:-5}; parallel=${3:-}; shape=${4:-instances}
work="$root/.e2e-work/bench-$shape"
rm -rf "$work"; mkdir -p "$work/state"
export PULUMI_BACKEND_URL="file://$work/state" PULUMI_HOME="$work/pulumi-home" PULUMI_CONFIG_PASSPHRASE="bench"
export KOOPHONE_POLL_INTERVAL_MS=1000
pulumi() { "$root/scripts/pulumi-offline" "$@"; }
url=$("$root/scripts/start-emulator.sh" "$work/emulator" "$work/emulator.pid" --provision-seconds "$provision" --release-seconds 1)
trap 'kill "$(cat "$work/emulator.pid")" 2>/dev/null || true' EXIT
counters() { curl -fsS "$url/_emulator/counters"; }
# "<total> <operation>=<calls> ..." (operations with calls only); resets the counters for the next phase.
total_calls() {
  counters | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const c=Object.entries(JSON.parse(s).counters).filter(([,n])=>n>0);console.log(c.reduce((a,[,n])=>a+n,0)+" "+c.map(([k,n])=>k+"="+n).join(" "))})'
  curl -fsS -X DELETE "$url/_emulator/counters" >/dev/null
}
calls_of() { node -e 'const [t,...ops]=process.argv[1].split(" ");const o=Object.fromEntries(ops.map(x=>x.split("=")).map(([k,n])=>[k,+n]));console.log(JSON.stringify({total:+t,ops:o}))' "$1"; }
result() { [ -z "${BENCH_RESULT:-}" ] || echo "$1" >"$BENCH_RESULT"; }

if [ "$shape" = raw ]; then
  curl -fsS -X DELETE "$url/_emulator/counters" >/dev/null
  wall=$(node "$root/bench/raw-order.js" "$url" "$phones" "$KOOPHONE_POLL_INTERVAL_MS")
  echo "phones                          : $phones in raw create calls of <= 1,500, back to back (no engine)"
  echo "emulator provisioning latency   : $provision s"
  echo "create to all running           : $wall s = $(node -e "console.log(($wall/$provision).toFixed(2))")x the provisioning latency"
  calls=$(total_calls)
  echo "API calls (incl. cleanup)       : $calls"
  result "{\"shape\":\"raw\",\"phones\":$phones,\"L\":$provision,\"up\":$wall,\"upCalls\":$(calls_of "$calls")}"
  exit 0
fi

project="$work/program"
if [ "$shape" = naive ]; then
  cp -R "$root/bench/naive-program" "$project"
  "$root/scripts/install-local-package.sh" "$project"
  # Under node_modules, so Pulumi stores the provider as a require() of it (as it does ours), not a copy of its code.
  mkdir -p "$project/node_modules/koophone-naive"
  cp "$root/bench/naive-provider.js" "$project/node_modules/koophone-naive/index.js"
  cp "$root/bench/demo-client.js" "$project/node_modules/koophone-naive/demo-client.js"
else
  cp -R "$root/bench/koophone-program" "$project"
  "$root/scripts/install-local-package.sh" "$project"
fi
if [ "$shape" = group-native ]; then
  mkdir -p "$work/plugin"
  printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$root/.tools/node/bin/node" "$root/dist/provider/cmd/pulumi-resource-koophone/index.js" \
    >"$work/plugin/pulumi-resource-koophone"
  chmod +x "$work/plugin/pulumi-resource-koophone"
  printf '\nplugins:\n  providers:\n    - name: koophone\n      path: %s\n' "$work/plugin" >>"$project/Pulumi.yaml"
fi
cd "$project"
pulumi stack init bench >/dev/null
if [ "$shape" = naive ]; then
  pulumi config set endpoint "$url"
  pulumi config set phones "$phones"
fi
for kv in "endpoint $url" "iamEndpoint $url" "region cn-north-4" "domainName demo" "userName demo"; do pulumi config set koophone:${kv% *} "${kv#* }"; done
pulumi config set --secret koophone:password demo-password
if [ "$shape" = naive ]; then :
elif [ "$shape" = group ] || [ "$shape" = group-native ]; then
  pulumi config set groupSize "$phones"
  [ "$shape" = group ] || pulumi config set flavour native
else
  pulumi config set phones "$phones"
fi

curl -fsS -X DELETE "$url/_emulator/counters" >/dev/null
start=$(date +%s.%N)
pulumi up --yes --skip-preview ${parallel:+--parallel "$parallel"} >/dev/null
end=$(date +%s.%N)
up_calls=$(total_calls)
# As stored (compact JSON), not as `stack export` pretty-prints it.
# Kept in the work dir to see what the state holds per phone.
pulumi stack export --file "$work/stack-export.json"
state_bytes=$(node -e 'console.log(JSON.stringify(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"))).length)' "$work/stack-export.json")
# How spread out the orders were: all phones ordered at once means up waits for one provisioning, not N.
order_spread=$(curl -fsS "$url/_emulator/instances" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const t=JSON.parse(s).instances.map(i=>i.createdAt);console.log(((Math.max(...t)-Math.min(...t))/1000).toFixed(1))})')
pstart=$(date +%s.%N)
pulumi preview ${parallel:+--parallel "$parallel"} >/dev/null
pend=$(date +%s.%N)
preview_calls=$(total_calls)
rstart=$(date +%s.%N)
pulumi refresh --yes --skip-preview ${parallel:+--parallel "$parallel"} >/dev/null
rend=$(date +%s.%N)
refresh_calls=$(total_calls)
parallel_label=${parallel:-"default (4 x cores = $(( $(nproc) * 4 )))"}
node -e "
const up=$end-$start, refresh=$rend-$rstart, preview=$pend-$pstart;
console.log('phones                          : $phones as $shape');
console.log('engine parallelism              : $parallel_label');
console.log('emulator provisioning latency   : $provision s');
console.log('pulumi up wall time             : '+up.toFixed(1)+' s = '+(up/$provision).toFixed(2)+'x the provisioning latency');
console.log('orders placed within            : $order_spread s of each other');
console.log('API calls during up             : $up_calls');
console.log('stack state                     : $state_bytes bytes'+($phones>0?' = '+Math.round($state_bytes/$phones)+' bytes per phone':''));
console.log('pulumi preview wall time        : '+preview.toFixed(1)+' s (nothing to change)');
console.log('API calls during preview        : $preview_calls');
console.log('pulumi refresh wall time        : '+refresh.toFixed(1)+' s');
console.log('API calls during refresh        : $refresh_calls');
"
[ -n "${BENCH_KEEP:-}" ] && { echo "emulator kept: $url"; sleep "$BENCH_KEEP"; }
total_calls >/dev/null
dstart=$(date +%s.%N)
pulumi destroy --yes --skip-preview ${parallel:+--parallel "$parallel"} >/dev/null
dend=$(date +%s.%N)
destroy_calls=$(total_calls)
echo "pulumi destroy wall time        : $(node -e "console.log(($dend-$dstart).toFixed(1))") s"
echo "API calls during destroy        : $destroy_calls"
# Unsubscribed phones leave the emulator after --release-seconds: give them that long, then count what is left.
left=$(for _ in 1 2 3 4 5; do n=$(curl -fsS "$url/_emulator/instances" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).instances.length))'); [ "$n" = 0 ] && break; sleep 1; done; echo "$n")
echo "phones left after destroy       : $left"
result "{\"shape\":\"$shape\",\"phones\":$phones,\"L\":$provision,\"parallel\":\"${parallel:-default}\",\"up\":$(node -e "console.log($end-$start)"),\"upCalls\":$(calls_of "$up_calls"),\"preview\":$(node -e "console.log($pend-$pstart)"),\"previewCalls\":$(calls_of "$preview_calls"),\"refresh\":$(node -e "console.log($rend-$rstart)"),\"refreshCalls\":$(calls_of "$refresh_calls"),\"destroy\":$(node -e "console.log($dend-$dstart)"),\"destroyCalls\":$(calls_of "$destroy_calls"),\"phonesLeft\":$left,\"stateBytes\":$state_bytes}"
