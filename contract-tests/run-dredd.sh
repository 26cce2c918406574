#!/usr/bin/env bash
# Runs dredd (contract-tests/dredd-hooks.js) against a running Patient Service: one patient's
# lifecycle through every documented 2xx response.
#
#   BASE_URL=http://127.0.0.1:8080 API_KEY=... contract-tests/run-dredd.sh
#
# The key needs the scopes patient:read, patient:write and audit:read. With BEARER_TOKEN set
# (a token with those scopes) the same transactions authenticate with it instead. The full
# output goes to contract-tests/reports/dredd.log (dredd-bearer.log) (printed when the run
# fails); the last line printed is a one-line summary.
set -euo pipefail
# shellcheck source=contract-tests/lib.sh
source "$(dirname "$0")/lib.sh"
require_env BASE_URL API_KEY
ensure_node_modules
mkdir -p "$REPORTS_DIR"
run_name="dredd${BEARER_TOKEN:+-bearer}"
label="dredd${BEARER_TOKEN:+ bearer}:"
log="$REPORTS_DIR/$run_name.log"
started=$(now)

status=0
(
  cd "$CONTRACT_DIR"
  # dredd 14's OpenAPI 3 parser warns about every keyword it does not know (most of them);
  # --loglevel=warning would print those, so only errors and results are logged.
  API_KEY="$API_KEY" BEARER_TOKEN="${BEARER_TOKEN:-}" node_modules/.bin/dredd "$REPO_DIR/openapi/openapi.yaml" "$BASE_URL" \
    --hookfiles=dredd-hooks.js --language=nodejs --loglevel=error --reporter=xunit \
    --output "$REPORTS_DIR/$run_name-junit.xml" --no-color
) >"$log" 2>&1 || status=$?
elapsed=$(( $(now) - started ))

result=$(grep -Eo '[0-9]+ passing, [0-9]+ failing, [0-9]+ errors, [0-9]+ skipped' "$log" | tail -n 1 || true)
passing=$(grep -Eo '[0-9]+ passing' <<<"$result" | cut -d' ' -f1 || true)
failing=$(grep -Eo '[0-9]+ failing' <<<"$result" | cut -d' ' -f1 || true)
errors=$(grep -Eo '[0-9]+ errors' <<<"$result" | cut -d' ' -f1 || true)
if [ "$status" -ne 0 ] || [ -z "$result" ] || [ "${failing:-1}" -ne 0 ] || [ "${errors:-1}" -ne 0 ] || [ "${passing:-0}" -eq 0 ]; then
  cat "$log"
  printf '%-13s FAIL  %s\n' "$label" "${result:-no result} (${elapsed} s; full output: $log)"
  exit 1
fi
printf '%-13s PASS  %s\n' "$label" "$result (non-2xx are left to schemathesis), ${elapsed} s"
