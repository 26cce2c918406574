#!/usr/bin/env bash
# `make bench` (full) and `make bench-brief` (in `make test`): the open-loop load test at the
# spec's 50 rps with its p95 thresholds, then (full only) the stress tier.
#
#   bench/run.sh brief|full
#
# With BASE_URL and API_KEY set, it loads that deployment. Without them it starts the
# service itself on a fresh database of DATABASE_URL's server (an admin URL; without one, a
# throwaway cluster from scripts/with-test-database.sh): the debug build for `brief`, the
# release build for `full`, so its numbers mean something. On the debug build the p95s are
# reported, not asserted (ASSERT_LATENCY=0): an unoptimized binary on a shared CI machine says
# nothing about latency, and speed is judged by benchmarks, not by `make test`. Against `make run`:
#   BASE_URL=http://127.0.0.1:8080 API_KEY=$(cat .local/dev-api-key) make bench
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
cd "$REPO_DIR"
mode=${1:-full}
case "$mode" in
  brief) tiers=(brief) profile=debug build_flags=() ;;
  full) tiers=(baseline stress) profile=release build_flags=(--release) ;;
  *) echo "usage: $0 brief|full" >&2; exit 2 ;;
esac

if [ -z "${BASE_URL:-}" ] && [ -z "${DATABASE_URL:-}" ]; then
  exec scripts/with-test-database.sh "$0" "$@"
fi
if [ -z "${BASE_URL:-}" ]; then
  echo "== building the server ($profile)" >&2
  cargo build --locked --quiet "${build_flags[@]}" -p patient-server -p migration
  mkdir -p bench/load/reports
  trap stop_local_service EXIT
  trap 'exit 130' INT TERM
  start_local_service "target/$profile/patient-server" "target/$profile/migration" bench/load/reports/server.log
  [ "$profile" = release ] || export ASSERT_LATENCY=${ASSERT_LATENCY:-0}
fi
status=0
for tier in "${tiers[@]}"; do
  bench/load/run.sh "$tier" || status=1
done
exit "$status"
