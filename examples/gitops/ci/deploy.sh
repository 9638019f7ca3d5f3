#!/usr/bin/env bash
# The main-branch job: make KooPhone match the program. --refresh first reads what really exists, so phones
# or assignments changed outside Pulumi are repaired rather than assumed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pulumi=${PULUMI:-pulumi}
"$here/configure.sh"
cd "$here/.."
# Every create waits for its phone to run; the engine's default parallelism (4 x cores) would provision a
# large fleet in waves.
"$pulumi" up --yes --refresh --diff --parallel "${PULUMI_PARALLEL:-64}"
