#!/usr/bin/env bash
# The bearer-token cases (contract-tests/bearer.test.mjs) against a running Patient Service that
# trusts the oauth2-mock-server issuer run.sh started.
#
#   BASE_URL=... OIDC_ISSUER=... OIDC_AUDIENCE=... contract-tests/run-bearer.sh
#
# The full output goes to contract-tests/reports/bearer.log (printed when the run fails); the
# last line printed is a one-line summary.
set -euo pipefail
# shellcheck source=contract-tests/lib.sh
source "$(dirname "$0")/lib.sh"
require_env BASE_URL OIDC_ISSUER OIDC_AUDIENCE
export BASE_URL OIDC_ISSUER OIDC_AUDIENCE
run_node_test bearer bearer.test.mjs "with tokens from oauth2-mock-server"
