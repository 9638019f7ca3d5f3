# shellcheck shell=bash
# The Go environment and flags of the offline engine's builds, sourced by scripts/build-engine.sh,
# scripts/build-yaml-host.sh and scripts/generate-sdks.sh so that every binary is built alike (and the packages one
# build compiled come from the build cache for the next).
# GOTOOLCHAIN=local: never fetch another Go toolchain. GOWORK=off: ignore any go.work above us.
# CGO_ENABLED=0 + osusergo: pure-Go static binaries, as upstream releases are built.
# GONOSUMDB: sum.golang.org has no entry for pkg/v3 v3.277.0; the committed go.sum files pin the hashes.
# -modcacherw keeps the module cache deletable; -buildvcs=false because the stamp would make the
# host depend on the state of this git checkout (and fails in checkouts owned by another user).
export GOTOOLCHAIN=local GOWORK=off CGO_ENABLED=0 GONOSUMDB=github.com/pulumi/pulumi
export GOFLAGS='-modcacherw -buildvcs=false'
# The build flags these scripts pass to `go build` before their own -ldflags.
# shellcheck disable=SC2034 # used by the scripts that source this file
readonly go_static_flags=(-trimpath -tags osusergo,grpcnotrace)
