# shellcheck shell=bash disable=SC2034  # its variables are used by the scripts that source it
# Shared by generate-sdks.sh and run-smoke.sh (sourced, not run). Everything it installs goes
# under the git-ignored .tools/, so a fresh clone installs it once and later runs reuse it.
# Callers set `set -euo pipefail` and cd to the repository root before sourcing.

SDK_DIR=contract-tests/sdk
SDK_OUT=.tools/sdk
TS_SMOKE_DIR=$SDK_DIR/typescript

# shellcheck source=scripts/lib/pinned-venv.sh
source scripts/lib/pinned-venv.sh
# The SDKs must come from the very generator that builds generated/: its one pin.
GENERATOR_PINS=openapi/generator-requirements.txt
GENERATOR_VERSION=$(sed -n 's/^openapi-generator-cli==//p' "$GENERATOR_PINS")
[ -n "$GENERATOR_VERSION" ] || { echo "could not read the openapi-generator-cli pin from $GENERATOR_PINS" >&2; exit 1; }

sha256_of() { cat "$@" | sha256sum | cut -c1-16; }

# Same venv as scripts/generate.sh: whichever script runs first installs it.
ensure_generator() {
  GENERATOR_VENV=$(pinned_venv openapi-generator "$GENERATOR_PINS")
  command -v java >/dev/null || { echo "openapi-generator needs Java 17 (java not found on PATH)" >&2; exit 1; }
}

# `npm ci` from the committed lock file, skipped while node_modules already matches it: npm ci
# always wipes node_modules, which would cost seconds on every warm run for nothing.
ensure_node_deps() {
  command -v npm >/dev/null || { echo "the TypeScript SDK needs Node.js 20+ and npm (npm not found on PATH)" >&2; exit 1; }
  local stamp_file=$TS_SMOKE_DIR/node_modules/.sdk-lock-sha256
  local want
  want=$(node --version | sha256_of "$TS_SMOKE_DIR/package-lock.json" -)
  if [ "$(cat "$stamp_file" 2>/dev/null)" != "$want" ]; then
    echo "Installing the TypeScript toolchain from $TS_SMOKE_DIR/package-lock.json (npm ci)" >&2
    (cd "$TS_SMOKE_DIR" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error >/dev/null)
    echo "$want" >"$stamp_file"
  fi
  TSC=$PWD/$TS_SMOKE_DIR/node_modules/.bin/tsc
}

# The smoke program's venv stays in this clone's .tools/: the generated client of this
# clone's spec is installed into it.
ensure_python_venv() {
  PY_VENV=$(PATIENT_SERVICE_TOOLS=$PWD/.tools pinned_venv sdk-python "$SDK_DIR/python/requirements.txt")
}
