#!/usr/bin/env bash
# Lints openapi/openapi.yaml with spectral and the ruleset contract-tests/.spectral.yaml.
# Fails on any error or warning. Needs no server.
#
#   contract-tests/run-lint.sh
set -euo pipefail
# shellcheck source=contract-tests/lib.sh
source "$(dirname "$0")/lib.sh"
ensure_node_modules
mkdir -p "$REPORTS_DIR"
log="$REPORTS_DIR/spectral.log"
started=$(now)

status=0
(
  cd "$CONTRACT_DIR"
  node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity=warn \
    "$REPO_DIR/openapi/openapi.yaml"
) >"$log" 2>&1 || status=$?
elapsed=$(( $(now) - started ))

problems=$(grep -Eo '[0-9]+ problems? \([0-9]+ errors?, [0-9]+ warnings?' "$log" | tail -n 1 || true)
if [ "$status" -ne 0 ]; then
  cat "$log"
  echo "spectral:     FAIL  ${problems:-see above} (${elapsed} s)"
  exit 1
fi
echo "spectral:     PASS  0 errors, 0 warnings (spectral:oas + 5 project rules), ${elapsed} s"
