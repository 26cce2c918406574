# The Patient Service. `make run` starts it; `make test` runs every check CI runs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

HAND_WRITTEN_CRATES := -p patient-server -p migration

.PHONY: help run up down logs seed image test prerequisites fmt fmt-check clippy static-checks generate check-generated sdk sdk-smoke test-rust contract-test compose-test pitr-drill deploy-scripts-test infra-test bench bench-brief fault-test infra-apply db-stop db-destroy clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

run: ## Start the service on 127.0.0.1:8080 (local PostgreSQL and a dev API key unless configured)
	@scripts/prerequisites.sh run
	@scripts/run.sh

up: ## Start the local stack (docker-compose.yml) on 127.0.0.1:8080 and print a dev API key
	@scripts/prerequisites.sh up
	@scripts/containers/compose.sh up

down: ## Stop the local stack; its database volume stays (compose.sh down --volumes deletes it)
	@scripts/containers/compose.sh down

logs: ## Follow the local stack's logs
	@scripts/containers/compose.sh logs

seed: ## Load synthetic patients through the API (SEED_COUNT, SEED, BASE_URL, API_KEY)
	@scripts/seed/seed.py

image: ## Build the service image patient-service:local from the Dockerfile
	@scripts/containers/build-image.sh

test: prerequisites fmt-check clippy static-checks check-generated test-rust contract-test bench-brief fault-test compose-test pitr-drill deploy-scripts-test infra-test infra-apply ## Everything CI checks
	@echo "make test: all checks passed"
	@echo "rust: $$(cat target/test-summary.txt)"

prerequisites: ## Check (and as root, install) what make test needs, before the long steps
	@scripts/prerequisites.sh test

fmt: ## Format the hand-written crates
	cargo fmt $(HAND_WRITTEN_CRATES)

fmt-check:
	cargo fmt --check $(HAND_WRITTEN_CRATES)

clippy:
	cargo clippy --locked $(HAND_WRITTEN_CRATES) --all-targets -- -D warnings

static-checks: ## hadolint, compose and workflow schemas, zizmor, shellcheck (offline)
	scripts/static-checks.sh

generate: ## Regenerate generated/ from openapi/openapi.yaml
	scripts/generate.sh

check-generated: ## Fail when generated/ differs from what the spec produces
	scripts/check-generated.sh

sdk: ## Generate the TypeScript and Python client SDKs into .tools/sdk
	contract-tests/sdk/generate-sdks.sh

sdk-smoke: ## Run the SDK smoke programs against a running service (needs BASE_URL and API_KEY)
	contract-tests/sdk/run-smoke.sh

test-rust: ## Unit and black-box API tests (real HTTP -> server -> PostgreSQL)
	scripts/with-test-database.sh scripts/cargo-test.sh --locked --workspace --no-fail-fast

contract-test: ## The running server against the spec: schemathesis, dredd, spectral (contract-tests/)
	scripts/with-test-database.sh contract-tests/run.sh

bench: ## Load test at 50 rps then the stress tier, p95 asserted (BASE_URL+API_KEY, else a local release build)
	bench/run.sh full

bench-brief: ## The load test's brief run (10 s at 50 rps) against a local debug build: no failures, rate reached, p95 reported
	bench/run.sh brief

fault-test: ## kill -9, PostgreSQL restart, pool exhaustion, two instances, SIGTERM, against real processes
	bench/faults/run.sh

compose-test: ## Dockerfile and docker-compose.yml for real: the acceptance criterion end to end
	scripts/containers/compose-test.sh

pitr-drill: ## Point-in-time restore drill: base backup + WAL archive, restore to a timestamp
	scripts/pitr-drill.sh

deploy-scripts-test: ## The deploy pipeline's scripts against stand-ins for the AWS CLI
	scripts/deploy/test.sh

infra-test: ## Terraform fmt/validate/test and checkov, offline
	infra/scripts/check.sh

infra-apply: ## dev applied, re-planned (no changes) and destroyed against an AWS emulator (moto), offline
	infra/scripts/apply-test.sh

db-stop: ## Stop the project-local PostgreSQL cluster of `make run`
	scripts/local-postgres.sh stop .local/postgres

db-destroy: ## Delete the project-local PostgreSQL cluster and its data
	scripts/local-postgres.sh destroy .local/postgres

clean:
	cargo clean
