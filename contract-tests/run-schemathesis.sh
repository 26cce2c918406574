#!/usr/bin/env bash
# Runs schemathesis (contract-tests/schemathesis.toml) against a running Patient Service.
#
#   BASE_URL=http://127.0.0.1:8080 API_KEY=... contract-tests/run-schemathesis.sh [EXTRA ARGS...]
#
# The key needs the scopes patient:read, patient:write and audit:read. Extra arguments go to
# `schemathesis run` (e.g. --include-operation-id createPatient).
#
#   SCHEMATHESIS_SEED       seed (default 1, so runs are reproducible); `random` picks one
#   SCHEMATHESIS_MIN_CASES  fail when fewer test cases were generated (default 5000)
#
# The full output goes to contract-tests/reports/schemathesis.log (printed when the run fails);
# the last line printed is a one-line summary.
set -euo pipefail
# shellcheck source=contract-tests/lib.sh
source "$(dirname "$0")/lib.sh"
require_env BASE_URL API_KEY

seed=${SCHEMATHESIS_SEED:-1}
if [ "$seed" = random ]; then
  seed=$(( (RANDOM << 15) | RANDOM ))
fi
min_cases=${SCHEMATHESIS_MIN_CASES:-5000}

venv=$(ensure_schemathesis)
mkdir -p "$REPORTS_DIR"
log="$REPORTS_DIR/schemathesis.log"
started=$(now)

status=0
# Run from contract-tests/ so the config's relative paths (hooks) resolve.
(
  cd "$CONTRACT_DIR"
  API_KEY="$API_KEY" "$venv/bin/schemathesis" --config-file schemathesis.toml --no-color \
    run "$REPO_DIR/openapi/openapi.yaml" --url "$BASE_URL" --seed "$seed" \
    --report junit --report-junit-path "$REPORTS_DIR/schemathesis-junit.xml" "$@"
) >"$log" 2>&1 || status=$?
elapsed=$(( $(now) - started ))

cases=$(grep -Eo '[0-9]+ generated' "$log" | tail -n 1 | cut -d' ' -f1 || true)
failures=$(grep -Eo '[0-9]+ (unique )?failures?' "$log" | tail -n 1 | cut -d' ' -f1 || true)
summary="${cases:-?} cases, ${failures:-0} failures, seed $seed, ${elapsed} s"

if [ "$status" -ne 0 ] || [ -z "$cases" ]; then
  cat "$log"
  echo "schemathesis: FAIL  $summary (full output: $log; reproduce with SCHEMATHESIS_SEED=$seed)"
  exit 1
fi
if [ "$cases" -lt "$min_cases" ]; then
  cat "$log"
  echo "schemathesis: FAIL  only $cases test cases were generated, at least $min_cases are required ($summary)"
  exit 1
fi
echo "schemathesis: PASS  $summary"
