#!/usr/bin/env bash
# The main-branch job: make KooPhone match the program. The refresh first reads what really exists, so phones
# or assignments changed outside Pulumi are repaired rather than assumed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pulumi=${PULUMI:-pulumi}
"$here/configure.sh"
cd "$here/.."
# Every create waits for its phone to run; the engine's default parallelism (4 x cores) would provision a
# large fleet in waves.
parallel=${PULUMI_PARALLEL:-64}
# --clear-pending-creates: a deploy killed half way leaves its unfinished creates in the state, and every later up
# warns about them. Dropping them is safe: a phone the dead run ordered carries its stable name prefix, and the up
# below takes it over instead of buying another (docs/errors.md, "After a killed deploy").
"$pulumi" refresh --yes --skip-preview --clear-pending-creates --parallel "$parallel"
"$pulumi" up --yes --diff --parallel "$parallel"
