#!/usr/bin/env bash
# Makes the base images that Dockerfile and docker-compose.yml name available to the local
# container engine. This kind of machine cannot pull them (no Docker Hub, no gcr.io), so each
# one that is missing is built from Debian packages and tagged with the very name the files
# use, so both files are used unmodified:
#
#   docker.io/library/debian:bookworm-slim    debootstrap --variant=minbase from the Debian mirror
#   docker.io/library/rust:<v>-slim-bookworm  Debian + gcc, with the host's Rust toolchain <v>
#   gcr.io/distroless/cc-debian12:nonroot     the Debian packages distroless cc is made of
#   docker.io/library/postgres:<major>-bookworm  Debian's postgresql-<major> + an entrypoint
#                                             that honours the official POSTGRES_* variables
#
#   scripts/containers/stand-ins.sh [IMAGE...]   (default: every image the two files name)
#
# An image already present that is not one of these stand-ins (a real, pulled one) is used
# as it is. A stand-in is rebuilt when its recipe changes (a hash of the files it is built
# from, kept as an image label). BASE_IMAGES=pull pulls the real images instead, where the
# registries are reachable. DEBIAN_MIRROR overrides the mirror. Needs root (debootstrap).
# docs/containers.md says how the stand-ins differ from the images they replace.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=scripts/containers
# shellcheck source=scripts/containers/engine.sh
. "$here/engine.sh"

LABEL=io.patient-service.stand-in
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

die() { echo "stand-ins: $*" >&2; exit 1; }
log() { echo "stand-ins: $*" >&2; }

# Every image reference of the Dockerfile (ARG defaults substituted) and the compose file.
referenced_images() {
  local -A args=()
  local line name value ref stages=" "
  while read -r line; do
    case "$line" in
      ARG\ *=*)
        name=${line#ARG }; name=${name%%=*}; value=${line#*=}
        args[$name]=${value//\"/}
        ;;
      FROM\ *)
        read -r _ ref _ stage <<<"$line"
        for name in "${!args[@]}"; do ref=${ref//\$\{$name\}/${args[$name]}}; done
        [[ "$stages" == *" $ref "* ]] || echo "$ref"
        [ -z "${stage:-}" ] || stages+="$stage "
        ;;
    esac
  done <Dockerfile
  sed -nE 's/^[[:space:]]+image:[[:space:]]*"?([^"[:space:]]+)"?.*/\1/p' docker-compose.yml | grep -v '\$' || true
}

# A stand-in's recipe: the Debian base's, and the files (and values) it is built from.
recipe_hash() { { echo "$debian_hash"; cat "$@"; } | sha256sum | cut -c1-16; }

# The label of a local image: empty when it is absent or not a stand-in.
stand_in_label() { engine image inspect --format "{{ index .Config.Labels \"$LABEL\" }}" "$1" 2>/dev/null | sed 's/<no value>//' || true; }
present() { engine image inspect "$1" >/dev/null 2>&1; }

# needs_build IMAGE HASH: true when IMAGE is absent, or a stand-in of another recipe.
needs_build() {
  local label
  if ! present "$1"; then return 0; fi
  label=$(stand_in_label "$1")
  if [ -z "$label" ]; then log "using the local image $1 (not a stand-in)"; return 1; fi
  [ "$label" != "$2" ]
}

build() { # build IMAGE HASH CONTAINERFILE CONTEXT [BUILD-ARGS...]
  local image=$1 hash=$2 file=$3 context=$4
  shift 4
  log "building $image from Debian packages"
  engine build --pull=never --format docker --label "$LABEL=$hash" -t "$image" -f "$file" "$@" "$context" >"$work/build.log" 2>&1 \
    || { tail -n 40 "$work/build.log" >&2; die "could not build $image"; }
}

# What the Debian base is made of; its hash is part of every stand-in's recipe, so they are
# rebuilt together when it changes (and only then).
DEBIAN_SUITE=bookworm
DEBIAN_RECIPE="debootstrap --variant=minbase $DEBIAN_SUITE $MIRROR; without docs, manuals, apt caches; sources $DEBIAN_SUITE $DEBIAN_SUITE-updates"
debian_hash=$(echo "$DEBIAN_RECIPE" | sha256sum | cut -c1-16)

stand_in_debian() {
  local image=docker.io/library/debian:bookworm-slim rootfs
  needs_build "$image" "$debian_hash" || return 0
  command -v debootstrap >/dev/null || die "debootstrap not found (scripts/prerequisites.sh installs it)"
  [ "$(id -u)" = 0 ] || die "building $image needs root (debootstrap); run this script once as root, or BASE_IMAGES=pull"
  log "building $image: $DEBIAN_RECIPE"
  rootfs="$work/rootfs"
  debootstrap --variant=minbase "$DEBIAN_SUITE" "$rootfs" "$MIRROR" >"$work/debootstrap.log" 2>&1 \
    || { tail -n 20 "$work/debootstrap.log" >&2; die "debootstrap failed"; }
  rm -rf "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
    "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  printf 'deb %s %s main\ndeb %s %s-updates main\n' "$MIRROR" "$DEBIAN_SUITE" "$MIRROR" "$DEBIAN_SUITE" >"$rootfs/etc/apt/sources.list"
  tar -C "$rootfs" -c . | engine import \
    --change "LABEL $LABEL=$debian_hash" --change 'CMD ["bash"]' \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    - "$image" >"$work/import.log" 2>&1 || { cat "$work/import.log" >&2; die "could not import $image"; }
  rm -rf "$rootfs"
}

stand_in_rust() { # stand_in_rust IMAGE VERSION
  local image=$1 version=$2 sysroot release host toolchain hash context
  command -v rustc >/dev/null || die "$image needs the host's Rust toolchain (rustc not found)"
  release=$(rustc --version --verbose | sed -n 's/^release: //p')
  host=$(rustc --version --verbose | sed -n 's/^host: //p')
  case "$release." in
    "$version".*) ;;
    *) die "the Dockerfile asks for Rust $version but this machine's toolchain is $release: set RUST_VERSION in Dockerfile to ${release%.*} (its build then uses the same compiler as the tests)" ;;
  esac
  sysroot=$(rustc --print sysroot)
  toolchain="$release-$host"
  hash=$(recipe_hash <(echo "$toolchain") "$here/stand-ins/rust.Containerfile" /etc/ssl/certs/ca-certificates.crt)
  needs_build "$image" "$hash" || return 0
  context="$work/rust"
  mkdir -p "$context/toolchain"
  # Documentation (share/) is half the toolchain and no build reads it.
  for part in bin lib libexec etc; do
    [ -e "$sysroot/$part" ] || continue
    cp -al "$sysroot/$part" "$context/toolchain/" 2>/dev/null || cp -a "$sysroot/$part" "$context/toolchain/"
  done
  cp /etc/ssl/certs/ca-certificates.crt "$context/"
  build "$image" "$hash" "$here/stand-ins/rust.Containerfile" "$context" --build-arg "TOOLCHAIN=$toolchain"
  rm -rf "$context"
}

stand_in_distroless_cc() { # stand_in_distroless_cc IMAGE
  local hash
  hash=$(recipe_hash "$here/stand-ins/distroless-cc.Containerfile")
  needs_build "$1" "$hash" || return 0
  build "$1" "$hash" "$here/stand-ins/distroless-cc.Containerfile" "$here/stand-ins"
}

stand_in_postgres() { # stand_in_postgres IMAGE MAJOR
  local hash
  hash=$(recipe_hash <(echo "$2") "$here/stand-ins/postgres.Containerfile" "$here/stand-ins/postgres-entrypoint.sh")
  needs_build "$1" "$hash" || return 0
  build "$1" "$hash" "$here/stand-ins/postgres.Containerfile" "$here/stand-ins" --build-arg "PG_MAJOR=$2"
}

engine_init "${TMPDIR:-/tmp}/patient-service-engine-$$"
work=$(mktemp -d "${TMPDIR:-/tmp}/patient-service-stand-ins.XXXXXX")
trap 'rm -rf "$work" "$ENGINE_STATE_DIR"' EXIT

if [ $# -gt 0 ]; then images=("$@"); else mapfile -t images < <(referenced_images | sort -u); fi

if [ "${BASE_IMAGES:-stand-in}" = pull ]; then
  for image in "${images[@]}"; do present "$image" || engine pull "$image"; done
  exit 0
fi

# Every stand-in but the base itself is built on top of the Debian base.
stand_in_debian
for image in "${images[@]}"; do
  case "$image" in
    docker.io/library/debian:bookworm-slim) ;;
    docker.io/library/rust:*-slim-bookworm)
      version=${image#docker.io/library/rust:}
      stand_in_rust "$image" "${version%-slim-bookworm}"
      ;;
    gcr.io/distroless/cc-debian12:nonroot) stand_in_distroless_cc "$image" ;;
    docker.io/library/postgres:*-bookworm)
      major=${image#docker.io/library/postgres:}
      stand_in_postgres "$image" "${major%-bookworm}"
      ;;
    *) present "$image" || log "no stand-in for $image: a service that uses it cannot start on this machine" ;;
  esac
done
log "base images ready: ${images[*]}"
