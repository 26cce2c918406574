# shellcheck shell=bash disable=SC2034  # its variables are used by the scripts that source it
# Shared by generate-sdks.sh and run-smoke.sh (sourced, not run). Everything it installs goes
# under the git-ignored .tools/, so a fresh clone installs it once and later runs reuse it.
# Callers set `set -euo pipefail` and cd to the repository root before sourcing.

SDK_DIR=contract-tests/sdk
SDK_OUT=.tools/sdk
TS_SMOKE_DIR=$SDK_DIR/typescript

# The SDKs must come from the very generator that builds generated/, so read its pin from
# scripts/generate.sh instead of repeating it here, where it could drift.
GENERATOR_VERSION=$(sed -n 's/^GENERATOR_VERSION=//p' scripts/generate.sh)
[ -n "$GENERATOR_VERSION" ] || { echo "could not read GENERATOR_VERSION from scripts/generate.sh" >&2; exit 1; }
GENERATOR_VENV=.tools/openapi-generator-$GENERATOR_VERSION

sha256_of() { cat "$@" | sha256sum | cut -c1-16; }

# Same install as scripts/generate.sh, same venv: whichever script runs first installs it.
ensure_generator() {
  if [ ! -x "$GENERATOR_VENV/bin/openapi-generator-cli" ]; then
    echo "Installing openapi-generator-cli==$GENERATOR_VERSION into $GENERATOR_VENV (once per machine)" >&2
    python3 -m venv "$GENERATOR_VENV"
    "$GENERATOR_VENV/bin/pip" install --quiet --disable-pip-version-check "openapi-generator-cli==$GENERATOR_VERSION"
  fi
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

# A venv per (requirements, Python version): a changed pin gets a new venv instead of being
# layered on an old one, and an interrupted install is never mistaken for a finished one.
ensure_python_venv() {
  local key
  key=$(python3 --version | sha256_of "$SDK_DIR/python/requirements.txt" -)
  PY_VENV=.tools/sdk-venv/$key
  if [ ! -f "$PY_VENV/.complete" ]; then
    echo "Creating the Python venv $PY_VENV from $SDK_DIR/python/requirements.txt" >&2
    rm -rf "$PY_VENV"
    python3 -m venv "$PY_VENV"
    "$PY_VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$SDK_DIR/python/requirements.txt"
    touch "$PY_VENV/.complete"
    # Venvs for older pins are dead weight now.
    find .tools/sdk-venv -mindepth 1 -maxdepth 1 -type d ! -name "$key" -exec rm -rf {} +
  fi
}
