# shellcheck shell=bash
# Helpers shared by the contract-test scripts (sourced, not run).
#
# Tool locations:
#   CONTRACT_TOOLS_DIR  where the schemathesis venv lives; default
#                       ${XDG_CACHE_HOME:-$HOME/.cache}/patient-service-contract-tests, outside
#                       the work tree, so every clone on the machine reuses it.

CONTRACT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck disable=SC2034 # used by the scripts that source this file
REPO_DIR=$(dirname "$CONTRACT_DIR")
# shellcheck disable=SC2034
REPORTS_DIR="$CONTRACT_DIR/reports"
SCHEMATHESIS_VERSION=4.32.5

# Seconds since the epoch, for the per-tool timings.
now() { date +%s; }

# Installs the pinned schemathesis (contract-tests/requirements.txt) once per machine into a
# venv named by its version and the pins' hash, and prints the venv's path.
ensure_schemathesis() {
  local pins_hash tools venv
  pins_hash=$(sha256sum "$CONTRACT_DIR/requirements.txt" | cut -c1-12)
  tools=${CONTRACT_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/patient-service-contract-tests}
  venv="$tools/schemathesis-$SCHEMATHESIS_VERSION-$pins_hash"
  if [ ! -f "$venv/.installed" ]; then
    echo "Installing schemathesis $SCHEMATHESIS_VERSION into $venv (once per machine)" >&2
    rm -rf "$venv"
    mkdir -p "$tools"
    python3 -m venv "$venv" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check --no-input \
      -r "$CONTRACT_DIR/requirements.txt" >&2
    touch "$venv/.installed"
  fi
  echo "$venv"
}

# `npm ci` from the committed lock, skipped while node_modules was installed from the same lock.
ensure_node_modules() {
  local stamp="$CONTRACT_DIR/node_modules/.installed-from-lock" lock_hash
  lock_hash=$(sha256sum "$CONTRACT_DIR/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_hash" ]; then
    echo "Installing the npm tools with 'npm ci' (dredd, spectral, ajv)" >&2
    (cd "$CONTRACT_DIR" && npm ci --no-audit --no-fund --loglevel=error >&2)
    echo "$lock_hash" >"$stamp"
  fi
}

# Fails with a message unless the named variables are set.
require_env() {
  local name missing=0
  for name in "$@"; do
    if [ -z "${!name:-}" ]; then
      echo "$name is not set" >&2
      missing=1
    fi
  done
  return "$missing"
}
