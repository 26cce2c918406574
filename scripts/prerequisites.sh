#!/usr/bin/env bash
# Checks, before anything slow starts, that this machine has what a Makefile target needs, and
# installs what is missing from Debian's packages when it can.
#
#   scripts/prerequisites.sh run    what `make run` needs
#   scripts/prerequisites.sh up     what `make up` needs (a container engine and compose)
#   scripts/prerequisites.sh test   what `make test` needs (a superset of both)
#
# As root, missing Debian packages are installed with apt-get (after `apt-get update`). As
# any other user the script stops at once and prints the exact command to run. Tools that
# Debian does not package (the Rust toolchain, Terraform and its provider mirror) can only be
# reported. Everything else the targets use (openapi-generator, schemathesis, dredd, spectral,
# checkov, hadolint, check-jsonschema, zizmor, the SDK toolchains) is pinned and installed by
# the targets themselves from PyPI and npm into caches.
#
# Everything it may install for `make test`, in one transaction, on a fresh Debian machine
# (the checks below pick the missing ones; this is the same command with all of them):
#   apt-get install -y --no-install-recommends postgresql postgresql-client chromium podman runc netavark aardvark-dns docker-compose debootstrap shellcheck openjdk-17-jre-headless python3-venv nodejs npm git curl uidmap slirp4netns fuse-overlayfs
set -euo pipefail

target=${1:-}
case "$target" in
  run | up | test) ;;
  *) echo "usage: $0 run|up|test" >&2; exit 2 ;;
esac

missing_packages=()  # Debian packages that would provide what is missing
problems=()          # what no package can fix

need_package() { # need_package PACKAGE WHY
  local package=$1
  for known in "${missing_packages[@]}"; do [ "$known" = "$package" ] && return; done
  missing_packages+=("$package")
  echo "prerequisites: missing $2 (Debian package $package)" >&2
}

have() { command -v "$1" >/dev/null 2>&1; }

# PostgreSQL's server binaries live off PATH on Debian, under /usr/lib/postgresql/<major>/bin.
pg_server_bin() {
  local newest
  newest=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1 || true)
  if [ -n "$newest" ] && [ -x "$newest/initdb" ] && [ -x "$newest/pg_ctl" ]; then echo "$newest"; return; fi
  if have initdb && have pg_ctl; then dirname "$(command -v initdb)"; fi
}

major_version() { # major_version "v20.11.1" -> 20
  sed -E 's/^[^0-9]*([0-9]+).*/\1/' <<<"$1"
}

# The container engine of `make up` and the compose acceptance test: a Docker engine with
# compose where one answers, else Debian's podman set up as scripts/containers/engine.sh
# uses it (runc, netavark networks with aardvark-dns names, docker-compose against podman's
# API socket), and debootstrap for the stand-in base images (scripts/containers/stand-ins.sh).
container_stack() {
  if [ "${CONTAINER_ENGINE:-}" != podman ] && have docker && docker info >/dev/null 2>&1; then
    docker compose version >/dev/null 2>&1 || have docker-compose || need_package docker-compose "a compose for the Docker engine"
    return
  fi
  have podman || need_package podman "podman (no Docker engine answers here)"
  have runc || need_package runc "runc (podman's OCI runtime here; crun fails on this kernel's cgroups)"
  [ -x /usr/lib/podman/netavark ] || need_package netavark "netavark (podman's container networks)"
  [ -x /usr/lib/podman/aardvark-dns ] || need_package aardvark-dns "aardvark-dns (service names on compose networks)"
  have iptables || need_package iptables "iptables (published ports)"
  have docker-compose || need_package docker-compose "docker-compose (compose against podman's API socket)"
  if [ "${BASE_IMAGES:-stand-in}" != pull ]; then
    have debootstrap || need_package debootstrap "debootstrap (stand-in base images from the Debian mirror)"
    have rustc || problems+=("the Rust toolchain (rustc): the stand-in build image carries this machine's toolchain")
  fi
  if [ "$(id -u)" != 0 ]; then
    # Rootless podman.
    have newuidmap || need_package uidmap "newuidmap (rootless podman)"
    have slirp4netns || need_package slirp4netns "slirp4netns (rootless podman networking)"
    have fuse-overlayfs || need_package fuse-overlayfs "fuse-overlayfs (rootless podman storage)"
  fi
}

# --- needed by every target -------------------------------------------------------------
for tool in sha256sum od head; do have "$tool" || need_package coreutils "$tool"; done
have curl || need_package curl "curl"
if [ "$target" = up ]; then
  container_stack
  have git || need_package git "git"
  have python3 || need_package python3 "python3 (make seed)"
fi
if [ "$target" != up ]; then
  have cargo || problems+=("the Rust toolchain (cargo): install it with rustup, https://rustup.rs (Rust 1.94+)")
  have psql || need_package postgresql-client "psql"
fi
if [ "$target" != up ] && { [ -z "${DATABASE_URL:-}" ] || [ "$target" = test ]; }; then
  # Without DATABASE_URL both targets create their own cluster from the server binaries.
  [ -n "$(pg_server_bin)" ] || need_package postgresql "the PostgreSQL server binaries (initdb, pg_ctl)"
fi
if [ "$(id -u)" = 0 ] && ! have runuser && ! have su; then
  need_package util-linux "runuser (PostgreSQL refuses to run as root)"
fi

# --- needed by `make test` only ---------------------------------------------------------
if [ "$target" = test ]; then
  have git || need_package git "git"
  have diff || need_package diffutils "diff"
  if ! have python3; then
    need_package python3 "python3"
    need_package python3-venv "python3's venv module"
  elif ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
    need_package python3-venv "python3's venv module"
  fi
  if ! have java || [ "$(major_version "$(java -version 2>&1 | head -n 1 | sed -E 's/.*version "([^"]*)".*/\1/')")" -lt 17 ]; then
    need_package openjdk-17-jre-headless "Java 17+ (openapi-generator)"
  fi
  if ! have node || ! have npm; then
    need_package nodejs "Node.js 20+ (dredd, spectral, the TypeScript SDK)"
    need_package npm "npm"
  elif [ "$(major_version "$(node --version)")" -lt 20 ]; then
    problems+=("Node.js 20+ (found $(node --version)): install a newer nodejs, e.g. from NodeSource")
  fi
  have shellcheck || need_package shellcheck "shellcheck (every script is checked)"
  container_stack
  chromium=${CHROMIUM:-/usr/bin/chromium}
  [ -x "$chromium" ] || need_package chromium "Chromium at $chromium (the headless-browser docs check)"
  # Terraform and its AWS provider are not Debian packages: machines of this kind carry them.
  if ! have terraform || [ ! -d /opt/tf-plugins/registry.terraform.io/hashicorp/aws ]; then
    if [ "${CI:-}" = true ]; then
      problems+=("Terraform 1.11+ on PATH and the hashicorp/aws provider mirror in /opt/tf-plugins (infra checks)")
    else
      echo "prerequisites: no Terraform or provider mirror; the infra checks will be skipped" >&2
    fi
  fi
fi

if [ "${#problems[@]}" -gt 0 ]; then
  printf 'prerequisites: cannot be installed automatically: %s\n' "${problems[@]}" >&2
  if [ "${#missing_packages[@]}" -gt 0 ]; then
    echo "prerequisites: and Debian packages are missing: apt-get install -y ${missing_packages[*]}" >&2
  fi
  exit 1
fi

if [ "${#missing_packages[@]}" -gt 0 ]; then
  command="apt-get update && apt-get install -y --no-install-recommends ${missing_packages[*]}"
  if [ "$(id -u)" != 0 ]; then
    echo >&2
    echo "make $target needs Debian packages that are not installed. Run:" >&2
    echo "  sudo sh -c '$command'" >&2
    echo "then run make $target again." >&2
    exit 1
  fi
  if ! have apt-get; then
    echo "prerequisites: install these packages with your system's package manager: ${missing_packages[*]}" >&2
    exit 1
  fi
  echo "prerequisites: installing ${missing_packages[*]} (running as root)" >&2
  export DEBIAN_FRONTEND=noninteractive
  log=$(mktemp)
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing_packages[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "prerequisites: apt-get failed (see above)" >&2
    exit 1
  fi
  rm -f "$log"
  # Re-check: a package that installed but did not provide the tool is a real failure.
  exec "$0" "$target"
fi
echo "prerequisites for make $target: all present" >&2
