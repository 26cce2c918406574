#!/usr/bin/env bash
# The point-in-time restore drill of docs/runbooks/restore-database.md, on throwaway local
# clusters (`make pitr-drill`, part of `make test`). What RDS does for a point-in-time
# restore, done by hand with the same mechanism, so the procedure is rehearsed for real:
#
#  1. a primary with continuous WAL archiving (archive_mode, archive_command)
#  2. a base backup (pg_basebackup, no WAL in it: recovery must come from the archive)
#  3. a known row committed after the backup, then the restore target time, then a later row
#  4. the archive is closed (pg_switch_wal), the primary is lost
#  5. a new cluster from the base backup replays the archive to the target time and promotes
#  6. the known row is back, the later one is not, and the server log says where it stopped
#
# Ends with one "N passed, N failed" line; exits non-zero if any check failed.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=$(mktemp -d "${TMPDIR:-/tmp}/patient-service-pitr-drill.XXXXXX")
chmod 755 "$dir"
primary="$dir/primary"
restored="$dir/restored"
archive="$dir/wal-archive"
cleanup() {
  scripts/local-postgres.sh destroy "$restored" >/dev/null 2>&1 || true
  scripts/local-postgres.sh destroy "$primary" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT INT TERM

passed=0
failed=0
check() { # check DESCRIPTION COMMAND...
  local what=$1
  shift
  if "$@"; then passed=$((passed + 1)); echo "ok - $what"; else failed=$((failed + 1)); echo "FAIL - $what"; fi
}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pg_bin=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
[ -x "$pg_bin/pg_basebackup" ] || pg_bin=$(dirname "$(command -v pg_basebackup)")

echo "--- 1. a primary with continuous WAL archiving"
mkdir -p "$archive"
# test ! -f: an archive never overwrites a segment it already holds (as the docs advise).
url=$(LOCAL_PG_OPTIONS="-c wal_level=replica -c archive_mode=on -c archive_timeout=0 -c archive_command='test ! -f $archive/%f && cp %p $archive/%f'" \
  scripts/local-postgres.sh start "$primary" "$(free_port)")
chown --reference="$primary/data" "$archive"
sql() { "$pg_bin/psql" "$1" -v ON_ERROR_STOP=1 -qtAX -c "$2"; }
sql "$url" "CREATE TABLE drill_rows (id int PRIMARY KEY, label text NOT NULL)"
sql "$url" "INSERT INTO drill_rows VALUES (1, 'in the base backup')"

echo "--- 2. a base backup (WAL from the archive only)"
mkdir -p "$restored"
"$pg_bin/pg_basebackup" -d "$url" -D "$restored/data" --wal-method=none --checkpoint=fast --no-sync >"$dir/basebackup.log" 2>&1 \
  || { cat "$dir/basebackup.log" >&2; exit 1; }
cp "$primary/password" "$restored/password"
chown -R --reference="$primary/data" "$restored"

echo "--- 3. a known row, the target time, a later row"
sql "$url" "INSERT INTO drill_rows VALUES (2, 'after the backup, before the target')"
target=$(sql "$url" "SELECT now()")
sleep 1.1
sql "$url" "INSERT INTO drill_rows VALUES (3, 'after the target')"
echo "restore target: $target"

echo "--- 4. the last segment is archived; the primary is lost"
segment=$(sql "$url" "SELECT pg_walfile_name(pg_switch_wal())")
for _ in $(seq 1 100); do
  [ ! -f "$archive/$segment" ] || break
  sleep 0.1
done
check "the WAL segment with the later row was archived ($segment)" test -f "$archive/$segment"
scripts/local-postgres.sh destroy "$primary"

echo "--- 5. restore the base backup and replay the archive to the target"
touch "$restored/data/recovery.signal"
chown --reference="$restored/data" "$restored/data/recovery.signal"
restored_url=$(LOCAL_PG_OPTIONS="-c restore_command='cp $archive/%f %p' -c recovery_target_time='$target' -c recovery_target_action=promote" \
  scripts/local-postgres.sh start "$restored" "$(free_port)")
for _ in $(seq 1 300); do
  [ "$(sql "$restored_url" "SELECT pg_is_in_recovery()" 2>/dev/null)" = f ] && break
  sleep 0.1
done
check "the restored cluster finished recovery and was promoted" test "$(sql "$restored_url" "SELECT pg_is_in_recovery()")" = f

echo "--- 6. verify"
rows=$(sql "$restored_url" "SELECT string_agg(id::text, ',' ORDER BY id) FROM drill_rows")
check "the row in the base backup is there" grep -qE '(^|,)1(,|$)' <<<"$rows"
check "the known row committed after the backup is back (replayed from the archive)" grep -qE '(^|,)2(,|$)' <<<"$rows"
check "the row committed after the target time is not" test "$rows" = "1,2"
check "the server log names where recovery stopped" grep -q 'recovery stopping before commit of transaction' "$restored/server.log"
check "the restored cluster accepts writes (a new timeline)" sql "$restored_url" "INSERT INTO drill_rows VALUES (4, 'after the restore')"

echo "pitr-drill: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
