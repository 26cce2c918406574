#!/usr/bin/env bash
# Validates the FHIR view of patients created through a running Patient Service against HL7's
# official FHIR R4 JSON schema, offline (contract-tests/fhir-r4.test.mjs).
#
#   BASE_URL=http://127.0.0.1:8080 API_KEY=... contract-tests/run-fhir.sh
#
# The key needs patient:read and patient:write. The full output goes to
# contract-tests/reports/fhir-r4.log (printed when the run fails); the last line printed is a
# one-line summary.
set -euo pipefail
# shellcheck source=contract-tests/lib.sh
source "$(dirname "$0")/lib.sh"
require_env BASE_URL API_KEY
export BASE_URL API_KEY
run_node_test "fhir r4" fhir-r4.test.mjs "against HL7's R4 JSON schema"
