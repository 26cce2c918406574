#!/usr/bin/env bash
# Checks, before anything slow starts, that this machine has what a Makefile target needs, and
# installs what is missing from Debian's packages when it can.
#
#   scripts/prerequisites.sh run    what `make run` needs
#   scripts/prerequisites.sh up     what `make up` needs (a container engine and compose)
#   scripts/prerequisites.sh test   what `make test` needs (a superset of both)
#
# As root, when a check finds something missing, the target's Debian packages are installed
# with apt-get (after `apt-get update`; packages already there are left as they are). As any
# other user the script stops at once and prints the exact command to run. Tools that Debian
# does not package (the Rust toolchain, Terraform and its provider mirror) can only be
# reported. Everything else the targets use (openapi-generator, schemathesis, dredd, spectral,
# checkov, hadolint, check-jsonschema, zizmor, Locust, moto, the SDK toolchains) is pinned and
# installed by the targets themselves from PyPI and npm into caches.
set -euo pipefail

target=${1:-}
case "$target" in
  run | up | test) ;;
  *) echo "usage: $0 run|up|test" >&2; exit 2 ;;
esac

# The install commands, one per group of packages: the only place that names what each
# target installs. The checks below only decide which groups to run and say why.
install_base_run() {
  apt-get install -y -qq --no-install-recommends --no-upgrade coreutils curl util-linux postgresql postgresql-client
}
install_base_up() {
  apt-get install -y -qq --no-install-recommends --no-upgrade coreutils curl git python3
}
install_base_test() {
  apt-get install -y -qq --no-install-recommends --no-upgrade coreutils curl util-linux postgresql postgresql-client git diffutils python3 python3-venv openjdk-17-jre-headless
  # The browser tests (contract-tests) and the script linter (static-checks).
  apt-get install -y -qq --no-install-recommends --no-upgrade chromium shellcheck
}
# Apart: NodeSource's nodejs (Node 20 on Debian 12) carries npm and conflicts with Debian's npm.
install_node() {
  apt-get install -y -qq --no-install-recommends --no-upgrade nodejs npm
}
# Debian's podman as scripts/containers/engine.sh uses it (with runc), debootstrap for the
# stand-in base images, and what rootless podman needs.
install_podman() {
  apt-get install -y -qq --no-install-recommends --no-upgrade podman runc debootstrap netavark aardvark-dns iptables docker-compose uidmap slirp4netns fuse-overlayfs
}
install_docker_compose() {
  apt-get install -y -qq --no-install-recommends --no-upgrade docker-compose
}

missing_groups=()  # install_* functions that provide what is missing
problems=()        # what no package can fix

need_package() { # need_package GROUP PACKAGE WHY
  local group=$1 known
  echo "prerequisites: missing $3 (Debian package $2)" >&2
  for known in "${missing_groups[@]}"; do [ "$known" = "$group" ] && return; done
  missing_groups+=("$group")
}

install_groups() { # install_groups GROUP...
  local group
  for group in "$@"; do "$group" || return 1; done
}

# The apt-get commands of an install_* function, as text, for the message to a non-root user.
commands_of() { declare -f "$1" | grep -o 'apt-get install[^;]*'; }

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
    docker compose version >/dev/null 2>&1 || have docker-compose || need_package install_docker_compose docker-compose "a compose for the Docker engine"
    return
  fi
  have podman || need_package install_podman podman "podman (no Docker engine answers here)"
  have runc || need_package install_podman runc "runc (podman's OCI runtime here; crun fails on this kernel's cgroups)"
  [ -x /usr/lib/podman/netavark ] || need_package install_podman netavark "netavark (podman's container networks)"
  [ -x /usr/lib/podman/aardvark-dns ] || need_package install_podman aardvark-dns "aardvark-dns (service names on compose networks)"
  have iptables || need_package install_podman iptables "iptables (published ports)"
  have docker-compose || need_package install_podman docker-compose "docker-compose (compose against podman's API socket)"
  if [ "${BASE_IMAGES:-stand-in}" != pull ]; then
    have debootstrap || need_package install_podman debootstrap "debootstrap (stand-in base images from the Debian mirror)"
    have rustc || problems+=("the Rust toolchain (rustc): the stand-in build image carries this machine's toolchain")
  fi
  if [ "$(id -u)" != 0 ]; then
    # Rootless podman.
    have newuidmap || need_package install_podman uidmap "newuidmap (rootless podman)"
    have slirp4netns || need_package install_podman slirp4netns "slirp4netns (rootless podman networking)"
    have fuse-overlayfs || need_package install_podman fuse-overlayfs "fuse-overlayfs (rootless podman storage)"
  fi
}

# --- needed by every target -------------------------------------------------------------
for tool in sha256sum od head; do have "$tool" || need_package "install_base_$target" coreutils "$tool"; done
have curl || need_package "install_base_$target" curl "curl"
if [ "$target" = up ]; then
  container_stack
  have git || need_package "install_base_$target" git "git"
  have python3 || need_package "install_base_$target" python3 "python3 (make seed)"
fi
if [ "$target" != up ]; then
  have cargo || problems+=("the Rust toolchain (cargo): install it with rustup, https://rustup.rs (Rust 1.94+)")
  have psql || need_package "install_base_$target" postgresql-client "psql"
fi
if [ "$target" != up ] && { [ -z "${DATABASE_URL:-}" ] || [ "$target" = test ]; }; then
  # Without DATABASE_URL both targets create their own cluster from the server binaries.
  [ -n "$(pg_server_bin)" ] || need_package "install_base_$target" postgresql "the PostgreSQL server binaries (initdb, pg_ctl)"
fi
if [ "$(id -u)" = 0 ] && ! have runuser && ! have su; then
  need_package "install_base_$target" util-linux "runuser (PostgreSQL refuses to run as root)"
fi

# --- needed by `make test` only ---------------------------------------------------------
if [ "$target" = test ]; then
  have git || need_package "install_base_$target" git "git"
  have diff || need_package "install_base_$target" diffutils "diff"
  if ! have python3; then
    need_package "install_base_$target" python3 "python3"
    need_package "install_base_$target" python3-venv "python3's venv module"
  elif ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
    need_package "install_base_$target" python3-venv "python3's venv module"
  fi
  if ! have java || [ "$(major_version "$(java -version 2>&1 | head -n 1 | sed -E 's/.*version "([^"]*)".*/\1/')")" -lt 17 ]; then
    need_package "install_base_$target" openjdk-17-jre-headless "Java 17+ (openapi-generator)"
  fi
  if ! have node || ! have npm; then
    need_package install_node nodejs "Node.js 20+ (dredd, spectral, the TypeScript SDK)"
    need_package install_node npm "npm"
  elif [ "$(major_version "$(node --version)")" -lt 20 ]; then
    problems+=("Node.js 20+ (found $(node --version)): install a newer nodejs, e.g. from NodeSource")
  fi
  have shellcheck || need_package "install_base_$target" shellcheck "shellcheck (every script is checked)"
  container_stack
  chromium=${CHROMIUM:-/usr/bin/chromium}
  [ -x "$chromium" ] || need_package "install_base_$target" chromium "Chromium at $chromium (the headless-browser docs check)"
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
  for group in "${missing_groups[@]}"; do
    commands_of "$group" | sed 's/^/prerequisites: and Debian packages are missing: /' >&2
  done
  exit 1
fi

if [ "${#missing_groups[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo >&2
    echo "make $target needs Debian packages that are not installed. Run:" >&2
    echo "  sudo apt-get update" >&2
    for group in "${missing_groups[@]}"; do commands_of "$group" | sed 's/^/  sudo /' >&2; done
    echo "then run make $target again." >&2
    exit 1
  fi
  if ! have apt-get; then
    echo "prerequisites: install the packages named above with your system's package manager" >&2
    exit 1
  fi
  if [ -n "${PREREQUISITES_INSTALLED:-}" ]; then
    echo "prerequisites: still missing after apt-get installed the packages (see above)" >&2
    exit 1
  fi
  echo "prerequisites: installing Debian packages with apt-get (running as root)" >&2
  export DEBIAN_FRONTEND=noninteractive
  log=$(mktemp)
  if ! { apt-get update -qq && install_groups "${missing_groups[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "prerequisites: apt-get failed (see above)" >&2
    exit 1
  fi
  rm -f "$log"
  # Re-check: a package that installed but did not provide the tool is a real failure.
  PREREQUISITES_INSTALLED=1 exec "$0" "$target"
fi
echo "prerequisites for make $target: all present" >&2
