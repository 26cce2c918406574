#!/usr/bin/env bash
# `make sdk-smoke`: brings the client SDKs up to date with the spec in this work tree, then runs
# the TypeScript and the Python smoke program against a running Patient Service.
#   BASE_URL=http://127.0.0.1:8080 API_KEY=<key with patient:read and patient:write> \
#     contract-tests/sdk/run-smoke.sh
# Both programs always run; the exit status is non-zero when either fails.
set -euo pipefail
cd "$(dirname "$0")/../.."

: "${BASE_URL:?BASE_URL must be the running service, e.g. http://127.0.0.1:8080}"
: "${API_KEY:?API_KEY must be a key with the scopes patient:read and patient:write}"
export BASE_URL API_KEY

# The smoke must exercise clients made from the spec as it is now (a no-op while openapi/ and
# the settings here are unchanged).
contract-tests/sdk/generate-sdks.sh >/dev/null
source contract-tests/sdk/lib.sh

# run_typescript and run_python print the program's report and fail when it fails.
run_typescript() {
  ensure_node_deps
  # The smoke program imports the SDK by its package name; a link in node_modules points at the
  # generated package (npm ci removes the link, so set it again on every run).
  ln -sfn ../../../../.tools/sdk/typescript "$TS_SMOKE_DIR/node_modules/patient_service_client"
  (cd "$TS_SMOKE_DIR" && "$TSC" --noEmit) || { echo "typescript: smoke.ts does not type-check"; return 1; }
  # Type-checked just above; --noCheck only skips checking it twice.
  (cd "$TS_SMOKE_DIR" && rm -rf build && "$TSC" --noCheck && node build/smoke.js)
}

run_python() {
  ensure_python_venv
  # Reinstall the generated client only when it changed. It is built from a copy, so the
  # build's by-products stay out of .tools/sdk/python.
  local want
  want=$(cd "$SDK_OUT/python" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256_of -)
  if [ "$(cat "$PY_VENV/.sdk-client-sha256" 2>/dev/null)" != "$want" ]; then
    local build_dir
    build_dir=$(mktemp -d)
    cp -R "$SDK_OUT/python/." "$build_dir"
    # --no-build-isolation: build with the setuptools pinned in requirements.txt, offline.
    "$PY_VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps \
      --no-build-isolation --force-reinstall "$build_dir"
    rm -rf "$build_dir"
    echo "$want" >"$PY_VENV/.sdk-client-sha256"
  fi
  "$PY_VENV/bin/python" "$SDK_DIR/python/smoke.py"
}

declare -A result
for lang in typescript python; do
  echo
  # A subshell outside any `if`, so that errexit still holds inside it: a failed install or
  # build fails that language instead of being ignored.
  set +e
  (set -e; "run_$lang")
  status=$?
  set -e
  if [ "$status" -eq 0 ]; then result[$lang]=passed; else result[$lang]=FAILED; fi
done

failed=0
echo
echo "SDK smoke against $BASE_URL:"
for lang in typescript python; do
  echo "  $lang: ${result[$lang]}"
  [ "${result[$lang]}" = passed ] || failed=$((failed + 1))
done
echo "sdk-smoke: $((2 - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
