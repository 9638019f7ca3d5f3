# Sourced by examples/*/run-against-emulator.sh (with `root` and `work` set; extra emulator flags in emulator_flags):
# uses the emulator at KOOPHONE_EMULATOR_URL, or starts one in $work (stopped on exit), sets `url`, and points the
# engine built in this repository at a self-managed backend in $work. Credentials stay with each example's script.
mkdir -p "$work/state"
url=${KOOPHONE_EMULATOR_URL:-}
if [ -z "$url" ]; then
  url=$("$root/scripts/start-emulator.sh" "$work/emulator" "$work/emulator.pid" ${emulator_flags[@]+"${emulator_flags[@]}"})
  trap 'kill "$(cat "$work/emulator.pid")" 2>/dev/null || true' EXIT
fi
export PULUMI="$root/scripts/pulumi-offline"
export PULUMI_STACK=${PULUMI_STACK:-emulator}
export PULUMI_BACKEND_URL="file://$work/state"
export PULUMI_HOME="$work/pulumi-home"
export PULUMI_CONFIG_PASSPHRASE=${PULUMI_CONFIG_PASSPHRASE:-emulator-passphrase}
# The emulator provisions in seconds; poll it often.
export KOOPHONE_POLL_INTERVAL_MS=${KOOPHONE_POLL_INTERVAL_MS:-300}
