# shellcheck shell=bash
# Shared by the deploy scripts (sourced): the environment's `deploy` output and AWS helpers.
# Needs the AWS CLI, jq and terraform; ENV_DIR is an initialised infra/terraform/envs/<env>.

die() { echo "${0##*/}: $*" >&2; exit 1; }

for tool in aws jq terraform; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool not found"
done

# deploy_output FILTER: a jq filter over the environment's `deploy` output.
deploy_json=""
deploy_output() {
  if [ -z "$deploy_json" ]; then
    deploy_json=$(terraform -chdir="$ENV_DIR" output -json deploy) || die "no 'deploy' output in $ENV_DIR (terraform init, and apply once)"
  fi
  jq -er "$1" <<<"$deploy_json"
}

# The service's primary (newest) deployment: {taskDefinition, rolloutState, runningCount,
# desiredCount}; empty when the service does not exist.
primary_deployment() {
  aws ecs describe-services --cluster "$(deploy_output .cluster)" --services "$(deploy_output .service)" --output json \
    | jq -c '.services[0].deployments // [] | map(select(.status == "PRIMARY"))[0]
             | select(.) | {taskDefinition, rolloutState, runningCount, desiredCount}'
}

# The image a task definition runs (its first container).
task_definition_image() {
  aws ecs describe-task-definition --task-definition "$1" --output json | jq -r '.taskDefinition.containerDefinitions[0].image'
}
