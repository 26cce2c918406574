#!/usr/bin/env bash
# Suspends or resumes the service's scale-in around a deploy, so Application Auto Scaling
# never removes tasks while a rollout replaces them (infra/terraform/modules/app/
# autoscaling.tf leaves the suspended state to this script):
#
#   scripts/deploy/scale-in.sh ENV_DIR suspend   before terraform apply rolls out
#   scripts/deploy/scale-in.sh ENV_DIR resume    afterwards, whatever the outcome
#
# Scale-out stays on throughout: a deploy under load may still add tasks.
set -euo pipefail

env_dir=${1:?usage: scale-in.sh ENV_DIR suspend|resume}
action=${2:?usage: scale-in.sh ENV_DIR suspend|resume}
case "$action" in
  suspend) suspended=true ;;
  resume) suspended=false ;;
  *) echo "usage: scale-in.sh ENV_DIR suspend|resume" >&2; exit 2 ;;
esac

deploy=$(terraform -chdir="$env_dir" output -json deploy)
cluster=$(jq -r .cluster <<<"$deploy")
service=$(jq -r .service <<<"$deploy")

aws application-autoscaling register-scalable-target \
  --service-namespace ecs \
  --scalable-dimension ecs:service:DesiredCount \
  --resource-id "service/$cluster/$service" \
  --suspended-state "DynamicScalingInSuspended=$suspended"
echo "scale-in of $cluster/$service: $([ "$suspended" = true ] && echo suspended || echo resumed)"
