#!/usr/bin/env bash
# `make run`: starts the Patient Service on 127.0.0.1:${PORT:-8080}, its metrics on
# ${METRICS_PORT:-9090}; traces are exported when OTEL_EXPORTER_OTLP_ENDPOINT is set.
#
# Without DATABASE_URL it creates (first time) and starts a project-local PostgreSQL cluster
# under .local/postgres; without API_KEYS it generates a development API key, kept in
# .local/dev-api-key (git-ignored). Migrations are applied before the server starts.
set -euo pipefail
cd "$(dirname "$0")/.."

LOCAL=.local
mkdir -p "$LOCAL"

if [ -z "${DATABASE_URL:-}" ]; then
  admin_url=$(scripts/local-postgres.sh start "$LOCAL/postgres" "${LOCAL_PG_PORT:-55432}")
  db_name=patient_service
  base=${admin_url%/postgres}
  pg_bin=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1 || true)
  psql=${pg_bin:+$pg_bin/}psql
  command -v "$psql" >/dev/null 2>&1 || psql=psql
  if [ "$("$psql" "$admin_url" -tAc "SELECT 1 FROM pg_database WHERE datname = '$db_name'")" != 1 ]; then
    "$psql" "$admin_url" -qc "CREATE DATABASE $db_name" >/dev/null
  fi
  export DATABASE_URL="$base/$db_name"
  echo "Database: project-local PostgreSQL cluster in $LOCAL/postgres (stop it with 'make db-stop')"
else
  echo "Database: DATABASE_URL from the environment"
fi

dev_key=""
if [ -z "${API_KEYS:-}" ]; then
  if [ ! -s "$LOCAL/dev-api-key" ]; then
    (umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$LOCAL/dev-api-key")
  fi
  dev_key=$(cat "$LOCAL/dev-api-key")
  hash=$(printf '%s' "$dev_key" | sha256sum | cut -d' ' -f1)
  export API_KEYS="[{\"name\":\"local-developer\",\"sha256\":\"$hash\",\"scopes\":[\"patient:read\",\"patient:write\",\"audit:read\"]}]"
fi

export HOST=${HOST:-127.0.0.1}
export PORT=${PORT:-8080}
export METRICS_PORT=${METRICS_PORT:-9090}

cargo build --quiet -p migration -p patient-server
target/debug/migration up >/dev/null
echo "Migrations: applied"

base_url="http://$HOST:$PORT"
echo
echo "Patient Service: $base_url  (Ctrl-C to stop)"
echo "Metrics (Prometheus): http://$HOST:$METRICS_PORT/metrics"
if [ -n "${OTEL_EXPORTER_OTLP_ENDPOINT:-}${OTEL_EXPORTER_OTLP_TRACES_ENDPOINT:-}" ]; then
  echo "Traces: exported over OTLP/HTTP to ${OTEL_EXPORTER_OTLP_TRACES_ENDPOINT:-$OTEL_EXPORTER_OTLP_ENDPOINT}"
fi
if [ -n "$dev_key" ]; then
  echo "Development API key (scopes patient:read, patient:write, audit:read): $dev_key"
  echo "Try:"
  echo "  curl $base_url/readyz"
  echo "  curl -H 'X-API-Key: $dev_key' $base_url/api/v1/patients"
  echo "  curl -H 'X-API-Key: $dev_key' -H 'Content-Type: application/json' \\"
  echo "       -d '{\"given_name\":\"Maria\",\"family_name\":\"Rivera\",\"date_of_birth\":\"1984-03-15\",\"sex_at_birth\":\"female\",\"gender_identity\":\"woman\"}' \\"
  echo "       $base_url/api/v1/patients"
else
  echo "API keys: API_KEYS from the environment"
fi
echo
exec target/debug/patient-server
