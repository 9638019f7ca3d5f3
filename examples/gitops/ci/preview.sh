#!/usr/bin/env bash
# The pull-request job: show what merging would change. Changes nothing in KooPhone.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pulumi=${PULUMI:-pulumi}
"$here/configure.sh"
cd "$here/.."
"$pulumi" preview --diff
