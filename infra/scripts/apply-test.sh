#!/usr/bin/env bash
# `make infra-apply`: the dev environment applied for real, offline, against an AWS API
# emulator (moto in server mode on loopback), with the prod-tier availability flags:
#   1. start moto; bootstrap what exists before Terraform in a real account (the remote
#      state's KMS alias, S3 bucket and DynamoDB lock table from envs/dev/backend.tf, and
#      the Route 53 hosted zone)
#   2. terraform init with that S3 backend, apply envs/dev with Multi-AZ, a NAT gateway per
#      AZ and the WAF (deletion protection off, as dev has it, so the test can destroy)
#   3. the outputs against what the emulator reports (scripts/emulator.py check-outputs)
#   4. a second plan with -detailed-exitcode must show no changes (perpetual diffs)
#   5. destroy, and nothing the stack made is left (scripts/emulator.py check-empty)
#
# The committed environment is not edited: a scratch copy of infra/terraform gets a
# test-only override file pointing the provider at the emulator, and the backend its
# endpoints through -backend-config. Needs terraform, the provider mirror and python3 with
# venv; moto (pinned in infra/requirements-moto.txt) is installed once per machine by
# scripts/lib/pinned-venv.sh. Where terraform or the mirror is missing the script prints
# SKIP and exits 0, like infra/scripts/check.sh.
set -euo pipefail

INFRA_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ENV=dev
MIRROR=/opt/tf-plugins

start=$SECONDS
header() { printf '\n=== infra-apply: %s (at %ss) ===\n' "$*" "$((SECONDS - start))"; }
fail() {
  printf 'FAIL: %s\n' "$*" >&2
  exit 1
}

command -v terraform >/dev/null 2>&1 || { echo "SKIP: terraform not found on PATH"; exit 0; }
[ -d "$MIRROR/registry.terraform.io/hashicorp/aws" ] || { echo "SKIP: provider mirror $MIRROR not found"; exit 0; }
command -v python3 >/dev/null 2>&1 || fail "python3 is required for the AWS emulator"

export TF_CLI_CONFIG_FILE="$INFRA_DIR/terraform/terraformrc"
export TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1

# --- the emulator ----------------------------------------------------------------------

header "moto"
requirements="$INFRA_DIR/requirements-moto.txt"
version=$(sed -n 's/^moto\[server\]==//p' "$requirements")
# shellcheck source=scripts/lib/pinned-venv.sh
source "$INFRA_DIR/../scripts/lib/pinned-venv.sh"
venv=$(pinned_venv moto "$requirements") || fail "installing moto"

scratch=$(mktemp -d)
moto_pid=
cleanup() {
  [ -z "$moto_pid" ] || kill "$moto_pid" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# moto answers as the env's own account (aws_account_id in its terraform.tfvars), so the
# provider's allowed_account_ids check runs unchanged.
tf_src="$INFRA_DIR/terraform/envs/$ENV"
account_id=$(sed -n 's/^aws_account_id *= *"\([0-9]*\)".*/\1/p' "$tf_src/terraform.tfvars")
[ -n "$account_id" ] || fail "no aws_account_id in envs/$ENV/terraform.tfvars"
export AWS_ACCESS_KEY_ID=emulator AWS_SECRET_ACCESS_KEY=emulator AWS_REGION=us-east-1
export AWS_DEFAULT_REGION=$AWS_REGION
port=$("$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
endpoint="http://127.0.0.1:$port"
# ACM "validates" DNS certificates at once instead of after 60 s; IAM knows the AWS
# managed policies (RDS Enhanced Monitoring attaches one).
MOTO_ACCOUNT_ID=$account_id MOTO_ACM_VALIDATION_WAIT=0 MOTO_IAM_LOAD_MANAGED_POLICIES=true "$venv/bin/python" "$INFRA_DIR/scripts/moto_server.py" -H 127.0.0.1 -p "$port" >"$scratch/moto.log" 2>&1 &
moto_pid=$!
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null "$endpoint/moto-api/" 2>/dev/null && break
  kill -0 "$moto_pid" 2>/dev/null || { cat "$scratch/moto.log" >&2; fail "moto did not start"; }
  sleep 0.2
done
curl -fsS -o /dev/null "$endpoint/moto-api/" || fail "moto did not answer on $endpoint"
echo "moto $version on $endpoint"
export AWS_ENDPOINT_URL=$endpoint

unset AWS_PROFILE AWS_SESSION_TOKEN

zone=$(sed -n 's/^route53_zone_name *= *"\([^"]*\)".*/\1/p' "$tf_src/terraform.tfvars")
"$venv/bin/python" "$INFRA_DIR/scripts/emulator.py" bootstrap "$tf_src/backend.tf" "$zone"

# --- the scratch copy with its test-only override -------------------------------------

tar -C "$INFRA_DIR" --exclude=.terraform --exclude='*.tfstate*' -cf - terraform | tar -C "$scratch" -xf -
dir="$scratch/terraform/envs/$ENV"
services=(acm application-autoscaling cloudtrail cloudwatch cloudwatchlogs dynamodb ec2 ecr ecs elbv2 events iam kms rds route53 s3 secretsmanager sns sts wafv2)
{
  echo '# Written by infra/scripts/apply-test.sh into a scratch copy: the AWS API emulator.'
  echo 'provider "aws" {'
  echo '  skip_credentials_validation = true'
  echo '  skip_metadata_api_check     = true'
  echo '  skip_region_validation      = true'
  echo '  s3_use_path_style           = true'
  echo '  endpoints {'
  for s in "${services[@]}"; do printf '    %s = "%s"\n' "${s//-/}" "$endpoint"; done
  echo '  }'
  echo '}'
} >"$dir/emulator_override.tf"
# The emulator runs no containers, so the ECS service never reaches a steady state: the
# one module argument the test changes (the deploy pipeline's wait stays in the code).
cat >"$scratch/terraform/modules/stack/emulator_override.tf" <<'HCL'
# Written by infra/scripts/apply-test.sh into a scratch copy: the emulator runs no tasks.
module "app" {
  wait_for_steady_state = false
}
HCL
cat >"$scratch/backend.hcl" <<HCL
endpoints = {
  s3       = "$endpoint"
  dynamodb = "$endpoint"
  sts      = "$endpoint"
  iam      = "$endpoint"
}
use_path_style              = true
skip_credentials_validation = true
skip_metadata_api_check     = true
skip_region_validation      = true
HCL

# The prod tier's availability and edge, on dev's small sizes; deletion protection stays
# off (dev's value) so the test can destroy what it made.
tf_vars=(-var image_tag=apply-test -var db_multi_az=true -var single_nat_gateway=false -var enable_waf=true -var deletion_protection=false)

header "terraform init (S3 backend in the emulator)"
terraform -chdir="$dir" init -input=false -no-color -lockfile=readonly -backend-config="$scratch/backend.hcl" >"$scratch/init.log" 2>&1 ||
  { cat "$scratch/init.log" >&2; fail "terraform init"; }
echo "ok: init"

header "terraform apply"
terraform -chdir="$dir" apply -input=false -no-color -auto-approve "${tf_vars[@]}" >"$scratch/apply.log" 2>&1 ||
  { tail -n 80 "$scratch/apply.log" >&2; fail "terraform apply"; }
grep -E '^Apply complete!' "$scratch/apply.log"
applied=$(terraform -chdir="$dir" state list | grep -cvE '(^|\.)data\.')
echo "applied: $applied resources"

header "outputs against the emulator"
terraform -chdir="$dir" output -json >"$scratch/outputs.json"
"$venv/bin/python" "$INFRA_DIR/scripts/emulator.py" check-outputs "$scratch/outputs.json" || fail "outputs do not match what the emulator reports"

header "second plan (must show no changes)"
set +e
terraform -chdir="$dir" plan -input=false -no-color -detailed-exitcode "${tf_vars[@]}" >"$scratch/replan.log" 2>&1
replan=$?
set -e
case $replan in
  0) echo "second plan: no changes" ;;
  2) sed -n '/Terraform will perform/,/^Plan:/p' "$scratch/replan.log" | head -n 200 >&2; fail "second plan: changes after apply (a perpetual diff)" ;;
  *) tail -n 40 "$scratch/replan.log" >&2; fail "second plan: error" ;;
esac

header "security group replacement (create before destroy, no name clash)"
# Every security group is replaced the way a changed description or VPC would replace it;
# moto, like EC2, refuses a second group with the same name in a VPC.
replace=()
for sg in $(terraform -chdir="$dir" state list | grep -E '\.aws_security_group\.[a-z_]+$'); do replace+=("-replace=$sg"); done
[ ${#replace[@]} -ge 4 ] || fail "expected the stack's security groups in the state, found ${#replace[@]}"
terraform -chdir="$dir" plan -input=false -no-color -out="$scratch/replace.tfplan" "${replace[@]}" "${tf_vars[@]}" >"$scratch/replace-plan.log" 2>&1 ||
  { tail -n 40 "$scratch/replace-plan.log" >&2; fail "replacement plan"; }
terraform -chdir="$dir" show -json "$scratch/replace.tfplan" |
  "$venv/bin/python" -c '
import json, sys
changes = [c for c in json.load(sys.stdin)["resource_changes"] if c["type"] == "aws_security_group"]
wrong = [c["address"] for c in changes if c["change"]["actions"] != ["create", "delete"]]
print(f"{len(changes)} security groups plan as create-then-destroy" if not wrong else f"not create-then-destroy: {wrong}")
sys.exit(1 if wrong or not changes else 0)' || fail "security groups must be replaced create-before-destroy"
terraform -chdir="$dir" apply -input=false -no-color "$scratch/replace.tfplan" >"$scratch/replace.log" 2>&1 ||
  { grep -B2 -A8 'Error' "$scratch/replace.log" | head -n 40 >&2; fail "applying the security group replacement"; }
echo "ok: replaced ${#replace[@]} security groups: $(grep -E '^Apply complete!' "$scratch/replace.log")"

header "terraform destroy"
terraform -chdir="$dir" destroy -input=false -no-color -auto-approve "${tf_vars[@]}" >"$scratch/destroy.log" 2>&1 ||
  { tail -n 60 "$scratch/destroy.log" >&2; fail "terraform destroy"; }
grep -E '^Destroy complete!' "$scratch/destroy.log"
"$venv/bin/python" "$INFRA_DIR/scripts/emulator.py" check-empty "$tf_src/backend.tf" "patient-service-$ENV" || fail "destroy left resources behind"

printf '\n=== infra-apply: applied %s resources; second plan: no changes; destroy: %s (%ss) ===\n' \
  "$applied" "$(sed -n 's/^Destroy complete! //p' "$scratch/destroy.log")" "$((SECONDS - start))"
