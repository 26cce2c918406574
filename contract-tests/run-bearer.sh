#!/usr/bin/env bash
# The bearer-token cases (contract-tests/bearer.test.mjs) against a running Patient Service that
# trusts the oauth2-mock-server issuer run.sh started.
#
#   BASE_URL=... OIDC_ISSUER=... OIDC_AUDIENCE=... contract-tests/run-bearer.sh
#
# The full output goes to contract-tests/reports/bearer.log (printed when the run fails); the
# last line printed is a one-line summary.
set -euo pipefail
# shellcheck source=contract-tests/lib.sh
source "$(dirname "$0")/lib.sh"
require_env BASE_URL OIDC_ISSUER OIDC_AUDIENCE
ensure_node_modules
mkdir -p "$REPORTS_DIR"
log="$REPORTS_DIR/bearer.log"
started=$(now)

status=0
(
  cd "$CONTRACT_DIR"
  node --test --test-reporter=spec bearer.test.mjs
) >"$log" 2>&1 || status=$?
elapsed=$(( $(now) - started ))

passed=$(grep -Eo '^ℹ pass [0-9]+' "$log" | grep -Eo '[0-9]+' | tail -n 1 || true)
failed=$(grep -Eo '^ℹ fail [0-9]+' "$log" | grep -Eo '[0-9]+' | tail -n 1 || true)
if [ "$status" -ne 0 ] || [ "${failed:-1}" -ne 0 ] || [ "${passed:-0}" -eq 0 ]; then
  cat "$log"
  echo "bearer:       FAIL  ${passed:-0} passed, ${failed:-?} failed (${elapsed} s; full output: $log)"
  exit 1
fi
echo "bearer:       PASS  ${passed} passed, 0 failed with tokens from oauth2-mock-server, ${elapsed} s"
