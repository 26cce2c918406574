#!/usr/bin/env bash
# Runs a release's schema migrations as a one-off ECS task and waits for it: the deploy
# pipeline's step before the service update, and the manual one of docs/runbooks/deploy.md.
#
#   scripts/deploy/run-migrations.sh ENV_DIR IMAGE
#     ENV_DIR  infra/terraform/envs/<env>, after terraform init (its `deploy` output is read)
#     IMAGE    the release image, <ecr-repository-url>:<tag>
#
# Registers a revision of the Terraform-managed migration task definition that differs only
# in IMAGE, runs it in the private subnets with the migration security group, waits until it
# stops (at most MIGRATION_TIMEOUT_SECONDS, default 1800) and fails unless the migration
# container exited 0. Prints where its log is. Needs the AWS CLI, jq and terraform, with
# credentials for the environment's account.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 ENV_DIR IMAGE" >&2; exit 2; }
ENV_DIR=$1
image=$2
# shellcheck source=scripts/deploy/lib.sh
. "$(dirname "$0")/lib.sh"

cluster=$(deploy_output .migration.cluster)
family=$(deploy_output .migration.task_definition)
container=$(deploy_output .migration.container_name)
subnets=$(deploy_output '.migration.subnet_ids | join(",")')
security_group=$(deploy_output .migration.security_group_id)

# The Terraform-managed definition with only the image replaced (RunTask cannot override it).
revision=$(aws ecs describe-task-definition --task-definition "$family" --include TAGS --output json \
  | jq --arg image "$image" --arg name "$container" '
      .tags as $tags
      | .taskDefinition
      | .containerDefinitions |= map(if .name == $name then .image = $image else . end)
      | {family, taskRoleArn, executionRoleArn, networkMode, containerDefinitions, volumes,
         requiresCompatibilities, cpu, memory, runtimePlatform}
      + (if ($tags // []) | length > 0 then {tags: $tags} else {} end)')
task_definition=$(aws ecs register-task-definition --cli-input-json "$revision" \
  --query taskDefinition.taskDefinitionArn --output text)
echo "migrations: $task_definition ($image)"

run=$(aws ecs run-task --cluster "$cluster" --task-definition "$task_definition" --launch-type FARGATE --count 1 \
  --network-configuration "awsvpcConfiguration={subnets=[$subnets],securityGroups=[$security_group],assignPublicIp=DISABLED}" \
  --started-by "migrations-${GITHUB_RUN_ID:-manual}" --propagate-tags TASK_DEFINITION --output json)
task=$(jq -r '.tasks[0].taskArn // empty' <<<"$run")
[ -n "$task" ] || die "the migration task did not start: $(jq -c '.failures' <<<"$run")"
echo "migrations: started $task"

deadline=$((SECONDS + ${MIGRATION_TIMEOUT_SECONDS:-1800}))
while :; do
  status=$(aws ecs describe-tasks --cluster "$cluster" --tasks "$task" --query 'tasks[0].lastStatus' --output text)
  [ "$status" != STOPPED ] || break
  [ "$SECONDS" -lt "$deadline" ] || {
    aws ecs stop-task --cluster "$cluster" --task "$task" --reason "migration timeout" >/dev/null || true
    die "the migration task did not finish in time; it was stopped"
  }
  sleep "${POLL_SECONDS:-10}"
done

result=$(aws ecs describe-tasks --cluster "$cluster" --tasks "$task" --output json)
exit_code=$(jq -r --arg name "$container" '.tasks[0].containers[] | select(.name == $name) | .exitCode // "none"' <<<"$result")
echo "migrations: logs in $(deploy_output .migration.log_group_name), stream $(deploy_output .migration.log_stream_prefix)/$container/${task##*/}"
if [ "$exit_code" != 0 ]; then
  die "the migrations failed (exit code $exit_code, $(jq -r '.tasks[0].stoppedReason' <<<"$result")); nothing was deployed"
fi
echo "migrations: applied"
