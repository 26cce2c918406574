#!/usr/bin/env bash
# The compose acceptance test (`make compose-test`, part of `make test`): the project's own,
# unmodified Dockerfile and docker-compose.yml, run for real with the local container engine
# (podman here, with stand-in base images; see engine.sh, stand-ins.sh, docs/containers.md).
#
#  1. base images (stand-ins) and the service image; the image runs as non-root, has no
#     shell, carries both binaries and its OCI labels
#  2. `compose up`: postgres healthy -> migrations exit 0 -> api ready, read-only root
#  3. the acceptance criterion over HTTP (acceptance.py first), and `make seed` twice:
#     the second run creates nothing
#  4. `compose down` keeps the volume; a second `up` still has every patient
#     (acceptance.py restarted)
#  5. neither PostgreSQL's log nor the API's holds patient data
#
# Its compose project, port, volume and .env are its own (a developer's `make up` stack is
# not touched) and removed at the end, whatever the outcome; images stay cached.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=scripts/containers/engine.sh
. scripts/containers/engine.sh

start=$SECONDS
state=$(mktemp -d "${TMPDIR:-/tmp}/patient-service-compose-test.XXXXXX")
PROJECT="ps-accept-$$"
IMAGE="patient-service:acceptance"
passed=0
failed=0

step() { printf '\n=== compose-test: %s (at %ss) ===\n' "$*" "$((SECONDS - start))"; }
ok() { passed=$((passed + 1)); echo "ok - $*"; }
not_ok() { failed=$((failed + 1)); echo "FAIL - $*"; }
expect() { # expect DESCRIPTION COMMAND...
  local what=$1
  shift
  if "$@"; then ok "$what"; else not_ok "$what"; fi
}

engine_init "$state/engine"
cleanup() {
  local status=$?
  if [ -n "${COMPOSE_CMD[*]:-}" ]; then compose down --volumes --timeout 5 >"$state/down.log" 2>&1 || cat "$state/down.log" >&2; fi
  engine_stop
  rm -rf "$state"
  exit "$status"
}
trap cleanup EXIT INT TERM

step "base images and the service image ($ENGINE)"
if [ "$ENGINE" = podman ]; then scripts/containers/stand-ins.sh; fi
scripts/containers/build-image.sh "$IMAGE"

config() { engine image inspect --format "$1" "$IMAGE"; }
user=$(config '{{ .Config.User }}')
expect "the image runs as a non-root user ($user)" test "${user%%:*}" != 0 -a "${user%%:*}" != root -a -n "$user"
expect "the image is labelled with its revision" test "$(config '{{ index .Config.Labels "org.opencontainers.image.revision" }}')" = "$(git rev-parse HEAD 2>/dev/null || echo unknown)$([ -z "$(git status --porcelain 2>/dev/null)" ] || echo -dirty)"
expect "the image has a health check (patient-server healthcheck)" grep -q healthcheck <<<"$(config '{{ json .Config.Healthcheck }}')"
run() { engine run --rm --read-only --cap-drop ALL --security-opt no-new-privileges "$@"; }
expect "patient-server runs in the image" run "$IMAGE" /usr/local/bin/patient-server --help >/dev/null
expect "migration runs in the image" run "$IMAGE" /usr/local/bin/migration --help >/dev/null
# shellcheck disable=SC2317 # called through expect
no_shell() { ! run "$IMAGE" /bin/sh -c true >/dev/null 2>&1; }
expect "the runtime image has no shell" no_shell
size=$(config '{{ .Size }}')
expect "the image is small ($((size / 1000000)) MB)" test "$size" -lt 150000000

step "compose up (project $PROJECT)"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
api_key=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
hash=$(printf '%s' "$api_key" | sha256sum | cut -d' ' -f1)
cat >"$state/test.env" <<ENV
POSTGRES_PASSWORD=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
API_KEYS='[{"name":"compose-test","sha256":"$hash","scopes":["patient:read","patient:write","audit:read"]}]'
API_PORT=$port
API_IMAGE=$IMAGE
ENV
engine_start "$PROJECT"
# Only the test's own .env: nothing from the caller's environment or a developer's .env.
compose() {
  env -i PATH="$PATH" HOME="${HOME:-/root}" ${DOCKER_HOST:+DOCKER_HOST="$DOCKER_HOST"} \
    "${COMPOSE_CMD[@]}" -p "$PROJECT" -f docker-compose.yml --env-file "$state/test.env" "$@"
}
base="http://127.0.0.1:$port"
up_and_ready() {
  compose up -d --no-build >"$state/up.log" 2>&1 || { cat "$state/up.log" >&2; return 1; }
  local deadline=$((SECONDS + 180))
  until curl -fsS -o /dev/null --max-time 2 "$base/readyz" 2>/dev/null; do
    [ "$SECONDS" -lt "$deadline" ] || { compose ps >&2; compose logs --no-color --tail=40 >&2; return 1; }
    sleep 1
  done
}
expect "compose up: the API answers /readyz on 127.0.0.1:$port" up_and_ready
container() { engine ps -aq --filter "label=com.docker.compose.project=$PROJECT" --filter "label=com.docker.compose.service=$1" | head -n 1; }
inspect() { engine inspect --format "$2" "$(container "$1")"; }
expect "the migrations ran once and exited 0" test "$(inspect migrations '{{ .State.Status }} {{ .State.ExitCode }}')" = "exited 0"
expect "the API container's root filesystem is read-only" test "$(inspect api '{{ .HostConfig.ReadonlyRootfs }}')" = true
expect "the API container runs as $user" test "$(inspect api '{{ .Config.User }}')" = "$user"
healthy() {
  local deadline=$((SECONDS + 60))
  until [ "$(inspect "$1" '{{ .State.Health.Status }}')" = healthy ]; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 1
  done
}
expect "postgres reports healthy (pg_isready)" healthy postgres
expect "the API reports healthy (patient-server healthcheck --ready)" healthy api

step "the acceptance criterion"
export BASE_URL="$base" API_KEY="$api_key"
expect "acceptance: create, read, If-Match, soft delete, search" python3 scripts/containers/acceptance.py first "$state/acceptance.json"
seed() { SEED_COUNT=300 scripts/seed/seed.py | tee "$state/seed-$1.log"; }
expect "make seed loads 300 synthetic patients" seed 1
expect "the first seed created all 300" grep -q '^seed: 300 created, 0 already present' "$state/seed-1.log"
expect "make seed again creates nothing (idempotent)" seed 2
expect "the second seed found all 300 present" grep -q '^seed: 0 created, 300 already present' "$state/seed-2.log"

step "down keeps the data; a second up has it"
# The logs of the first containers go with them: keep them for the check at the end.
compose logs --no-color postgres >"$state/postgres.log" 2>&1
compose logs --no-color api migrations >"$state/api.log" 2>&1
compose down --timeout 10 >"$state/down1.log" 2>&1 || cat "$state/down1.log" >&2
volume_kept() { engine volume inspect "${PROJECT}_pgdata" >/dev/null 2>&1; }
expect "compose down removed the containers" test -z "$(container api)"
expect "compose down kept the database volume" volume_kept
expect "compose up again: ready" up_and_ready
expect "acceptance after restart: every patient is still there" python3 scripts/containers/acceptance.py restarted "$state/acceptance.json"

step "no patient data in the logs"
compose logs --no-color postgres >>"$state/postgres.log" 2>&1
expect "PostgreSQL's log holds no patient data" scripts/check-postgres-log.sh "$state/postgres.log"
compose logs --no-color api migrations >>"$state/api.log" 2>&1
# shellcheck disable=SC2317 # called through expect
no_phi_in_api_log() { ! grep -qiE 'example\.(org|com|net)|\+1202555|María|Acceptance-|Search-' "$state/api.log"; }
expect "the API's and the migrations' logs hold no names, emails or phones ($(wc -l <"$state/api.log") lines)" no_phi_in_api_log

engine image prune -f --filter "label=org.opencontainers.image.title=patient-service" >/dev/null 2>&1 || true
echo
echo "compose-test: done in $((SECONDS - start)) s"
echo "compose-test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
