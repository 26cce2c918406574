#!/usr/bin/env bash
# `make fault-test`: builds the server and runs bench/faults/faults.py, which makes its own
# throwaway PostgreSQL cluster (the tests stop and start it) and starts the binary itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --locked --quiet -p patient-server -p migration
exec python3 bench/faults/faults.py --server target/debug/patient-server --migrate target/debug/migration "$@"
