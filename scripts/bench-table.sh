#!/usr/bin/env bash
# `make bench`: one run of scripts/bench.sh per shape and fleet size, printed side by side (figures, not a test).
# Usage: scripts/bench-table.sh [provision-seconds=10] [parallel=64] [sizes="200 1000 10000"]
#   (a) one InstanceGroup, on the dynamic provider and on the native plugin, (b) N Instances, (c) the naive
#   hand-written provider (bench/naive-provider.js), both at --parallel, and (d) the physical limit (raw create calls
#   of <= 1,500 phones, polled, no engine).
# N Instances and the naive provider are skipped above BENCH_PER_PHONE_MAX phones (default 200): on a 2-core machine
# each takes over 10 minutes at 1,000 phones (16+ waves of 64 creates, and the engine checkpoints the whole state,
# megabytes at that size, after every step), which would put `make bench` far past 15 minutes. The 10,000-phone group
# (issue 20's row) takes about 4 minutes for up, preview, refresh and destroy; its raw limit orders in calls of <= 1,500.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
provision=${1:-10}; parallel=${2:-64}; sizes=${3:-200 1000 10000}
per_phone_max=${BENCH_PER_PHONE_MAX:-200}
out="$root/.e2e-work/bench-table"
rm -rf "$out"; mkdir -p "$out"
echo "make bench: $(date -u '+%Y-%m-%d %H:%M UTC'), L = $provision s, --parallel $parallel, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $sizes; do
  for shape in group group-native instances naive raw; do
    if [[ $shape == instances || $shape == naive ]] && ((n > per_phone_max)); then
      echo "{\"shape\":\"$shape\",\"phones\":$n,\"skipped\":\"over BENCH_PER_PHONE_MAX=$per_phone_max: 10+ min each on 2 cores\"}" >"$out/$n-$shape.json"
      continue
    fi
    p=$parallel; [[ $shape == group* || $shape == raw ]] && p=""
    echo "running: scripts/bench.sh $n $provision \"$p\" $shape" >&2
    BENCH_RESULT="$out/$n-$shape.json" "$root/scripts/bench.sh" "$n" "$provision" "$p" "$shape" >"$out/$n-$shape.log" 2>&1 ||
      echo "{\"shape\":\"$shape\",\"phones\":$n,\"skipped\":\"failed: see $out/$n-$shape.log\"}" >"$out/$n-$shape.json"
  done
done
node - "$out" "$parallel" <<'JS'
const fs = require('fs');
const [dir, parallel] = process.argv.slice(2);
const rows = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(fs.readFileSync(`${dir}/${f}`, 'utf8')));
const order = ['group', 'group-native', 'instances', 'naive', 'raw'];
rows.sort((a, b) => a.phones - b.phones || order.indexOf(a.shape) - order.indexOf(b.shape));
const label = {
  group: 'one InstanceGroup',
  'group-native': 'one InstanceGroup, native plugin',
  instances: `N Instances, --parallel ${parallel}`,
  naive: `naive provider, --parallel ${parallel}`,
  raw: 'physical limit (raw create, no engine)',
};
const ops = (c) => (c ? Object.entries(c.ops).filter(([k]) => k !== 'iam-tokens').map(([k, n]) => `${k} ${n}`).join(', ') : '');
console.log('\n| N | shape | `up` | create calls | API calls in `up` | `preview` | `refresh` calls | `destroy` calls | state per phone |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  if (r.skipped) {
    console.log(`| ${r.phones} | ${label[r.shape]} | skipped: ${r.skipped} | | | | | | |`);
    continue;
  }
  const left = r.phonesLeft === undefined ? '' : `, ${r.phonesLeft} left`;
  const del = r.destroyCalls ? `${r.destroyCalls.total} (delete ${r.destroyCalls.ops.delete ?? 0}${left})` : '–';
  console.log(
    `| ${r.phones} | ${label[r.shape]} | ${(r.up / r.L).toFixed(2)} × L (${r.up.toFixed(1)} s) | ${r.upCalls.ops.create ?? 0} | ` +
      `${r.upCalls.total} | ${r.preview === undefined ? '–' : `${r.preview.toFixed(1)} s`} | ` +
      `${r.refreshCalls ? r.refreshCalls.total : '–'} | ${del} | ` +
      `${r.stateBytes === undefined ? '–' : `${Math.round(r.stateBytes / r.phones)} B`} |`,
  );
}
console.log('\nCalls per operation (iam-tokens left out):');
for (const r of rows.filter((x) => !x.skipped)) {
  console.log(`  ${r.phones} ${r.shape}: up: ${ops(r.upCalls)}` + (r.refreshCalls ? ` | refresh: ${ops(r.refreshCalls)} | destroy: ${ops(r.destroyCalls)}` : ''));
}
JS
