#!/usr/bin/env bash
# Regenerates the `generated` crate from openapi/openapi.yaml with the pinned openapi-generator.
#   scripts/generate.sh [OUTPUT_DIR]   (default: generated)
# The output directory is replaced entirely, so nothing hand-written can survive in it.
set -euo pipefail
cd "$(dirname "$0")/.."

GENERATOR_VERSION=7.26.0
TOOLS_DIR=.tools
VENV="$TOOLS_DIR/openapi-generator-$GENERATOR_VERSION"
out="${1:-generated}"

if [ ! -x "$VENV/bin/openapi-generator-cli" ]; then
  echo "Installing openapi-generator-cli==$GENERATOR_VERSION into $VENV (once per machine)" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "openapi-generator-cli==$GENERATOR_VERSION"
fi
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
