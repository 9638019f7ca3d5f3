#!/usr/bin/env bash
# `make bench`: figures for the resource layer through the real engine and the emulator (not a test: it prints).
#   - wall time of `pulumi up` for N phones, as a ratio of the emulator's provisioning latency
#   - KooPhone API calls made by `pulumi refresh` of the fleet, from the emulator's request counters
# Usage: scripts/bench.sh [phones=20] [provision-seconds=5] [parallel] [shape=instances]
#   parallel: the engine's --parallel (default: Pulumi's own, 4 x cores). Creates wait for provisioning, so the
#   engine's parallelism, not the API, decides how many phones provision at once.
#   shape: `instances` (one Instance per phone), `group` (one InstanceGroup of all phones), or `raw`: the physical
#   limit, one create call of all phones polled until they run, no engine (bench/raw-order.js).
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
total_calls() { counters | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const c=JSON.parse(s).counters;console.log(Object.values(c).reduce((a,b)=>a+b,0)+" "+JSON.stringify(c))})'; }

if [ "$shape" = raw ]; then
  curl -fsS -X DELETE "$url/_emulator/counters" >/dev/null
  wall=$(node "$root/bench/raw-order.js" "$url" "$phones" "$KOOPHONE_POLL_INTERVAL_MS")
  echo "phones                          : $phones in one raw create call (no engine)"
  echo "emulator provisioning latency   : $provision s"
  echo "create to all running           : $wall s = $(node -e "console.log(($wall/$provision).toFixed(2))")x the provisioning latency"
  echo "API calls (incl. cleanup)       : $(total_calls)"
  exit 0
fi

project="$work/program"
cp -R "$root/test/e2e/fixtures/koophone-program" "$project"
"$root/scripts/install-local-package.sh" "$project"
cd "$project"
pulumi stack init bench >/dev/null
for kv in "endpoint $url" "iamEndpoint $url" "region cn-north-4" "domainName demo" "userName demo"; do pulumi config set koophone:${kv% *} "${kv#* }"; done
pulumi config set --secret koophone:password demo-password
if [ "$shape" = group ]; then
  pulumi config set groups "[{\"name\":\"fleet\",\"size\":$phones}]"
else
  pulumi config set phones "$(node -e "console.log(JSON.stringify(Array.from({length:$phones},(_, i)=>({name:'p'+i}))))")"
fi

curl -fsS -X DELETE "$url/_emulator/counters" >/dev/null
start=$(date +%s.%N)
pulumi up --yes --skip-preview ${parallel:+--parallel "$parallel"} >/dev/null
end=$(date +%s.%N)
up_calls=$(total_calls)
# As stored (compact JSON), not as `stack export` pretty-prints it.
state_bytes=$(pulumi stack export | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.stringify(JSON.parse(s)).length))')
# How spread out the orders were: all phones ordered at once means up waits for one provisioning, not N.
order_spread=$(curl -fsS "$url/_emulator/instances" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const t=JSON.parse(s).instances.map(i=>i.createdAt);console.log(((Math.max(...t)-Math.min(...t))/1000).toFixed(1))})')
curl -fsS -X DELETE "$url/_emulator/counters" >/dev/null
rstart=$(date +%s.%N)
pulumi refresh --yes --skip-preview >/dev/null
rend=$(date +%s.%N)
refresh_calls=$(total_calls)
parallel_label=${parallel:-"default (4 x cores = $(( $(nproc) * 4 )))"}
node -e "
const up=$end-$start, refresh=$rend-$rstart;
console.log('phones                          : $phones as $shape');
console.log('engine parallelism              : $parallel_label');
console.log('emulator provisioning latency   : $provision s');
console.log('pulumi up wall time             : '+up.toFixed(1)+' s = '+(up/$provision).toFixed(2)+'x the provisioning latency');
console.log('orders placed within            : $order_spread s of each other');
console.log('API calls during up             : $up_calls');
console.log('stack state                     : $state_bytes bytes'+($phones>0?' = '+Math.round($state_bytes/$phones)+' bytes per phone':''));
console.log('pulumi refresh wall time        : '+refresh.toFixed(1)+' s');
console.log('API calls during refresh        : $refresh_calls');
"
[ -n "${BENCH_KEEP:-}" ] && { echo "emulator kept: $url"; sleep "$BENCH_KEEP"; }
pulumi destroy --yes --skip-preview >/dev/null
