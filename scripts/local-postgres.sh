#!/usr/bin/env bash
# A project-local PostgreSQL cluster, built from the installed PostgreSQL binaries.
#
#   scripts/local-postgres.sh start DIR PORT   create (first time) and start; print the admin URL
#   scripts/local-postgres.sh stop DIR         stop it if it runs
#   scripts/local-postgres.sh destroy DIR      stop it and delete DIR
#
# DIR holds data/ (the cluster), password (the superuser's, generated) and server.log.
# LOCAL_PG_OPTIONS adds server options (e.g. "-c archive_mode=on", for the restore drill).
# The server listens on 127.0.0.1 only, with password authentication. Its log never quotes
# data: errors are logged tersely (no DETAIL, which quotes conflicting keys and failing rows)
# and without the failing statement's text. PostgreSQL refuses to run as root, so as root the cluster is owned and run by an unprivileged account
# ($LOCAL_PG_USER, else "postgres" if it exists, else "nobody").
set -euo pipefail

die() { echo "local-postgres: $*" >&2; exit 1; }

find_pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  # Debian/Ubuntu keep the server binaries off PATH, under /usr/lib/postgresql/<major>/bin.
  local newest
  newest=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1 || true)
  if [ -n "$newest" ] && [ -x "$newest/initdb" ]; then echo "$newest"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  die "PostgreSQL server binaries (initdb, pg_ctl) not found. Install PostgreSQL 14+ or set PG_BIN."
}

PG_BIN=$(find_pg_bin)

run_user=""
if [ "$(id -u)" = 0 ]; then
  run_user=${LOCAL_PG_USER:-}
  if [ -z "$run_user" ]; then
    if id postgres >/dev/null 2>&1; then run_user=postgres; else run_user=nobody; fi
  fi
fi

# Runs a command as the cluster's owner.
as_owner() {
  if [ -z "$run_user" ]; then "$@"
  elif command -v runuser >/dev/null 2>&1; then runuser -u "$run_user" -- "$@"
  else su "$run_user" -s /bin/sh -c "$(printf '%q ' "$@")"
  fi
}

is_running() { [ -f "$1/data/postmaster.pid" ] && as_owner "$PG_BIN/pg_ctl" -D "$1/data" status >/dev/null 2>&1; }

start() {
  local dir=$1 port=$2
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [ -n "$run_user" ]; then
    chown "$run_user" "$dir"
    as_owner test -w "$dir" || die "$run_user cannot write $dir (a parent directory is not accessible to it). Set LOCAL_PG_USER or DATABASE_URL."
  fi
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    rm -rf "$dir/data"
    umask 077
    head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/password"
    [ -z "$run_user" ] || chown "$run_user" "$dir/password"
    as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres --pwfile="$dir/password" \
      --auth-host=scram-sha-256 --auth-local=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  fi
  if ! is_running "$dir"; then
    as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories= -c max_connections=200 -c fsync=${LOCAL_PG_FSYNC:-on} -c log_error_verbosity=terse -c log_min_error_statement=panic -c log_parameter_max_length=0 ${LOCAL_PG_OPTIONS:-}" \
      start >/dev/null || { tail -n 20 "$dir/server.log" >&2 || true; die "could not start PostgreSQL on port $port"; }
  fi
  local running_port
  running_port=$(sed -n 4p "$dir/data/postmaster.pid")
  echo "postgres://postgres:$(cat "$dir/password")@127.0.0.1:${running_port}/postgres"
}

stop() {
  local dir=$1
  if is_running "$dir"; then as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null; fi
}

case "${1:-}" in
  start) [ $# -eq 3 ] || die "usage: $0 start DIR PORT"; start "$2" "$3" ;;
  stop) [ $# -eq 2 ] || die "usage: $0 stop DIR"; stop "$2" ;;
  destroy) [ $# -eq 2 ] || die "usage: $0 destroy DIR"; stop "$2"; rm -rf "$2" ;;
  *) die "usage: $0 start DIR PORT | stop DIR | destroy DIR" ;;
esac
