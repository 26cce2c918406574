#!/usr/bin/env bash
# Offline checks for the Terraform under infra/terraform, run by `make test`:
#   1. terraform fmt -check -recursive
#   2. the environments are the same thin root module (only their
#      terraform.tfvars, backend.tf and tests/stack.tftest.hcl differ)
#   3. terraform init -backend=false + validate, for every environment
#   4. terraform test (mocked AWS provider), for every module and environment
#   5. checkov over infra/ (zero failed checks; skips only inline, with reasons)
#
# Steps 1, 3 and 4 need the terraform CLI and, for 3-4, the provider mirror at
# /opt/tf-plugins; where they are missing those steps are skipped with a
# message. Step 5 needs python3 with venv (and PyPI the first time on a machine:
# scripts/lib/pinned-venv.sh installs checkov). Any finding exits non-zero.
set -euo pipefail

INFRA_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TF_DIR="$INFRA_DIR/terraform"
# Must match the path in terraform/terraformrc.
MIRROR=/opt/tf-plugins

start=$SECONDS

# Test order, longest suites first so the two workers finish close together:
# app, then the envs (each applies a whole stack for its moved test), then the
# rest (MODULES[0] runs first, the other modules after the envs).
MODULES=(app stack database network observability secrets audit)
ENVS=(dev staging prod)

header() { printf '\n=== infra: %s (at %ss) ===\n' "$*" "$((SECONDS - start))"; }
skip() { printf 'SKIP: %s\n' "$*"; }
fail() {
  printf 'FAIL: %s\n' "$*" >&2
  exit 1
}

# --- Terraform ---------------------------------------------------------------

# The committed CLI config installs providers from the local mirror only, so
# nothing here ever reaches for the network.
export TF_CLI_CONFIG_FILE="$TF_DIR/terraformrc"
export TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1

have_terraform=true
command -v terraform >/dev/null 2>&1 || have_terraform=false
have_mirror=true
[ -d "$MIRROR/registry.terraform.io/hashicorp/aws" ] || have_mirror=false

# init is idempotent and, from the unpacked mirror, only symlinks the provider,
# so it is cheap to run every time. Environments commit their lock file
# (generated from the mirror), so it must not change here.
tf_init() {
  local dir=$1 log
  shift
  log=$(mktemp)
  terraform -chdir="$dir" init -backend=false -input=false -no-color "$@" >"$log" 2>&1 || {
    cat "$log" >&2
    rm -f "$log"
    fail "terraform init in ${dir#"$INFRA_DIR"/}"
  }
  rm -f "$log"
}

header "terraform fmt -check -recursive"
if $have_terraform; then
  # sed reads to the end: `head` could close the pipe early and, under pipefail, fail the
  # run with SIGPIPE (exit 141) whenever terraform prints a second line.
  terraform version | sed -n 1p
  terraform fmt -check -recursive -diff "$TF_DIR" || fail "terraform fmt: run 'terraform fmt -recursive infra/terraform'"
  echo "ok: formatting"
else
  skip "terraform not found on PATH"
fi

header "environments differ only in inputs"
# Everything else is modules/stack; a file here that differs between envs (or
# exists in only one) would let their structure drift apart again.
per_env=(terraform.tfvars backend.tf tests/stack.tftest.hcl)
env_files() {
  (cd "$TF_DIR/envs/$1" && find . -type f \( -name '*.tf' -o -name '*.tfvars' -o -name '*.tftest.hcl' \) -not -path './.terraform/*' | sort)
}
first=${ENVS[0]}
for env in "${ENVS[@]:1}"; do
  if ! files_diff=$(diff <(env_files "$first") <(env_files "$env")); then
    printf '%s\n' "$files_diff" >&2
    fail "envs/$first and envs/$env must have the same files"
  fi
  while read -r f; do
    f=${f#./}
    for p in "${per_env[@]}"; do [ "$f" = "$p" ] && continue 2; done
    cmp -s "$TF_DIR/envs/$first/$f" "$TF_DIR/envs/$env/$f" ||
      fail "envs/$env/$f differs from envs/$first/$f: environments may differ only in ${per_env[*]}"
  done < <(env_files "$first")
done
echo "ok: ${ENVS[*]} differ only in ${per_env[*]}"

header "terraform validate (every environment)"
if ! $have_terraform; then
  skip "terraform not found on PATH"
elif ! $have_mirror; then
  skip "provider mirror $MIRROR not found"
else
  for env in "${ENVS[@]}"; do
    dir="$TF_DIR/envs/$env"
    tf_init "$dir" -lockfile=readonly
    terraform -chdir="$dir" validate -no-color || fail "terraform validate in envs/$env"
    echo "ok: envs/$env"
  done
fi

header "terraform test (mocked provider, every module and environment)"
if ! $have_terraform; then
  skip "terraform not found on PATH"
elif ! $have_mirror; then
  skip "provider mirror $MIRROR not found"
else
  # Module lock files are not committed (modules do not pin providers for
  # their callers), so init may write them.
  for mod in "${MODULES[@]}"; do
    tf_init "$TF_DIR/modules/$mod"
  done
  # Run two at a time: each test run is dominated by starting the ~700 MB
  # provider, and CI machines have two cores. Output is printed per directory.
  logs=$(mktemp -d)
  trap 'rm -rf "$logs"' EXIT
  dirs=("modules/${MODULES[0]}")
  for env in "${ENVS[@]}"; do dirs+=("envs/$env"); done
  for mod in "${MODULES[@]:1}"; do dirs+=("modules/$mod"); done
  # shellcheck disable=SC2016 # the inner script expands its own positional arguments
  printf '%s\n' "${dirs[@]}" | xargs -P 2 -I{} sh -c \
    'terraform -chdir="$1/$2" test -no-color >"$3/$(echo "$2" | tr / _).log" 2>&1; echo $? >"$3/$(echo "$2" | tr / _).rc"' \
    sh "$TF_DIR" {} "$logs"
  failed=()
  passed_runs=0
  failed_runs=0
  for d in "${dirs[@]}"; do
    name=$(echo "$d" | tr / _)
    echo "--- $d"
    # Drop the per-resource lists terraform prints when a failed run leaves
    # mocked state behind; the errors above them are what matters.
    grep -v '^  - ' "$logs/$name.log" || true
    [ "$(cat "$logs/$name.rc")" = 0 ] || failed+=("$d")
    passed_runs=$((passed_runs + $(grep -c '^  run ".*"\.\.\. pass$' "$logs/$name.log" || true)))
    failed_runs=$((failed_runs + $(grep -c '^  run ".*"\.\.\. fail$' "$logs/$name.log" || true)))
  done
  echo
  echo "terraform-test: $passed_runs passed, $failed_runs failed"
  [ ${#failed[@]} -eq 0 ] || fail "terraform test failed in: ${failed[*]}"
fi

# --- checkov -------------------------------------------------------------------

header "checkov"
command -v python3 >/dev/null 2>&1 || fail "python3 is required for checkov"

# shellcheck source=scripts/lib/pinned-venv.sh
source "$INFRA_DIR/../scripts/lib/pinned-venv.sh"
venv=$(pinned_venv checkov "$INFRA_DIR/requirements-checkov.txt") || fail "installing checkov"
"$venv/bin/checkov" --version

# --skip-download: no call home for guidelines (the checks are all local).
# .terraform/ and hidden directories are excluded by checkov itself.
"$venv/bin/checkov" \
  --directory "$INFRA_DIR" \
  --framework terraform \
  --skip-download \
  --compact \
  --quiet ||
  fail "checkov found failed checks (fix them, or skip inline with '#checkov:skip=<ID>:<reason>')"
echo "ok: checkov, no failed checks"

printf '\n=== infra: all checks passed in %ss ===\n' "$((SECONDS - start))"
