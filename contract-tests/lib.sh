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

# Seconds since the epoch, for the per-tool timings.
now() { date +%s; }

# shellcheck source=scripts/lib/pinned-venv.sh
source "$REPO_DIR/scripts/lib/pinned-venv.sh"

# The pinned schemathesis (contract-tests/requirements.txt); prints the venv's path.
ensure_schemathesis() { pinned_venv schemathesis "$CONTRACT_DIR/requirements.txt"; }

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

# run_node_test LABEL TEST_FILE WHAT: runs a node:test file of contract-tests/ with its full
# output in reports/LABEL.log (printed when it fails) and prints a one-line summary, which
# names WHAT it was checked against. Fails unless at least one test ran and none failed.
run_node_test() {
  local label=$1 test_file=$2 what=$3 log started status=0 elapsed passed failed
  ensure_node_modules
  mkdir -p "$REPORTS_DIR"
  log="$REPORTS_DIR/${label// /-}.log"
  started=$(now)
  (cd "$CONTRACT_DIR" && node --test --test-reporter=spec "$test_file") >"$log" 2>&1 || status=$?
  elapsed=$(($(now) - started))
  passed=$(grep -Eo '^ℹ pass [0-9]+' "$log" | grep -Eo '[0-9]+' | tail -n 1 || true)
  failed=$(grep -Eo '^ℹ fail [0-9]+' "$log" | grep -Eo '[0-9]+' | tail -n 1 || true)
  if [ "$status" -ne 0 ] || [ "${failed:-1}" -ne 0 ] || [ "${passed:-0}" -eq 0 ]; then
    cat "$log"
    printf '%-13s FAIL  %s passed, %s failed (%s s; full output: %s)\n' "$label:" "${passed:-0}" "${failed:-?}" "$elapsed" "$log"
    return 1
  fi
  printf '%-13s PASS  %s passed, 0 failed %s, %s s\n' "$label:" "$passed" "$what" "$elapsed"
}
