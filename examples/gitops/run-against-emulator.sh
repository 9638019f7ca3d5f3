#!/usr/bin/env bash
# Runs the CI jobs' own scripts against a local KooPhone emulator, with the engine built in this repository.
#
#   examples/gitops/run-against-emulator.sh [STEP...]    STEP: preview | deploy | drift | destroy
#                                                        (default: preview deploy)
#
# preview = the pull-request job (ci/preview.sh), deploy = the main-branch job (ci/deploy.sh), drift = the
# scheduled job (ci/drift.sh: exits 0 no drift, 1 drift, 2 failure); destroy is local clean-up only. Environment: KOOPHONE_EMULATOR_URL uses a running emulator (otherwise one is started and stopped
# here), GITOPS_WORK_DIR holds the stack state (default .e2e-work/gitops; kept between runs so steps can be split).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${GITOPS_WORK_DIR:-$root/.e2e-work/gitops}
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(preview deploy)

# shellcheck source=../emulator-env.sh
source "$here/../emulator-env.sh"
export KOOPHONE_ENDPOINT="$url" KOOPHONE_IAM_ENDPOINT="$url" KOOPHONE_REGION=cn-north-4
export KOOPHONE_DOMAIN_NAME=demo KOOPHONE_USER_NAME=demo KOOPHONE_PASSWORD=demo-password

# Stands in for the workflow's `npm ci`: the provider comes from this repository's build.
"$root/scripts/install-local-package.sh" "$here"

for step in "${steps[@]}"; do
  echo "==> $step"
  case "$step" in
    preview) "$here/ci/preview.sh" ;;
    deploy) "$here/ci/deploy.sh" ;;
    drift) "$here/ci/drift.sh" ;;
    destroy)
      "$here/ci/configure.sh"
      (cd "$here" && "$PULUMI" destroy --yes && "$PULUMI" stack rm --yes "$PULUMI_STACK")
      ;;
    *) echo "unknown step: $step (preview | deploy | drift | destroy)" >&2; exit 2 ;;
  esac
done
