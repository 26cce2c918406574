#!/usr/bin/env bash
# Checks that a deploy really landed: the service's primary deployment runs IMAGE_TAG, its
# rollout COMPLETED (the circuit breaker did not roll it back: a rolled-back service is
# steady too, so a green `terraform apply` alone proves nothing), every desired task runs,
# and the public endpoint answers /readyz with 200.
#
#   scripts/deploy/verify-deployment.sh ENV_DIR IMAGE_TAG
#
# Waits up to VERIFY_TIMEOUT_SECONDS (default 600). Needs the AWS CLI, jq, terraform, curl.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 ENV_DIR IMAGE_TAG" >&2; exit 2; }
ENV_DIR=$1
tag=$2
# shellcheck source=scripts/deploy/lib.sh
. "$(dirname "$0")/lib.sh"

service=$(deploy_output .service)
endpoint=$(deploy_output .endpoint_url)
deadline=$((SECONDS + ${VERIFY_TIMEOUT_SECONDS:-600}))

while :; do
  primary=$(primary_deployment)
  [ -n "$primary" ] || die "$service has no primary deployment"
  image=$(task_definition_image "$(jq -r .taskDefinition <<<"$primary")")
  state=$(jq -r '"\(.rolloutState) \(.runningCount)/\(.desiredCount)"' <<<"$primary")
  [ "${image##*:}" = "$tag" ] || die "the service runs ${image##*:}, not $tag: the deployment was rolled back"
  case "$state" in
    FAILED*) die "the deployment of $tag failed ($state)" ;;
    COMPLETED*) [ "$(jq '.runningCount == .desiredCount' <<<"$primary")" = true ] && break ;;
  esac
  [ "$SECONDS" -lt "$deadline" ] || die "the deployment of $tag is still $state"
  sleep "${POLL_SECONDS:-10}"
done
echo "verify: $service runs $tag, rollout $state"

until curl -fsS -o /dev/null --max-time 5 "$endpoint/readyz"; do
  [ "$SECONDS" -lt "$deadline" ] || die "$endpoint/readyz does not answer 200"
  sleep "${POLL_SECONDS:-5}"
done
echo "verify: $endpoint/readyz answers 200"
