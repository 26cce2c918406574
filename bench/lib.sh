# shellcheck shell=bash
# Helpers shared by the bench scripts (sourced, not run).
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck disable=SC2034 # used by the scripts that source this file
REPO_DIR=$(dirname "$BENCH_DIR")

pg_bin=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1 || true)
PSQL=${pg_bin:+$pg_bin/}psql
command -v "$PSQL" >/dev/null 2>&1 || PSQL=psql

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# shellcheck source=scripts/lib/pinned-venv.sh
source "$REPO_DIR/scripts/lib/pinned-venv.sh"

# The pinned Locust (bench/load/requirements.txt); prints the venv's path.
ensure_locust() { pinned_venv locust "$BENCH_DIR/load/requirements.txt"; }

# Starts BIN on a fresh, migrated database of the server at DATABASE_URL (an admin URL),
# on free ports with a random API key; exports BASE_URL and API_KEY; `stop_local_service`
# (installed as an EXIT trap by the caller) stops it and drops the database.
start_local_service() { # start_local_service BIN MIGRATE_BIN LOG
  local bin=$1 migrate=$2 log=$3 query="" base port key_hash
  LOCAL_DB="bench_$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  LOCAL_ADMIN_URL=$DATABASE_URL
  case "$LOCAL_ADMIN_URL" in *\?*) query="?${LOCAL_ADMIN_URL#*\?}" ;; esac
  base=${LOCAL_ADMIN_URL%%\?*}
  local db_url="${base%/*}/$LOCAL_DB$query"
  "$PSQL" "$LOCAL_ADMIN_URL" -qc "CREATE DATABASE $LOCAL_DB" >/dev/null
  DATABASE_URL="$db_url" "$migrate" up >/dev/null
  API_KEY=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
  key_hash=$(printf '%s' "$API_KEY" | sha256sum | cut -d' ' -f1)
  port=$(free_port)
  BASE_URL="http://127.0.0.1:$port"
  # One key sends the whole load: the per-key rate limit (50 rps by default) would measure
  # the limiter, not the service.
  DATABASE_URL="$db_url" HOST=127.0.0.1 PORT="$port" METRICS_PORT=0 LOG_LEVEL=warn \
    DB_MAX_CONNECTIONS="${DB_MAX_CONNECTIONS:-16}" RATE_LIMIT_RPS=100000 RATE_LIMIT_BURST=100000 \
    API_KEYS="[{\"name\":\"bench\",\"sha256\":\"$key_hash\",\"scopes\":[\"patient:read\",\"patient:write\"]}]" \
    "$bin" >"$log" 2>&1 &
  LOCAL_PID=$!
  export BASE_URL API_KEY
  for _ in $(seq 1 300); do
    kill -0 "$LOCAL_PID" 2>/dev/null || break
    if curl -fsS -o /dev/null "$BASE_URL/readyz" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  cat "$log" >&2
  echo "the server did not become ready on $BASE_URL" >&2
  return 1
}

stop_local_service() {
  if [ -n "${LOCAL_PID:-}" ] && kill -0 "$LOCAL_PID" 2>/dev/null; then
    kill -TERM "$LOCAL_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$LOCAL_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$LOCAL_PID" 2>/dev/null || true
    wait "$LOCAL_PID" 2>/dev/null || true
  fi
  if [ -n "${LOCAL_DB:-}" ]; then
    "$PSQL" "$LOCAL_ADMIN_URL" -qc "DROP DATABASE IF EXISTS $LOCAL_DB WITH (FORCE)" >/dev/null 2>&1 || true
  fi
}
