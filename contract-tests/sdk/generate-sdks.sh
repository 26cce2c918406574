#!/usr/bin/env bash
# `make sdk`: generates the client SDKs from openapi/openapi.yaml with the repository's pinned
# openapi-generator (the one scripts/generate.sh uses for generated/):
#   .tools/sdk/typescript  npm package `patient_service_client` (typescript-fetch), built to dist/
#   .tools/sdk/python      Python package `patient_service_client` (python, urllib3)
# Each output directory is replaced whole, so the result depends only on the spec, the
# settings in contract-tests/sdk/ and the pinned generator and TypeScript compiler.
set -euo pipefail
cd "$(dirname "$0")/../.."
source contract-tests/sdk/lib.sh

# Output depends only on these inputs, so an unchanged set means the SDKs on disk are already
# what a generation would produce: skip it (SDK_FORCE=1 regenerates anyway).
inputs_sha=$( (echo "$GENERATOR_VERSION"; find openapi "$SDK_DIR"/*.yaml "$SDK_DIR"/*.sh \
  "$TS_SMOKE_DIR/package-lock.json" -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) | sha256_of -)
stamp=$SDK_OUT/.inputs-sha256
if [ "${SDK_FORCE:-}" != 1 ] && [ "$(cat "$stamp" 2>/dev/null)" = "$inputs_sha" ] \
    && [ -f "$SDK_OUT/typescript/dist/index.js" ] && [ -f "$SDK_OUT/python/pyproject.toml" ]; then
  echo "SDKs in $SDK_OUT are up to date with openapi/ and the settings in $SDK_DIR (SDK_FORCE=1 regenerates)"
  exit 0
fi

ensure_generator
mkdir -p "$SDK_OUT"
rm -f "$stamp"
staging_root=$(mktemp -d)
trap 'rm -rf "$staging_root"' EXIT

# generate LANG CONFIG: a fresh generation replaces .tools/sdk/LANG whole.
generate() {
  local lang=$1 config=$2
  local staging=$staging_root/$lang
  # The generator is chatty; show its log only when it fails.
  if ! "$GENERATOR_VENV/bin/openapi-generator-cli" generate --config "$config" --output "$staging" \
      >"$staging_root/$lang.log" 2>&1; then
    cat "$staging_root/$lang.log" >&2
    exit 1
  fi
  rm -rf "${SDK_OUT:?}/$lang"
  mv "$staging" "$SDK_OUT/$lang"
  chmod 755 "$SDK_OUT/$lang"
}

# Each generator run is a JVM that keeps about one core busy; with two cores, run both at once.
generate typescript "$SDK_DIR/typescript-fetch.yaml" &
ts_job=$!
generate python "$SDK_DIR/python.yaml" &
py_job=$!
ensure_node_deps
wait "$ts_job"
wait "$py_job"

# The npm package points `main` (CommonJS) and `module` (ES modules) at dist/, so build both
# here, as the package's own `npm run build` would, with the TypeScript the lock file pins:
# the package is then usable as it lands.
# --skipLibCheck only skips re-checking TypeScript's own DOM and ES declarations: same output.
(cd "$SDK_OUT/typescript" && "$TSC" -p tsconfig.json --skipLibCheck) &
cjs_job=$!
(cd "$SDK_OUT/typescript" && "$TSC" -p tsconfig.esm.json --skipLibCheck) &
esm_job=$!
wait "$cjs_job"
wait "$esm_job"
echo "$inputs_sha" >"$stamp"

echo "SDKs generated with openapi-generator $GENERATOR_VERSION from openapi/openapi.yaml:"
echo "  $SDK_OUT/typescript  (npm package patient_service_client, built to dist/)"
echo "  $SDK_OUT/python      (Python package patient_service_client)"
