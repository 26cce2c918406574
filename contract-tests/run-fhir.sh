#!/usr/bin/env bash
# Validates the FHIR view of patients created through a running Patient Service against HL7's
# official FHIR R4 JSON schema, offline (contract-tests/fhir-r4.test.mjs).
#
#   BASE_URL=http://127.0.0.1:8080 API_KEY=... contract-tests/run-fhir.sh
#
# The key needs patient:read and patient:write. The full output goes to
# contract-tests/reports/fhir.log (printed when the run fails); the last line printed is a
# one-line summary.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require_env BASE_URL API_KEY
ensure_node_modules
mkdir -p "$REPORTS_DIR"
log="$REPORTS_DIR/fhir.log"
started=$(now)

status=0
(
  cd "$CONTRACT_DIR"
  BASE_URL="$BASE_URL" API_KEY="$API_KEY" node --test --test-reporter=spec fhir-r4.test.mjs
) >"$log" 2>&1 || status=$?
elapsed=$(( $(now) - started ))

passed=$(grep -Eo '^ℹ pass [0-9]+' "$log" | grep -Eo '[0-9]+' | tail -n 1 || true)
failed=$(grep -Eo '^ℹ fail [0-9]+' "$log" | grep -Eo '[0-9]+' | tail -n 1 || true)
if [ "$status" -ne 0 ] || [ "${failed:-1}" -ne 0 ] || [ "${passed:-0}" -eq 0 ]; then
  cat "$log"
  echo "fhir r4:      FAIL  ${passed:-0} passed, ${failed:-?} failed (${elapsed} s; full output: $log)"
  exit 1
fi
echo "fhir r4:      PASS  ${passed} passed, 0 failed against HL7's R4 JSON schema, ${elapsed} s"
