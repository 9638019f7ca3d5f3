#!/usr/bin/env bash
# Shared by both CI jobs (and run-against-emulator.sh): select or create the stack, then copy the KooPhone
# credentials from the CI secret store (exported as environment variables) into `koophone:` stack config.
# Credentials go in with --secret, so the stack file only ever holds them encrypted; nothing here echoes them.
#
# Environment:
#   PULUMI                 the pulumi executable (default: pulumi on PATH)
#   PULUMI_STACK           stack name (default: production)
#   KOOPHONE_REGION        project (region) name, e.g. cn-north-4
#   KOOPHONE_DOMAIN_NAME, KOOPHONE_USER_NAME, KOOPHONE_PASSWORD     password authentication, or
#   KOOPHONE_ACCESS_KEY, KOOPHONE_SECRET_KEY                        AK/SK signing
#   KOOPHONE_ENDPOINT, KOOPHONE_IAM_ENDPOINT                        optional API/IAM base URLs
set -euo pipefail
cd "$(dirname "$0")/.."
pulumi=${PULUMI:-pulumi}

"$pulumi" stack select --create "${PULUMI_STACK:-production}"

plain() { if [ -n "${2:-}" ]; then "$pulumi" config set "koophone:$1" "$2"; fi; }
secret() { if [ -n "${2:-}" ]; then "$pulumi" config set --secret "koophone:$1" "$2"; fi; }

plain region "${KOOPHONE_REGION:-}"
plain endpoint "${KOOPHONE_ENDPOINT:-}"
plain iamEndpoint "${KOOPHONE_IAM_ENDPOINT:-}"
plain domainName "${KOOPHONE_DOMAIN_NAME:-}"
plain userName "${KOOPHONE_USER_NAME:-}"
secret password "${KOOPHONE_PASSWORD:-}"
secret accessKey "${KOOPHONE_ACCESS_KEY:-}"
secret secretKey "${KOOPHONE_SECRET_KEY:-}"

if [ -z "${KOOPHONE_PASSWORD:-}" ] && [ -z "${KOOPHONE_ACCESS_KEY:-}" ]; then
  echo "configure: neither KOOPHONE_PASSWORD nor KOOPHONE_ACCESS_KEY is set; add them to the CI secret store" >&2
  exit 1
fi
