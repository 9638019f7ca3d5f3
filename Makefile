# The two commands a person needs: `make demo` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := test
NPM_STAMP := node_modules/.package-lock.json

.PHONY: test demo tools deps build typecheck unit e2e examples schema bench clean

test: deps tools build typecheck unit e2e examples

$(NPM_STAMP): package.json package-lock.json
	scripts/install-deps.sh

deps: $(NPM_STAMP)

# Builds the Pulumi CLI and our Node language host from Go modules into .tools/bin (idempotent).
tools:
	scripts/build-engine.sh

build: deps
	npm run build

typecheck: deps
	npm run typecheck

unit: deps
	npx jest --selectProjects unit

e2e: deps tools build
	npx jest --selectProjects e2e --runInBand --testTimeout=600000

examples: deps tools build
	scripts/test-examples.sh

schema: deps
	npx ts-node --transpile-only scripts/schema/generate.ts

demo: deps tools build
	scripts/demo.sh

bench: deps tools build
	scripts/bench.sh

clean:
	rm -rf dist .e2e-work
