#!/usr/bin/env bash
# Prints the image tag the service runs now (its primary deployment), for the rollback of a
# failed deploy: `terraform apply -var image_tag=<this>` brings back the last good release.
#
#   scripts/deploy/current-image-tag.sh ENV_DIR
#
# Prints nothing when the service does not exist yet (the environment's first deploy).
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 ENV_DIR" >&2; exit 2; }
ENV_DIR=$1
# shellcheck source=scripts/deploy/lib.sh
. "$(dirname "$0")/lib.sh"

primary=$(primary_deployment 2>/dev/null || true)
if [ -n "$primary" ]; then
  image=$(task_definition_image "$(jq -r .taskDefinition <<<"$primary")")
  echo "${image##*:}"
fi
