#!/usr/bin/env bash
# The delivery files' static checks (`make static-checks`, part of `make test`), offline:
#   hadolint          Dockerfile and the stand-in Containerfiles
#   check-jsonschema  docker-compose.yml against the Compose Specification, the workflows
#                     and dependabot.yml against their schemas (the schemas it vendors)
#   zizmor --offline  the GitHub workflows' security (pinning, permissions, injection, ...)
#   ShellCheck        every shell script of the repository
#   check-runbooks    every command in docs/runbooks (and the deploy scripts) exists
# The Python tools are pinned in scripts/requirements-static-checks.txt and installed once
# per machine into a virtualenv under ~/.cache (PyPI the first time); shellcheck is Debian's.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/lib/pinned-venv.sh
source scripts/lib/pinned-venv.sh
venv=$(pinned_venv static-checks scripts/requirements-static-checks.txt)
command -v shellcheck >/dev/null || { echo "static-checks: shellcheck not found (scripts/prerequisites.sh installs it)" >&2; exit 1; }

failed=()
check() { # check NAME COMMAND...
  local name=$1
  shift
  printf '\n--- %s\n' "$name"
  if "$@"; then echo "ok: $name"; else failed+=("$name"); fi
}

containerfiles=(Dockerfile scripts/containers/stand-ins/*.Containerfile)
workflows=(.github/workflows/*.yml)
# Tracked and new (not ignored) files alike.
mapfile -t shell_scripts < <(git ls-files --cached --others --exclude-standard | while read -r f; do
  case "$f" in
    *.sh) echo "$f" ;;
    *) [ -f "$f" ] && head -n 1 "$f" | grep -qE '^#!.*\b(ba)?sh\b' && echo "$f" ;;
  esac
done || true)

check "hadolint ($(printf '%s ' "${containerfiles[@]}"))" "$venv/bin/hadolint" "${containerfiles[@]}"
check "compose spec (docker-compose.yml)" "$venv/bin/check-jsonschema" --builtin-schema vendor.compose-spec docker-compose.yml
check "workflow schema (${#workflows[@]} workflows)" "$venv/bin/check-jsonschema" --builtin-schema vendor.github-workflows "${workflows[@]}"
check "dependabot schema" "$venv/bin/check-jsonschema" --builtin-schema vendor.dependabot .github/dependabot.yml
check "zizmor --offline (.github/workflows)" "$venv/bin/zizmor" --offline --no-progress .github/workflows
check "shellcheck (${#shell_scripts[@]} scripts)" shellcheck -x "${shell_scripts[@]}"
check "runbook commands exist" "$venv/bin/python" scripts/check-runbooks.py docs/runbooks/*.md docs/ci-cd.md scripts/deploy/*.sh

echo
if [ ${#failed[@]} -gt 0 ]; then
  echo "static-checks: failed: ${failed[*]}" >&2
  exit 1
fi
echo "static-checks: all passed"
