#!/usr/bin/env bash
# Starts the built emulator in the background on a free loopback port and prints its URL.
# Usage: start-emulator.sh <data-dir> <pid-file> [extra koophone-emulator flags...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data_dir=${1:?data dir}; pid_file=${2:?pid file}; shift 2
mkdir -p "$data_dir"
log="$data_dir/emulator.log"
node "$root/dist/emulator/cli.js" --port 0 --host 127.0.0.1 --data-dir "$data_dir" "$@" >"$log" 2>&1 &
echo $! >"$pid_file"
for _ in $(seq 1 100); do
  url=$(sed -n 's/^KooPhone emulator listening on \(http:\/\/[^ ]*\).*/\1/p' "$log" | head -n 1)
  if [ -n "$url" ]; then echo "$url"; exit 0; fi
  kill -0 "$(cat "$pid_file")" 2>/dev/null || { echo "emulator exited:" >&2; cat "$log" >&2; exit 1; }
  sleep 0.1
done
echo "emulator did not start within 10 s:" >&2; cat "$log" >&2; exit 1
