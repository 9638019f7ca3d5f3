# The two commands a person needs: `make demo` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := test
NPM_STAMP := node_modules/.package-lock.json
# Node 24 from .tools/node (scripts/install-node.sh) comes first on PATH for every recipe: the machine's Node 20 is
# past end of life and @pulumi/pulumi >= 3.249 needs Node >= 22. npm (the machine's) runs on it too.
NODE_STAMP := .tools/node/bin/node
export PATH := $(CURDIR)/.tools/node/bin:$(PATH)

.PHONY: test demo tools deps build typecheck unit package-test e2e examples schema bench lint go-check clean no-leftovers plugin \
	checks beside-e2e run-e2e run-typecheck run-lint run-unit run-package-test run-examples run-yaml-example

test: deps tools build checks no-leftovers

# Once the package is built, `make test` runs its checks in two lanes: the e2e suite (jest, two files at a time) in
# one; typecheck, lint, unit, package-test, go-check, sdk-check, the TypeScript examples and the YAML example one
# after another in the other. A pulumi run mostly waits (engine start-up, the emulator's clock), so the e2e suite
# alone keeps only ~1.6 of the 2 cores busy; the second lane uses the rest. -O prints each step's output whole when
# the step ends. Each check also runs alone: `make lint`, `make e2e`, ...
checks: deps tools build yaml-host
	@$(MAKE) --no-print-directory -j2 -O UNIT_WORKERS=1 run-e2e beside-e2e

beside-e2e: run-typecheck run-lint run-unit run-package-test go-check sdk-check run-examples run-yaml-example

# Every process a `make test` starts carries this id in its environment, so that the last step can prove that none
# is left running (scripts/check-no-leftovers.sh). Set once: the sub-make of `checks` keeps the caller's id.
ifndef KOOPHONE_TEST_RUN
KOOPHONE_TEST_RUN := $(shell date +%s%N)
endif
export KOOPHONE_TEST_RUN
no-leftovers:
	scripts/check-no-leftovers.sh

$(NODE_STAMP): scripts/install-node.sh
	scripts/install-node.sh

$(NPM_STAMP): package.json package-lock.json policy/package.json policy/package-lock.json $(NODE_STAMP)
	scripts/install-deps.sh

deps: $(NPM_STAMP)

# Builds the Pulumi CLI and our Node language host from Go modules into .tools/bin (idempotent).
# `npm test` is `make NO_ENGINE_BUILD=1 test`: everything `make test` runs, but the engine is only checked for.
ifdef NO_ENGINE_BUILD
tools: $(NODE_STAMP) yaml-host
	@test -x .tools/bin/pulumi -a -x .tools/bin/pulumi-language-nodejs || { \
	  echo 'npm test does not build the Pulumi engine: run `make tools` once (or use `make test`).' >&2; exit 1; }
else
tools: $(NODE_STAMP) yaml-host
	scripts/build-engine.sh
endif

build: deps
	npm run build

typecheck: deps
	@$(MAKE) --no-print-directory run-typecheck
run-typecheck:
	npm run typecheck

UNIT_WORKERS ?= 2
unit: deps
	@$(MAKE) --no-print-directory run-unit
run-unit:
	npx jest --selectProjects unit --maxWorkers=$(UNIT_WORKERS)

# npm-packs the package and requires every export from the unpacked tarball (needs dist).
package-test: build
	@$(MAKE) --no-print-directory run-package-test
run-package-test:
	node scripts/package-test.js

# No import circles (madge, ~6 s, first as the quickest), ESLint (type-aware) and Prettier's check: the codebase is
# formatted (`npm run format` fixes it). madge reads every .ts/.js/.mjs file below the root (node_modules, dist,
# .tools, .e2e-work left out), so a new folder is covered without a list to keep; type-only imports count too: two
# modules that need each other's types are still a circle to break.
lint: deps
	@$(MAKE) --no-print-directory run-lint
run-lint:
	npm run lint:cycles
	npm run lint
	npm run format:check

# The Go module of our Pulumi engine: vet and unit tests, offline as build-engine.sh builds.
GO_ENV := GOTOOLCHAIN=local GOWORK=off GOFLAGS=-modcacherw GONOSUMDB=github.com/pulumi/pulumi
go-check:
	cd tools/pulumi-engine && $(GO_ENV) go vet ./... && $(GO_ENV) go test ./...

e2e: deps tools build
	@$(MAKE) --no-print-directory run-e2e
# Two e2e files at a time: each has its own emulator, project dir, PULUMI_HOME and backend.
run-e2e:
	npx jest --selectProjects e2e --maxWorkers=2 --testTimeout=600000

examples: deps tools build
	@$(MAKE) --no-print-directory run-examples
run-examples:
	scripts/test-examples.sh

# The native provider plugin's tarball, pulumi-resource-koophone-v<version>-linux-amd64.tar.gz (docs/native-provider.md):
# `pulumi plugin install resource koophone <version> --file <tarball>` installs it.
plugin: build
	scripts/build-plugin.sh

schema: deps
	npx ts-node --transpile-only scripts/schema/generate.ts

demo: deps tools build
	scripts/demo.sh

bench: deps tools build
	scripts/bench-table.sh

clean:
	rm -rf dist .e2e-work pulumi-resource-koophone-v*-linux-amd64.tar.gz

# Issue 18, items 6 and 8 (YAML programs; SDKs for other languages).
.PHONY: yaml-host yaml-example sdks sdk-check
# Pulumi's YAML language host (pulumi-yaml v1.25.0, its own module tools/yaml-host) into .tools/bin (idempotent);
# like the engine, only checked for under NO_ENGINE_BUILD (npm test).
ifdef NO_ENGINE_BUILD
yaml-host:
	@test -x .tools/bin/pulumi-language-yaml || { \
	  echo 'npm test does not build the YAML language host: run `make yaml-host` once.' >&2; exit 1; }
else
yaml-host:
	scripts/build-yaml-host.sh
endif

# examples/yaml-fleet through the YAML host and the native plugin (its tarball, built first as make plugin does) on
# the emulator.
yaml-example: deps tools yaml-host build
	@$(MAKE) --no-print-directory run-yaml-example
run-yaml-example:
	scripts/build-plugin.sh
	scripts/test-yaml-example.sh

# Python, Go and .NET SDKs from schema.json with Pulumi's code generators into generated-sdks/ (committed).
sdks:
	scripts/generate-sdks.sh

# generated-sdks/ matches schema.json; the Go SDK and examples/go-fleet vet; the Python ones byte-compile.
sdk-check:
	scripts/check-sdks.sh
