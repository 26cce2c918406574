#!/usr/bin/env bash
# RUST_CMD of the shared benchmark harness (../shared/bench, see its README): runs the built
# release binary in the foreground with the harness's PORT, DATABASE_URL and API_KEY.
#
# Parity with the harness's FastAPI peer: no per-request access log (LOG_LEVEL=warn), a pool
# of 32 connections (the harness's concurrency; DB_POOL can change it), no tracing export.
# The metrics listener takes PORT+1 so two runs on one machine do not collide on 9090.
set -euo pipefail
: "${PORT:?}" "${DATABASE_URL:?}" "${API_KEY:?}"
cd "$(dirname "$0")/.."
bin=${PATIENT_SERVER_BIN:-target/release/patient-server}
[ -x "$bin" ] || { echo "harness-start: $bin not built (cargo build --release -p patient-server -p migration)" >&2; exit 1; }
hash=$(printf '%s' "$API_KEY" | sha256sum | cut -d' ' -f1)
export API_KEYS="[{\"name\":\"bench\",\"sha256\":\"$hash\",\"scopes\":[\"patient:read\",\"patient:write\",\"audit:read\"]}]"
export HOST=127.0.0.1 METRICS_PORT=$((PORT + 1))
export DB_MAX_CONNECTIONS=${DB_POOL:-32}
# The harness sends everything with one key; the per-key rate limit (50 rps by default) would
# cap it, and the peer has none.
export RATE_LIMIT_RPS=${RATE_LIMIT_RPS:-100000} RATE_LIMIT_BURST=${RATE_LIMIT_BURST:-100000}
export LOG_LEVEL=${LOG_LEVEL:-warn} LOG_FORMAT=json
unset OTEL_EXPORTER_OTLP_ENDPOINT OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
exec "$bin"
