#!/usr/bin/env bash
# Runs `cargo test` with the given arguments and records the totals of every test binary in
# target/test-summary.txt, so `make test` can close with one "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.." || exit
mkdir -p target
log=target/cargo-test.log
cargo test "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
     END { printf "%d passed, %d failed\n", p, f }' "$log" >target/test-summary.txt
exit "$status"
