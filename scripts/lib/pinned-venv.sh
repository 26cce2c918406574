# shellcheck shell=bash
# Sourced, not run. The one way the project installs pinned Python tools.
#
#   venv=$(pinned_venv NAME REQUIREMENTS_FILE)
#
# Installs REQUIREMENTS_FILE once per machine into a virtualenv outside the work tree, so
# every clone on the machine (CI's fresh clones too) reuses it, and prints the venv's path.
# The venv is named by a hash of the pins and the Python version: a changed pin gets a new
# venv instead of being layered on an old one. The stamp is written last, so an interrupted
# install is redone from scratch rather than mistaken for a finished one.
#
#   PATIENT_SERVICE_TOOLS  where the venvs live (default ${XDG_CACHE_HOME:-~/.cache}/patient-service)
pinned_venv() {
  local name=$1 requirements=$2 key root venv
  key=$({ python3 --version; cat "$requirements"; } | sha256sum | cut -c1-12)
  root=${PATIENT_SERVICE_TOOLS:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/patient-service}
  venv=$root/$name-$key
  if [ ! -f "$venv/.installed" ]; then
    echo "Installing the pins of $requirements into $venv (once per machine)" >&2
    rm -rf "$venv"
    mkdir -p "$root"
    python3 -m venv "$venv" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check --no-input -r "$requirements" >&2 ||
      { echo "pip install -r $requirements failed" >&2; return 1; }
    touch "$venv/.installed"
  fi
  printf '%s\n' "$venv"
}
