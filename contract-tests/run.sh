#!/usr/bin/env bash
# `make contract-test`: tests a freshly built Patient Service against openapi/openapi.yaml.
#
# Needs DATABASE_URL pointing at a PostgreSQL server whose role may create databases (`make`
# runs this through scripts/with-test-database.sh, which provides one). Steps:
#   1. spectral lint of the spec (no server needed)
#   2. build the server and the migration CLI, create a fresh database, migrate it, start a
#      real OIDC issuer (oauth2-mock-server, oidc-issuer.mjs) and the server on free ports,
#      with a random API key, that issuer trusted and rate limits high enough for the
#      suite's thousands of requests, wait for /readyz
#   3. schemathesis, dredd (with the API key, then again with a bearer token the issuer gave
#      through the client-credentials grant), the bearer-token cases (run-bearer.sh), the
#      FHIR view against HL7's R4 schema (run-fhir.sh), then
#      contract-tests/sdk/run-smoke.sh and contract-tests/docs-browser/run.sh when they
#      exist, then check-metrics.py: after all that traffic, every label on the metrics
#      listener's /metrics is from a bounded set
#   4. stop the server and the issuer (SIGTERM) and drop the database, whatever happened
# Every tool runs even when an earlier one failed; the run fails when any of them did. One
# summary line per tool is printed at the end. Logs are in contract-tests/reports/.
set -euo pipefail
# shellcheck source=contract-tests/lib.sh
source "$(dirname "$0")/lib.sh"
cd "$REPO_DIR"
require_env DATABASE_URL

pg_bin=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1 || true)
psql=${pg_bin:+$pg_bin/}psql
command -v "$psql" >/dev/null 2>&1 || psql=psql

mkdir -p "$REPORTS_DIR"
summaries=()
failed=0
record() { # record NAME STATUS LINE
  summaries+=("$3")
  if [ "$2" -ne 0 ]; then failed=1; fi
}
# Runs a tool script; its last output line is its summary.
run_tool() { # run_tool NAME CMD...
  local name=$1 status=0 out
  shift
  echo "== $name" >&2
  out=$("$@" 2>&1) || status=$?
  printf '%s\n' "$out" >&2
  local line
  line=$(printf '%s\n' "$out" | tail -n 1)
  case "$line" in
    "$name"*) ;;
    *) if [ "$status" -eq 0 ]; then line="$name: PASS"; else line="$name: FAIL (exit $status; see above)"; fi ;;
  esac
  record "$name" "$status" "$line"
}
# Runs an optional script owned by another part of the project; its output is passed through.
run_optional() { # run_optional NAME SCRIPT [ENV ARGS...]
  local name=$1 script=$2 status=0 started
  shift 2
  if [ ! -x "$script" ] && [ ! -f "$script" ]; then
    record "$name" 0 "$(printf '%-13s SKIP  %s does not exist' "$name:" "${script#"$REPO_DIR"/}")"
    return
  fi
  echo "== $name" >&2
  started=$(now)
  env "$@" bash "$script" >&2 || status=$?
  if [ "$status" -eq 0 ]; then
    record "$name" 0 "$(printf '%-13s PASS  %s, %s s' "$name:" "${script#"$REPO_DIR"/}" $(( $(now) - started )))"
  else
    record "$name" "$status" "$(printf '%-13s FAIL  %s exited %s, %s s' "$name:" "${script#"$REPO_DIR"/}" "$status" $(( $(now) - started )))"
  fi
}

run_tool spectral "$CONTRACT_DIR/run-lint.sh"

echo "== building the server" >&2
cargo build --locked --quiet -p patient-server -p migration

# A fresh database on the same server, named at random; DATABASE_URL stays the admin URL.
db_name="contract_$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
admin_url=$DATABASE_URL
query=""
case "$admin_url" in *\?*) query="?${admin_url#*\?}" ;; esac
base=${admin_url%%\?*}
db_url="${base%/*}/$db_name$query"

server_pid=""
issuer_pid=""
stop_process() { # stop_process PID
  local pid=$1
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}
cleanup() {
  local status=$?
  stop_process "$server_pid"
  stop_process "$issuer_pid"
  "$psql" "$admin_url" -qc "DROP DATABASE IF EXISTS $db_name WITH (FORCE)" >/dev/null 2>&1 || true
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$psql" "$admin_url" -qc "CREATE DATABASE $db_name" >/dev/null
DATABASE_URL="$db_url" target/debug/migration up >/dev/null

api_key=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
key_hash=$(printf '%s' "$api_key" | sha256sum | cut -d' ' -f1)
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
metrics_port=$(free_port)
base_url="http://127.0.0.1:$port"

oidc_port=$(free_port)
oidc_issuer="http://127.0.0.1:$oidc_port"
oidc_audience="patient-service-contract-tests"
ensure_node_modules
echo "== starting oauth2-mock-server on $oidc_issuer" >&2
(cd "$CONTRACT_DIR" && OIDC_PORT="$oidc_port" exec node oidc-issuer.mjs) >"$REPORTS_DIR/oidc-issuer.log" 2>&1 &
issuer_pid=$!
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null "$oidc_issuer/.well-known/openid-configuration" 2>/dev/null && break
  sleep 0.1
done

echo "== starting the server on $base_url (database $db_name)" >&2
# The suite sends thousands of requests from one key and one address within minutes: far
# above the production rate limits, which server/tests/api/limits.rs tests instead
# (docs/traffic-controls.md). Every other limit keeps its default.
DATABASE_URL="$db_url" HOST=127.0.0.1 PORT="$port" METRICS_PORT="$metrics_port" LOG_LEVEL=warn \
  RATE_LIMIT_RPS=100000 RATE_LIMIT_BURST=100000 \
  RATE_LIMIT_UNAUTHENTICATED_RPS=100000 RATE_LIMIT_UNAUTHENTICATED_BURST=100000 \
  OIDC_ISSUER="$oidc_issuer" OIDC_AUDIENCE="$oidc_audience" \
  API_KEYS="[{\"name\":\"contract-tests\",\"sha256\":\"$key_hash\",\"scopes\":[\"patient:read\",\"patient:write\",\"audit:read\"]}]" \
  target/debug/patient-server >"$REPORTS_DIR/server.log" 2>&1 &
server_pid=$!

ready=0
for _ in $(seq 1 300); do
  if ! kill -0 "$issuer_pid" 2>/dev/null; then
  record issuer 1 "issuer:       FAIL  oauth2-mock-server exited during the run (see $REPORTS_DIR/oidc-issuer.log)"
fi
if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
  if curl -fsS -o /dev/null "$base_url/readyz" 2>/dev/null; then ready=1; break; fi
  sleep 0.2
done
if [ "$ready" -ne 1 ]; then
  cat "$REPORTS_DIR/server.log" >&2
  echo "the server did not become ready on $base_url" >&2
  exit 1
fi

# A token for dredd's second pass, through the client-credentials grant.
bearer_token=$(curl -fsS -u contract-tests-dredd:secret -d grant_type=client_credentials \
  --data-urlencode "scope=patient:read patient:write audit:read" --data-urlencode "aud=$oidc_audience" \
  "$oidc_issuer/token" | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])') || bearer_token=""

export BASE_URL="$base_url" API_KEY="$api_key"
run_tool schemathesis "$CONTRACT_DIR/run-schemathesis.sh"
run_tool dredd "$CONTRACT_DIR/run-dredd.sh"
if [ -n "$bearer_token" ]; then
  run_tool "dredd bearer" env BEARER_TOKEN="$bearer_token" "$CONTRACT_DIR/run-dredd.sh"
else
  cat "$REPORTS_DIR/oidc-issuer.log" >&2
  record "dredd bearer" 1 "dredd bearer: FAIL  no token from oauth2-mock-server at $oidc_issuer"
fi
run_tool bearer env OIDC_ISSUER="$oidc_issuer" OIDC_AUDIENCE="$oidc_audience" "$CONTRACT_DIR/run-bearer.sh"
run_tool "fhir r4" "$CONTRACT_DIR/run-fhir.sh"
run_optional "sdk smoke" "$CONTRACT_DIR/sdk/run-smoke.sh"
run_optional "docs browser" "$CONTRACT_DIR/docs-browser/run.sh" -u API_KEY
run_tool metrics "$(ensure_schemathesis)/bin/python" "$CONTRACT_DIR/check-metrics.py" \
  "$REPO_DIR/openapi/openapi.yaml" "http://127.0.0.1:$metrics_port/metrics"

if ! kill -0 "$issuer_pid" 2>/dev/null; then
  record issuer 1 "issuer:       FAIL  oauth2-mock-server exited during the run (see $REPORTS_DIR/oidc-issuer.log)"
fi
if ! kill -0 "$server_pid" 2>/dev/null; then
  record server 1 "server:       FAIL  the server exited during the run (see $REPORTS_DIR/server.log)"
fi

echo
echo "contract tests against $base_url:"
printf '  %s\n' "${summaries[@]}"
if [ "$failed" -ne 0 ]; then
  echo "contract tests: FAILED"
  exit 1
fi
echo "contract tests: all passed"
