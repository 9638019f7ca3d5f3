#!/usr/bin/env bash
# The last step of `make test`: no process that the run started may still be running (a language host, a
# dynamic-provider or plugin process, an emulator, a program). `make test` exports KOOPHONE_TEST_RUN=<id>; every
# process it starts inherits it (the e2e harness passes the environment on), so the processes to look for are those
# whose environment holds that id. Waits up to 15 s (a host whose engine has gone exits within 10 s), then fails
# listing what is left and kills it, so one failed run does not leak into the next.
set -euo pipefail

marker="KOOPHONE_TEST_RUN=${KOOPHONE_TEST_RUN:?make test sets KOOPHONE_TEST_RUN}"

# True for this script and its own subshells and grep (which carry the marker too), or a process that is gone.
descends_from_self() {
  local p=$1 _
  [[ -e /proc/$p ]] || return 0
  for _ in 1 2 3 4; do
    [[ $p == "$$" ]] && return 0
    p=$(awk '{print $4}' "/proc/$p/stat" 2>/dev/null) || return 1
    [[ -z $p || $p == 0 || $p == 1 ]] && return 1
  done
  return 1
}

leftovers() {
  local file pid
  # grep -z reads the NUL-separated environ entries as lines; -x matches a whole entry.
  for file in $(grep -lzxF "$marker" /proc/[0-9]*/environ 2>/dev/null); do
    pid=${file#/proc/}
    pid=${pid%/environ}
    [[ $pid == "$PPID" ]] && continue
    descends_from_self "$pid" || echo "$pid"
  done
}

for _ in $(seq 1 15); do
  left=$(leftovers)
  if [[ -z "$left" ]]; then
    echo "check-no-leftovers: no process of this run is left"
    exit 0
  fi
  sleep 1
done
echo "check-no-leftovers: processes started by this run are still running after 15 s:" >&2
for pid in $left; do
  echo "  $pid: $({ tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | cut -c1-200)" >&2
  kill -9 "$pid" 2>/dev/null || true
done
exit 1
