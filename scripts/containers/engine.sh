# shellcheck shell=bash
# The container engine behind `make up`, `make down`, `make logs` and the compose acceptance
# test, sourced by those scripts. Docker when a Docker engine answers; otherwise Debian's
# podman, set up the way this kind of machine needs it:
#   - runc as the OCI runtime and explicit nofile/nproc ulimits (podman's defaults exceed what
#     the sandbox allows): a containers.conf of ours, through CONTAINERS_CONF, so nothing in
#     /etc changes;
#   - compose: Debian's docker-compose against podman's Docker-compatible API socket
#     (`podman system service`), which honours depends_on conditions (podman-compose does
#     not with podman < 4.6);
#   - health checks: podman schedules them with systemd timers, and there is no systemd
#     here, so a background loop runs `podman healthcheck run` on the project's containers
#     every 2 s while a script is waiting on them.
#
#   CONTAINER_ENGINE=docker|podman   override the choice
#   CONTAINER_ULIMIT_NOFILE, CONTAINER_ULIMIT_NPROC   podman's ulimits (default 16384, or the
#                                    shell's hard limit when lower)
#
# Functions: engine_init STATE_DIR; engine_start PROJECT (compose socket and health loop);
# engine_stop; compose ARGS... (after engine_start); engine ARGS... (the engine's CLI).

ENGINE=""
ENGINE_STATE_DIR=""
ENGINE_PIDS=()
COMPOSE_CMD=()

engine_die() { echo "container engine: $*" >&2; exit 1; }

engine_init() {
  mkdir -p "$1"
  # Absolute: the API socket's unix:// address must not depend on the directory.
  ENGINE_STATE_DIR=$(cd "$1" && pwd)
  ENGINE=${CONTAINER_ENGINE:-}
  if [ -z "$ENGINE" ]; then
    if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then ENGINE=docker
    elif command -v podman >/dev/null 2>&1; then ENGINE=podman
    else engine_die "neither a Docker engine nor podman is available (scripts/prerequisites.sh installs podman)"
    fi
  fi
  case "$ENGINE" in
    docker) ;;
    podman) engine_write_podman_conf ;;
    *) engine_die "CONTAINER_ENGINE must be docker or podman" ;;
  esac
}

engine_write_podman_conf() {
  local hard_nofile hard_nproc nofile nproc
  hard_nofile=$(ulimit -Hn)
  hard_nproc=$(ulimit -Hu)
  nofile=${CONTAINER_ULIMIT_NOFILE:-16384}
  nproc=${CONTAINER_ULIMIT_NPROC:-16384}
  if [ "$hard_nofile" != unlimited ] && [ "$nofile" -gt "$hard_nofile" ]; then nofile=$hard_nofile; fi
  if [ "$hard_nproc" != unlimited ] && [ "$nproc" -gt "$hard_nproc" ]; then nproc=$hard_nproc; fi
  cat >"$ENGINE_STATE_DIR/containers.conf" <<CONF
# Written by scripts/containers/engine.sh; read by podman through CONTAINERS_CONF.
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]

[engine]
runtime = "runc"
CONF
  export CONTAINERS_CONF="$ENGINE_STATE_DIR/containers.conf"
}

engine() { "$ENGINE" "$@"; }

# Starts what `compose` needs; for podman the API socket and the health-check loop.
engine_start() {
  local project=$1
  if [ "$ENGINE" = docker ]; then
    if docker compose version >/dev/null 2>&1; then COMPOSE_CMD=(docker compose)
    elif command -v docker-compose >/dev/null 2>&1; then COMPOSE_CMD=(docker-compose)
    else engine_die "no compose for Docker: install the compose plugin or docker-compose"
    fi
    return
  fi
  command -v docker-compose >/dev/null 2>&1 || engine_die "docker-compose not found (Debian package docker-compose)"
  local socket="$ENGINE_STATE_DIR/podman.sock"
  rm -f "$socket"
  podman system service --time=0 "unix://$socket" >"$ENGINE_STATE_DIR/podman-service.log" 2>&1 &
  ENGINE_PIDS+=($!)
  local _
  for _ in $(seq 1 100); do [ -S "$socket" ] && break; sleep 0.1; done
  [ -S "$socket" ] || { cat "$ENGINE_STATE_DIR/podman-service.log" >&2; engine_die "podman system service did not start"; }
  export DOCKER_HOST="unix://$socket"
  COMPOSE_CMD=(docker-compose)
  engine_health_loop "$project" &
  ENGINE_PIDS+=($!)
}

# What systemd's timers do for podman elsewhere: run each container's health check.
engine_health_loop() {
  local project=$1 id state
  while sleep 2; do
    for state in starting healthy unhealthy; do
      for id in $(podman ps -q --filter "label=com.docker.compose.project=$project" --filter "health=$state" 2>/dev/null); do
        podman healthcheck run "$id" >/dev/null 2>&1 || true
      done
    done
  done
}

engine_stop() {
  local pid
  for pid in "${ENGINE_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  ENGINE_PIDS=()
  if [ -n "$ENGINE_STATE_DIR" ]; then rm -f "$ENGINE_STATE_DIR/podman.sock"; fi
}

compose() { "${COMPOSE_CMD[@]}" "$@"; }
