#!/usr/bin/env bash
# The main-branch job: make KooPhone match the program. --refresh first reads what really exists, so phones
# or assignments changed outside Pulumi are repaired rather than assumed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pulumi=${PULUMI:-pulumi}
"$here/configure.sh"
cd "$here/.."
"$pulumi" up --yes --refresh --diff
