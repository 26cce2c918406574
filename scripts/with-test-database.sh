#!/usr/bin/env bash
# Runs a command with DATABASE_URL pointing at a PostgreSQL server the tests may create
# databases on. With DATABASE_URL already set, that server is used as it is. Without it, a
# throwaway cluster is created in a temporary directory and removed afterwards, whatever
# the command's outcome; before that, its server log is checked for patient data
# (scripts/check-postgres-log.sh), which fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${DATABASE_URL:-}" ]; then
  exec "$@"
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/patient-service-test-pg.XXXXXX")
chmod 755 "$dir"
# shellcheck disable=SC2317 # run by the trap
cleanup() { scripts/local-postgres.sh destroy "$dir" || true; }
trap cleanup EXIT INT TERM

url=""
for _ in 1 2 3 4 5; do
  port=$(( 20000 + RANDOM % 20000 ))
  if url=$(LOCAL_PG_FSYNC=off scripts/local-postgres.sh start "$dir" "$port" 2>"$dir.err"); then break; fi
  url=""
done
if [ -z "$url" ]; then
  cat "$dir.err" >&2; rm -f "$dir.err"
  echo "could not start a throwaway PostgreSQL cluster" >&2
  exit 1
fi
rm -f "$dir.err"
echo "Using a throwaway PostgreSQL cluster on 127.0.0.1:$port (removed afterwards)" >&2
status=0
DATABASE_URL="$url" "$@" || status=$?
scripts/check-postgres-log.sh "$dir/server.log" || status=1
exit "$status"
