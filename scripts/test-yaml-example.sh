#!/usr/bin/env bash
# `make yaml-example`: runs examples/yaml-fleet (Pulumi YAML) through the official YAML language host
# (.tools/bin/pulumi-language-yaml, scripts/build-yaml-host.sh) and the native provider plugin against a fresh
# emulator: up; preview --expect-no-changes; size 3 -> 5 previewed as an in-place update of the group (the
# assignments' preview: see the note at that step), then applied with no replacement and the users on the same
# phones; destroy.
#
# The plugin: KOOPHONE_PLUGIN_DIR (a directory holding an executable pulumi-resource-koophone, used by path), else
# the newest pulumi-resource-koophone-v*-linux-amd64.tar.gz in the repository root (make plugin; installed with `pulumi plugin install
# resource koophone <version> --file`, as a user does). Needs dist/ (npm run build) and .tools/bin (make tools).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/.e2e-work/yaml-fleet"
rm -rf "$work"
mkdir -p "$work"

step() { printf '\n\033[1;36m==> %s\033[0m\n' "$*"; }
fail() { echo "test-yaml-example: FAILED: $*" >&2; exit 1; }

[ -x "$root/.tools/bin/pulumi-language-yaml" ] || fail ".tools/bin/pulumi-language-yaml is missing: run scripts/build-yaml-host.sh (make yaml-host)"

# The example is copied so that the test can point it at the plugin under test without editing examples/.
cp -R "$root/examples/yaml-fleet" "$work/project"
if [ -n "${KOOPHONE_PLUGIN_DIR:-}" ]; then
  [ -x "$KOOPHONE_PLUGIN_DIR/pulumi-resource-koophone" ] || fail "no executable pulumi-resource-koophone in KOOPHONE_PLUGIN_DIR=$KOOPHONE_PLUGIN_DIR"
  printf '\nplugins:\n  providers:\n    - name: koophone\n      path: %s\n' "$KOOPHONE_PLUGIN_DIR" >>"$work/project/Pulumi.yaml"
  plugin_tarball=
else
  plugin_tarball=$(find "$root" -maxdepth 1 -name 'pulumi-resource-koophone-v*-linux-amd64.tar.gz' 2>/dev/null | sort -V | tail -n 1)
  [ -n "$plugin_tarball" ] || fail "no native provider plugin: build it (make plugin) or set KOOPHONE_PLUGIN_DIR"
fi

emulator_flags=(--provision-seconds 2 --release-seconds 1)
# shellcheck source=../examples/emulator-env.sh
source "$root/examples/emulator-env.sh"
export KOOPHONE_ENDPOINT="$url" KOOPHONE_IAM_ENDPOINT="$url" HW_REGION_NAME=cn-north-4
export HW_DOMAIN_NAME=demo HW_USER_NAME=demo HW_USER_PASSWORD=demo-password
echo "emulator: $url"

emulator_json() { curl -fsS "$url/_emulator/$1"; }
phones() { emulator_json instances | node -e "let s='';process.stdin.on('data',(d)=>(s+=d)).on('end',()=>{const l=JSON.parse(s).instances;console.log($1)})"; }
creates() { emulator_json counters | node -e "let s='';process.stdin.on('data',(d)=>(s+=d)).on('end',()=>console.log(JSON.parse(s).counters.create ?? 0))"; }
pulumi() { (cd "$work/project" && "$PULUMI" "$@"); }
# Every engine output goes to one log; a failing step shows its tail.
run() { pulumi "$@" >>"$work/pulumi.log" 2>&1 || { tail -n 40 "$work/pulumi.log" >&2; fail "pulumi $* (log: $work/pulumi.log)"; }; }

if [ -n "$plugin_tarball" ]; then
  version=$(basename "$plugin_tarball" | sed -n 's/^pulumi-resource-koophone-v\(.*\)-linux-amd64\.tar\.gz$/\1/p')
  step "Install the plugin $(basename "$plugin_tarball") into an empty PULUMI_HOME"
  run plugin install resource koophone "$version" --file "$plugin_tarball"
fi

step "up: a group of 3 phones, a user on each, the app and the video settings"
run stack init "$PULUMI_STACK"
run config set --secret apkUrl "https://apps.obs.cn-north-4.myhuaweicloud.com/fieldapp-1.0.0.apk?Signature=emulator-signature"
run up --yes --skip-preview
[ "$(phones 'l.length')" = 3 ] || fail "expected 3 phones after up, found $(phones 'l.length')"
[ "$(phones 'l.filter((p)=>p.assignUser).length')" = 3 ] || fail "not every phone is assigned after up"
[ "$(phones "l.filter((p)=>p.apps.some((a)=>a.objectName==='com.example.fieldapp')).length")" = 3 ] || fail "the app is not on every phone"
if grep -rqF emulator-signature "$work/state" "$work/pulumi.log"; then fail "apkUrl is in clear in the state or the output"; fi
echo "ok  3 phones, 3 users, the app on each; apkUrl stays secret"
assigned_before=$(phones "l.filter((p)=>p.assignUser).map((p)=>p.instanceId+'='+p.assignUser).sort().join(' ')")

step "preview --expect-no-changes on the same program"
run preview --expect-no-changes
echo "ok  no changes"

step "size 3 -> 5: the preview replaces nothing but (see below) the assignments, and the group is updated in place"
run config set size 5
pulumi preview --json >"$work/preview.json" 2>>"$work/pulumi.log" || { tail -n 40 "$work/pulumi.log" >&2; fail "pulumi preview --json"; }
# The plugin previews the group's instanceIds as [3 known ids, 2 unknowns]. The engine (pkg/v3 v3.277.0,
# source_eval.go) strips every output that contains an unknown from a RegisterResource answer unless the program's
# SDK declares SupportsPartialValues (@pulumi/pulumi 3.276 does); pulumi-yaml v1.25.0, the newest the Go proxy
# serves, is built on the Go SDK v3.206.0, which does not, and it does not compile against v3.277.0 (tried: the
# plugin package moved). So `${phones.instanceIds[0]}` is unknown in a YAML preview and the assignments (instanceId
# forces a replacement) show as `replace`, although the up replaces none (checked below).
# KOOPHONE_YAML_STRICT_PREVIEW=1 demands the truthful preview (0 replace steps).
node - "$work/preview.json" "${KOOPHONE_YAML_STRICT_PREVIEW:-0}" <<'JS' || fail "the size change preview (see $work/preview.json)"
const [file, strict] = process.argv.slice(2);
const steps = JSON.parse(require('fs').readFileSync(file, 'utf8')).steps ?? [];
const byName = Object.fromEntries(steps.map((s) => [s.urn.split('::').pop(), s]));
console.log(steps.map((s) => `${s.op.padEnd(8)} ${s.urn.split('::').slice(-2).join(' ')}`).join('\n'));
if (byName.phones?.op !== 'update') throw new Error(`the group's step is ${byName.phones?.op}, not update`);
const users = ['user-1', 'user-2', 'user-3'];
const replaced = steps.filter((s) => /replace/.test(s.op));
const known = replaced.every(
  (s) => users.includes(s.urn.split('::').pop()) && JSON.stringify(s.replaceReasons) === '["instanceId"]',
);
if (replaced.length === 0) {
  // preview --json may leave out same steps.
  for (const u of users) if ((byName[u]?.op ?? 'same') !== 'same') throw new Error(`${u}'s step is ${byName[u].op}`);
  console.log('0 replace steps');
} else if (strict !== '1' && known) {
  console.log(`KNOWN LIMITATION: ${replaced.length} assignment(s) previewed as replace (instanceId unknown to pulumi-yaml v1.25.0)`);
} else {
  throw new Error(`${replaced.length} replace step(s)`);
}
JS
echo "ok  the group is updated in place; nothing but the assignments' known limitation is previewed as a replacement"

step "up with size 5, as previewed: 2 more phones, the same users on the same phones"
bought=$(creates)
run up --yes --skip-preview
[ "$(phones 'l.length')" = 5 ] || fail "expected 5 phones after growing, found $(phones 'l.length')"
assigned_after=$(phones "l.filter((p)=>p.assignUser).map((p)=>p.instanceId+'='+p.assignUser).sort().join(' ')")
[ "$assigned_after" = "$assigned_before" ] || fail "the assignments moved: $assigned_before -> $assigned_after"
# The engine's record of that update: no resource was replaced (whatever the preview showed).
pulumi stack history --json 2>>"$work/pulumi.log" | node -e "let s='';process.stdin.on('data',(d)=>(s+=d)).on('end',()=>{const c=JSON.parse(s)[0].resourceChanges??{};console.log('changes:',JSON.stringify(c));if(c.replace)process.exit(1)})" ||
  fail "the size change up replaced resources"
[ "$(phones "l.filter((p)=>p.apps.some((a)=>a.objectName==='com.example.fieldapp')).length")" = 5 ] || fail "the new phones did not get the app"
echo "ok  5 phones ($(($(creates) - bought)) create call(s)), the users kept their phones, the app on all 5"
run preview --expect-no-changes

step "destroy"
run destroy --yes --skip-preview
[ "$(phones 'l.length')" = 0 ] || fail "expected 0 phones after destroy, found $(phones 'l.length')"
run stack rm --yes "$PULUMI_STACK"
echo "ok  0 phones"

step "YAML example passed"
