#!/usr/bin/env bash
# Renders ${BASE_URL}/docs in headless Chromium and checks it (see README.md beside this file).
#
#   BASE_URL=http://127.0.0.1:8080 contract-tests/docs-browser/run.sh
#
# BASE_URL               the running service (required)
# CHROMIUM               the browser (default /usr/bin/chromium; Debian: apt-get install chromium)
# DOCS_BROWSER_OPTIONAL  1: without the browser, print SKIP and exit 0 instead of failing
# CONTRACT_ARTIFACTS_DIR where docs.png goes (default <repo>/target/contract-artifacts)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

: "${BASE_URL:?set BASE_URL to the running service, e.g. http://127.0.0.1:8080}"
export BASE_URL
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

if [[ ! -x "$CHROMIUM" ]]; then
    if [[ "${DOCS_BROWSER_OPTIONAL:-0}" == 1 ]]; then
        echo "SKIP docs-browser: no Chromium at $CHROMIUM (apt-get install chromium)"
        exit 0
    fi
    echo "docs-browser: no Chromium at $CHROMIUM. Install it (apt-get install chromium), point" >&2
    echo "CHROMIUM at one, or set DOCS_BROWSER_OPTIONAL=1 to skip this test." >&2
    exit 1
fi
command -v node >/dev/null || { echo "docs-browser: node (20+) is required" >&2; exit 1; }

# Install exactly the locked packages when node_modules is missing or was installed from
# another package-lock.json.
stamp=node_modules/.package-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
    echo "docs-browser: npm ci"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" >"$stamp"
fi

exec node --test --test-reporter=spec docs.test.mjs
