#!/usr/bin/env bash
# `make up`, `make down`, `make logs`: the local stack of docker-compose.yml, with Docker or,
# where no Docker engine runs, podman (scripts/containers/engine.sh).
#
#   scripts/containers/compose.sh up              build the image, start everything, wait
#                                                 until the API is ready, print a dev key
#   scripts/containers/compose.sh down [--volumes]   stop and remove the containers; the
#                                                 database volume stays unless --volumes
#   scripts/containers/compose.sh logs [SERVICE...]   follow the logs
#   scripts/containers/compose.sh ps | exec ...   any other compose command
#
# Configuration comes from .env. When there is none, `up` writes one (mode 600, git-ignored)
# with a generated database password and the hash of the development API key it shares with
# `make run` (.local/dev-api-key); an existing .env is never changed.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=scripts/containers/engine.sh
. scripts/containers/engine.sh

PROJECT=${COMPOSE_PROJECT_NAME:-patient-service}
LOCAL=.local
mkdir -p "$LOCAL"

die() { echo "compose: $*" >&2; exit 1; }

# A value from .env, for the scripts' own use (compose reads the file itself).
env_file_value() { [ -f .env ] && sed -nE "s/^$1=['\"]?([^'\"]*)['\"]?$/\1/p" .env | tail -n 1; }

dev_api_key() {
  if [ ! -s "$LOCAL/dev-api-key" ]; then
    (umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$LOCAL/dev-api-key")
  fi
  cat "$LOCAL/dev-api-key"
}

write_env_file() {
  local hash
  hash=$(printf '%s' "$(dev_api_key)" | sha256sum | cut -d' ' -f1)
  (
    umask 077
    cat >.env <<ENV
# Written by 'make up' (scripts/containers/compose.sh); see .env.example for every variable.
# Local development values only: never copy them anywhere else.
POSTGRES_PASSWORD=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
PGADMIN_PASSWORD=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
# The SHA-256 of the development key in .local/dev-api-key (the key itself is not here).
API_KEYS='[{"name":"local-developer","sha256":"$hash","scopes":["patient:read","patient:write","audit:read"]}]'
ENV
  )
  echo "compose: wrote .env (database password, development API key hash)"
}

wait_until_ready() {
  local url=$1 deadline=$((SECONDS + ${READY_TIMEOUT_SECONDS:-180})) migrations
  until curl -fsS -o /dev/null --max-time 2 "$url/readyz" 2>/dev/null; do
    migrations=$(engine ps -a --filter "label=com.docker.compose.project=$PROJECT" \
      --filter "label=com.docker.compose.service=migrations" --format '{{.Status}}' | head -n 1)
    case "$migrations" in
      Exited\ \(0\)*) ;;
      Exited*) compose logs --no-color migrations >&2 || true; die "the migrations failed (above); the API was not started" ;;
    esac
    [ "$SECONDS" -lt "$deadline" ] || { compose ps >&2 || true; compose logs --no-color --tail=50 api >&2 || true; die "the API did not become ready at $url/readyz"; }
    sleep 1
  done
}

up() {
  [ -f .env ] || write_env_file
  if [ "$ENGINE" = podman ]; then scripts/containers/stand-ins.sh; fi
  scripts/containers/build-image.sh "$(env_file_value API_IMAGE || true)"
  engine_start "$PROJECT"
  if ! compose up -d --no-build; then
    compose ps >&2 || true
    compose logs --no-color --tail=50 migrations >&2 || true
    die "compose up failed (above: the services' states and the migrations' log)"
  fi
  local port base key=""
  port=${API_PORT:-$(env_file_value API_PORT || true)}
  base="http://127.0.0.1:${port:-8080}"
  wait_until_ready "$base"
  [ ! -s "$LOCAL/dev-api-key" ] || key=$(cat "$LOCAL/dev-api-key")
  echo
  echo "Patient Service (compose project $PROJECT): $base   ('make logs' to follow, 'make down' to stop)"
  if [ -n "$key" ] && grep -q "$(printf '%s' "$key" | sha256sum | cut -d' ' -f1)" .env; then
    echo "Development API key (scopes patient:read, patient:write, audit:read): $key"
    echo "Try:"
    echo "  curl $base/readyz"
    echo "  curl -H 'X-API-Key: $key' $base/api/v1/patients"
    echo "  BASE_URL=$base make seed    # a synthetic population through the API"
  else
    echo "API keys: API_KEYS from .env"
  fi
}

command=${1:-}
[ -n "$command" ] || die "usage: $0 up | down [--volumes] | logs [SERVICE...] | COMPOSE-COMMAND..."
shift
engine_init "$LOCAL/compose"
trap engine_stop EXIT
# Every compose call names the project, whatever the directory is called; compose reads
# docker-compose.yml and, if there is one, a developer's docker-compose.override.yml.
compose() { "${COMPOSE_CMD[@]}" -p "$PROJECT" "$@"; }
case "$command" in
  up) up ;;
  down) engine_start "$PROJECT"; compose down "$@" ;;
  logs) engine_start "$PROJECT"; compose logs -f --tail=200 "$@" ;;
  *) engine_start "$PROJECT"; compose "$command" "$@" ;;
esac
