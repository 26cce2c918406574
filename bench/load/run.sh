#!/usr/bin/env bash
# Open-loop load test of a running Patient Service (Locust, bench/load/locustfile.py):
#
#   BASE_URL=https://… API_KEY=… bench/load/run.sh TIER
#
# TIER  rate (RATE)              duration (DURATION)   users (USERS)
# brief 50 rps, the spec's       10 s                  50
# baseline 50 rps                60 s                  100
# stress STRESS_RATE (250) rps   60 s                  500
#
# Exits non-zero when a threshold fails (p95 GET ≤ 50 ms, POST/PUT ≤ 200 ms, no failed
# request, ≥ 90 % of the rate reached; thresholds.py, its rules tested first by
# test_thresholds.py). ASSERT_LATENCY=0 reports the p95s without failing on them. The CSV
# stats go to bench/load/reports/.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/../lib.sh"
: "${BASE_URL:?set BASE_URL}" "${API_KEY:?set API_KEY}"
tier=${1:-baseline}
case "$tier" in
  brief) rate=${RATE:-50} duration=${DURATION:-10} users=${USERS:-50} ;;
  baseline) rate=${RATE:-50} duration=${DURATION:-60} users=${USERS:-100} ;;
  stress) rate=${RATE:-${STRESS_RATE:-250}} duration=${DURATION:-60} users=${USERS:-500} ;;
  *) echo "usage: $0 brief|baseline|stress" >&2; exit 2 ;;
esac
venv=$(ensure_locust)
(cd "$BENCH_DIR/load" && "$venv/bin/python" -m unittest --quiet test_thresholds 2>&1) ||
  { echo "the load test's threshold rules fail their own tests" >&2; exit 1; }
reports="$BENCH_DIR/load/reports"
mkdir -p "$reports"
echo "== load $tier: $rate rps for $duration s ($users users) against $BASE_URL" >&2
# Users start within the first second, so the whole run is at the target rate.
RATE=$rate USERS=$users "$venv/bin/locust" -f "$BENCH_DIR/load/locustfile.py" --headless --only-summary \
  --host "$BASE_URL" --users "$users" --spawn-rate "$users" --run-time "${duration}s" \
  --stop-timeout 10 --csv "$reports/$tier" --loglevel WARNING
