#!/usr/bin/env bash
# Fails when generated/ differs from what openapi/openapi.yaml and openapi/templates produce.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
scripts/generate.sh "$tmp/generated"
if ! diff -r generated "$tmp/generated" >"$tmp/diff.txt"; then
  head -n 60 "$tmp/diff.txt" >&2
  echo >&2
  echo "generated/ is out of date with openapi/ (or was edited by hand)." >&2
  echo "Never edit generated/ directly: change openapi/openapi.yaml, openapi/generator-config.yaml" >&2
  echo "or a template under openapi/templates/, then run 'make generate' and commit the result." >&2
  exit 1
fi
echo "generated/ matches openapi/openapi.yaml"
