#!/usr/bin/env bash
# Regenerates the `generated` crate from openapi/openapi.yaml with the pinned openapi-generator.
#   scripts/generate.sh [OUTPUT_DIR]   (default: generated)
# The output directory is replaced entirely, so nothing hand-written can survive in it.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/lib/pinned-venv.sh
source scripts/lib/pinned-venv.sh
out="${1:-generated}"

VENV=$(pinned_venv openapi-generator openapi/generator-requirements.txt)
command -v java >/dev/null || { echo "openapi-generator needs Java 17 (java not found on PATH)" >&2; exit 1; }

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
# Formatting by the generator would depend on the local rustfmt; keep the raw output so the
# result depends only on the spec, the templates and the pinned generator.
env -u RUST_POST_PROCESS_FILE "$VENV/bin/openapi-generator-cli" generate \
  --config openapi/generator-config.yaml \
  --output "$staging" >"$staging.log" 2>&1 || { cat "$staging.log" >&2; rm -f "$staging.log"; exit 1; }
rm -f "$staging.log"

rm -rf "$out"
mkdir -p "$(dirname "$out")"
cp -R "$staging" "$out"
chmod 755 "$out"
