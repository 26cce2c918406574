#!/usr/bin/env bash
# Tests of the deploy scripts' own logic (`make deploy-scripts-test`, part of `make test`):
# what they send to AWS and how they judge its answers. Nothing here reaches AWS: `aws`,
# `terraform` and `curl` are stand-ins on PATH that answer like the real ones (the shapes
# of the ECS API's JSON) for a scenario, and record every call.
#
#   run-migrations.sh      registers the Terraform-managed definition with only the image
#                          changed (read-only fields dropped, tags kept), runs it with the
#                          migration network configuration, waits; exit 0 only for exit 0
#   verify-deployment.sh   passes only for the new tag, rollout COMPLETED, all tasks running
#   current-image-tag.sh   the tag the primary deployment runs; nothing before a first deploy
#   scale-in.sh            suspends / resumes only scale-in of the service's scalable target
set -euo pipefail
cd "$(dirname "$0")/../.."

work=$(mktemp -d "${TMPDIR:-/tmp}/patient-service-deploy-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin"
export CALLS="$work/calls" STATE="$work/state" POLL_SECONDS=0 VERIFY_TIMEOUT_SECONDS=5

cat >"$work/bin/terraform" <<'EOF'
#!/usr/bin/env bash
# terraform -chdir=ENV output -json deploy
[ "$2 $3 $4" = "output -json deploy" ] || { echo "unexpected terraform $*" >&2; exit 1; }
cat <<'JSON'
{"cluster": "patient-service-test", "service": "patient-service",
 "ecr_repository_url": "123456789012.dkr.ecr.us-east-1.amazonaws.com/patient-service-test",
 "endpoint_url": "https://api.test.example.com",
 "migration": {"cluster": "patient-service-test", "task_definition": "patient-service-test-migration",
   "container_name": "migration", "subnet_ids": ["subnet-a", "subnet-b"], "security_group_id": "sg-mig",
   "log_group_name": "/ecs/patient-service-test", "log_stream_prefix": "migration"}}
JSON
EOF

cat >"$work/bin/curl" <<'EOF'
#!/usr/bin/env bash
echo "curl $*" >>"$CALLS"
[ "${SCENARIO_READY:-yes}" = yes ]
EOF

cat >"$work/bin/aws" <<'EOF'
#!/usr/bin/env bash
# Answers as ECS would for $SCENARIO; records each call (the JSON input in its own file).
echo "aws $*" >>"$CALLS"
arg() { local want=$1; shift; while [ $# -gt 0 ]; do [ "$1" = "$want" ] && { echo "$2"; return; }; shift; done; }
case "$1 $2" in
  "ecs describe-task-definition")
    td=$(arg --task-definition "$@")
    if [ "$td" = patient-service-test-migration ]; then
      cat <<'JSON'
{"taskDefinition": {"taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/patient-service-test-migration:7",
  "family": "patient-service-test-migration", "revision": 7, "status": "ACTIVE",
  "taskRoleArn": "arn:aws:iam::123456789012:role/mig-task", "executionRoleArn": "arn:aws:iam::123456789012:role/mig-exec",
  "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
  "runtimePlatform": {"operatingSystemFamily": "LINUX", "cpuArchitecture": "X86_64"}, "volumes": [],
  "requiresAttributes": [{"name": "ecs.capability.execution-role-awslogs"}], "compatibilities": ["EC2", "FARGATE"],
  "registeredAt": "2026-12-01T00:00:00Z", "registeredBy": "arn:aws:sts::123456789012:assumed-role/deploy",
  "containerDefinitions": [{"name": "migration", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/patient-service-test:old",
    "command": ["/usr/local/bin/migration", "up"], "readonlyRootFilesystem": true}]},
 "tags": [{"key": "Environment", "value": "test"}]}
JSON
    else
      # Any other definition is a service revision, running $SCENARIO_RUNNING_TAG.
      image_tag=${SCENARIO_RUNNING_TAG:-new}
      echo "{\"taskDefinition\": {\"containerDefinitions\": [{\"name\": \"patient-service\", \"image\": \"repo/patient-service-test:$image_tag\"}]}}"
    fi
    ;;
  "ecs register-task-definition")
    arg --cli-input-json "$@" >"$STATE.registered.json"
    echo "arn:aws:ecs:us-east-1:123456789012:task-definition/patient-service-test-migration:8"
    ;;
  "ecs run-task")
    if [ "${SCENARIO_CAPACITY:-yes}" = yes ]; then
      echo '{"tasks": [{"taskArn": "arn:aws:ecs:us-east-1:123456789012:task/patient-service-test/0123abcd"}], "failures": []}'
    else
      echo '{"tasks": [], "failures": [{"reason": "RESOURCE:ENI"}]}'
    fi
    ;;
  "ecs describe-tasks")
    if [ "$(arg --output "$@")" = text ]; then
      # RUNNING on the first poll, STOPPED after.
      if [ -f "$STATE.polled" ]; then echo STOPPED; else touch "$STATE.polled"; echo RUNNING; fi
    else
      echo "{\"tasks\": [{\"lastStatus\": \"STOPPED\", \"stoppedReason\": \"Essential container in task exited\",
        \"containers\": [{\"name\": \"migration\", \"exitCode\": ${SCENARIO_EXIT_CODE:-0}}]}]}"
    fi
    ;;
  "ecs describe-services")
    if [ "${SCENARIO_SERVICE:-yes}" = no ]; then echo '{"services": [], "failures": [{"reason": "MISSING"}]}'; exit 0; fi
    cat <<JSON
{"services": [{"deployments": [
  {"status": "PRIMARY", "taskDefinition": "arn:aws:ecs:us-east-1:123456789012:task-definition/patient-service-test:12",
   "rolloutState": "${SCENARIO_ROLLOUT:-COMPLETED}", "runningCount": ${SCENARIO_RUNNING:-2}, "desiredCount": 2},
  {"status": "ACTIVE", "taskDefinition": "arn:aws:ecs:us-east-1:123456789012:task-definition/patient-service-test:11",
   "rolloutState": "COMPLETED", "runningCount": 0, "desiredCount": 0}]}]}
JSON
    ;;
  "ecs stop-task") ;;
  "application-autoscaling register-scalable-target")
    echo '{"ScalableTargetARN": "arn:aws:application-autoscaling:us-east-1:123456789012:scalable-target/abc"}'
    ;;
  *) echo "unexpected aws $*" >&2; exit 1 ;;
esac
EOF
chmod +x "$work/bin/"*
export PATH="$work/bin:$PATH"

passed=0
failed=0
check() { # check DESCRIPTION COMMAND...
  local what=$1
  shift
  if "$@"; then passed=$((passed + 1)); echo "ok - $what"; else failed=$((failed + 1)); echo "FAIL - $what"; fi
}
fresh() { rm -f "$CALLS" "$STATE".*; : >"$CALLS"; }
succeeds() { "$@" >"$work/out" 2>&1; }
fails() { ! "$@" >"$work/out" 2>&1; }
env_dir=infra/terraform/envs/dev
new_image=123456789012.dkr.ecr.us-east-1.amazonaws.com/patient-service-test:new

fresh
check "run-migrations: exit code 0 passes" succeeds scripts/deploy/run-migrations.sh "$env_dir" "$new_image"
registered="$STATE.registered.json"
check "it registers the migration family with the new image" \
  test "$(jq -r '[.family, .containerDefinitions[0].image] | join(" ")' "$registered")" = "patient-service-test-migration $new_image"
check "everything else of the definition is kept (command, roles, sizes, read-only root)" \
  test "$(jq -c '[.containerDefinitions[0].command, .taskRoleArn, .executionRoleArn, .cpu, .memory, .containerDefinitions[0].readonlyRootFilesystem]' "$registered")" \
  = '[["/usr/local/bin/migration","up"],"arn:aws:iam::123456789012:role/mig-task","arn:aws:iam::123456789012:role/mig-exec","256","512",true]'
check "read-only fields are dropped, tags kept" \
  test "$(jq -c '[has("revision"), has("status"), has("taskDefinitionArn"), has("requiresAttributes"), has("registeredAt"), .tags]' "$registered")" \
  = '[false,false,false,false,false,[{"key":"Environment","value":"test"}]]'
check "it runs the new revision in the private subnets with the migration security group" \
  grep -q -- 'run-task --cluster patient-service-test --task-definition arn:aws:ecs:us-east-1:123456789012:task-definition/patient-service-test-migration:8 --launch-type FARGATE --count 1 --network-configuration awsvpcConfiguration={subnets=\[subnet-a,subnet-b\],securityGroups=\[sg-mig\],assignPublicIp=DISABLED}' "$CALLS"
check "it waits for the task to stop (polls until STOPPED)" test "$(grep -c 'describe-tasks' "$CALLS")" -ge 3
check "it says where the log is" grep -q 'stream migration/migration/0123abcd' "$work/out"

fresh
check "run-migrations: a failed migration fails the deploy" fails env SCENARIO_EXIT_CODE=1 scripts/deploy/run-migrations.sh "$env_dir" "$new_image"
check "... and says so" grep -q 'the migrations failed (exit code 1' "$work/out"
fresh
check "run-migrations: a task that cannot start fails the deploy" fails env SCENARIO_CAPACITY=no scripts/deploy/run-migrations.sh "$env_dir" "$new_image"
check "... naming ECS's reason" grep -q 'RESOURCE:ENI' "$work/out"

fresh
check "verify: the new tag, rollout COMPLETED, all tasks running, /readyz 200 passes" succeeds scripts/deploy/verify-deployment.sh "$env_dir" new
check "... and it asked the public endpoint" grep -q 'https://api.test.example.com/readyz' "$CALLS"
fresh
check "verify: a rolled-back service (steady on the old tag) fails" fails env SCENARIO_RUNNING_TAG=old scripts/deploy/verify-deployment.sh "$env_dir" new
check "... and says it was rolled back" grep -q 'runs old, not new' "$work/out"
fresh
check "verify: a FAILED rollout fails" fails env SCENARIO_ROLLOUT=FAILED scripts/deploy/verify-deployment.sh "$env_dir" new
check "... as failed" grep -q "the deployment of new failed (FAILED" "$work/out"
fresh
check "verify: a rollout that never completes fails at the deadline" fails env SCENARIO_ROLLOUT=IN_PROGRESS VERIFY_TIMEOUT_SECONDS=0 scripts/deploy/verify-deployment.sh "$env_dir" new
fresh
check "verify: missing tasks (1 of 2 running) is not done" fails env SCENARIO_RUNNING=1 VERIFY_TIMEOUT_SECONDS=0 scripts/deploy/verify-deployment.sh "$env_dir" new
check "... still in progress at the deadline" grep -q "is still COMPLETED 1/2" "$work/out"
fresh
check "verify: /readyz not answering fails" fails env SCENARIO_READY=no VERIFY_TIMEOUT_SECONDS=0 scripts/deploy/verify-deployment.sh "$env_dir" new
check "... naming the endpoint" grep -q "readyz does not answer 200" "$work/out"

fresh
check "current-image-tag: the primary deployment's tag" test "$(SCENARIO_RUNNING_TAG=abc123 scripts/deploy/current-image-tag.sh "$env_dir")" = abc123
fresh
check "current-image-tag: nothing before the first deploy" test -z "$(SCENARIO_SERVICE=no scripts/deploy/current-image-tag.sh "$env_dir")"

fresh
check "scale-in: suspend suspends dynamic scale-in of the service" succeeds scripts/deploy/scale-in.sh "$env_dir" suspend
check "... of service/patient-service-test/patient-service, scale-out untouched" grep -q -- '--resource-id service/patient-service-test/patient-service --suspended-state DynamicScalingInSuspended=true$' "$CALLS"
fresh
check "scale-in: resume resumes it" succeeds scripts/deploy/scale-in.sh "$env_dir" resume
check "... with DynamicScalingInSuspended=false" grep -q -- '--suspended-state DynamicScalingInSuspended=false$' "$CALLS"
fresh
check "scale-in: an unknown action is refused, nothing sent" fails scripts/deploy/scale-in.sh "$env_dir" pause
check "... no AWS call" test ! -s "$CALLS"

echo "deploy-scripts: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
