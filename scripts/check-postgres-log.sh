#!/usr/bin/env bash
# Fails when a PostgreSQL server log holds anything that could be patient data: the message
# parts that quote values (DETAIL, STATEMENT, CONTEXT, failing rows, conflicting keys, bind
# parameters), or anything shaped like an email address or an E.164 phone number.
#
#   scripts/check-postgres-log.sh SERVER_LOG
#
# Run on the throwaway cluster's log after the whole test suite (scripts/with-test-database.sh),
# whose tests send PHI-shaped data on every path, including every rejected one.
set -euo pipefail
log=${1:?usage: $0 SERVER_LOG}
[ -f "$log" ] || { echo "check-postgres-log: no log at $log" >&2; exit 1; }

patterns=(
  'DETAIL:' 'STATEMENT:' 'CONTEXT:' 'Failing row contains' 'Key \(' 'parameters: \$'
  '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.-]*[A-Za-z]{2,}'
  '\+[1-9][0-9]{7,14}'
)
found=$(grep -nE "$(IFS='|'; echo "${patterns[*]}")" "$log" || true)
if [ -n "$found" ]; then
  echo "check-postgres-log: $log holds lines that can carry patient data:" >&2
  # Show where, not what: the line numbers and the kind of message only.
  cut -d: -f1 <<<"$found" | head -n 20 | sed 's/^/  line /' >&2
  grep -oE "$(IFS='|'; echo "${patterns[*]:0:6}")" <<<"$found" | sort | uniq -c | sed 's/^/  /' >&2
  exit 1
fi
echo "check-postgres-log: no patient data in $(wc -l <"$log") lines of $log" >&2
