#!/usr/bin/env bash
# Builds the service image from the Dockerfile with the local container engine (see
# engine.sh), labelled with this checkout's commit and the server's version.
#
#   scripts/containers/build-image.sh [TAG]     (default patient-service:local)
#
# Base images must be present (stand-ins.sh); the build never pulls unless BASE_IMAGES=pull.
# Layers are cached by the engine, outside the work tree, so a fresh clone of an unchanged
# tree rebuilds nothing. With podman, cargo's target/ and registry are also kept between
# builds, in IMAGE_BUILD_CACHE (default ~/.cache/patient-service-image-build; "off" to
# build without): a source change then recompiles only the workspace crates, and a new
# dependency only what changed, instead of the whole dependency layer. (Docker's BuildKit
# has its own layer cache, which CI uses.)
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=scripts/containers/engine.sh
. scripts/containers/engine.sh

tag=${1:-patient-service:local}
engine_init "${TMPDIR:-/tmp}/patient-service-engine-$$"
trap 'rm -rf "$ENGINE_STATE_DIR"' EXIT

revision=$(git rev-parse HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain 2>/dev/null)" ]; then revision="$revision-dirty"; fi
version=$(sed -nE 's/^version = "([^"]+)"/\1/p' server/Cargo.toml | head -n 1)

# The labels also on the command line: podman 4.3 reuses a cached LABEL step even when the
# build argument it expands has changed, which would leave an old revision on the image.
args=(build -t "$tag" --build-arg "VCS_REF=$revision" --build-arg "VERSION=$version"
  --label "org.opencontainers.image.revision=$revision" --label "org.opencontainers.image.version=$version")
if [ "$ENGINE" = podman ]; then
  # Podman writes OCI images by default, which drop HEALTHCHECK; Docker's format keeps it.
  # Base images are the stand-ins unless BASE_IMAGES=pull (Docker pulls what is missing).
  pull=--pull=never
  [ "${BASE_IMAGES:-stand-in}" != pull ] || pull=--pull=missing
  args=(build --format docker "$pull" "${args[@]:1}")
  cache=${IMAGE_BUILD_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/patient-service-image-build}
  if [ "$cache" != off ]; then
    mkdir -p "$cache/target" "$cache/registry"
    args+=(--volume "$cache/target:/build/target" --volume "$cache/registry:/usr/local/cargo/registry")
    echo "cargo's target/ and registry cached in $cache" >&2
  fi
fi
echo "building $tag ($ENGINE, revision $revision)" >&2
start=$SECONDS
engine "${args[@]}" -f Dockerfile .
echo "built $tag in $((SECONDS - start)) s" >&2
