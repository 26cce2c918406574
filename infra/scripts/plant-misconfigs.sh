#!/usr/bin/env bash
# shellcheck disable=SC2016 # the plants are sed expressions with Terraform ${...}: single quotes on purpose
# Proves the `terraform test` suites catch real mistakes: plants one
# misconfiguration at a time into a scratch copy of infra/terraform, runs that
# module's (or environment's) tests, and expects them to FAIL. Exits non-zero
# if any plant goes undetected. Never touches the work tree. Not part of
# `make test` (it runs one test suite per plant, several minutes in all); run
# it after changing tests, modules or envs:  infra/scripts/plant-misconfigs.sh
# PLANT_ONLY=TEXT runs only the plants whose description contains TEXT.
set -euo pipefail

INFRA_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export TF_CLI_CONFIG_FILE="$INFRA_DIR/terraform/terraformrc"
export TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1

command -v terraform >/dev/null 2>&1 || { echo "SKIP: terraform not found"; exit 0; }
[ -d /opt/tf-plugins/registry.terraform.io/hashicorp/aws ] || { echo "SKIP: /opt/tf-plugins not found"; exit 0; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# Copy sources only; .terraform/ is rebuilt (init only symlinks the provider).
tar -C "$INFRA_DIR" --exclude=.terraform -cf - terraform | tar -C "$scratch" -xf -
TF="$scratch/terraform"

undetected=0
# plant DIR FILE SED-EXPRESSION DESCRIPTION
# DIR is a module name (modules/DIR) or a path under terraform/ (envs/prod).
plant() {
  local mod=$1 file=$2 expr=$3 desc=$4 dir path
  [[ -z ${PLANT_ONLY:-} || $desc == *"$PLANT_ONLY"* ]] || return 0
  dir=$mod
  [[ $dir == */* ]] || dir=modules/$dir
  path="$TF/$dir/$file"
  cp "$path" "$path.orig"
  sed -i "$expr" "$path"
  if cmp -s "$path" "$path.orig"; then
    printf 'BROKEN  %-13s %s (the plant did not change %s)\n' "$mod" "$desc" "$file"
    undetected=$((undetected + 1))
  elif terraform -chdir="$TF/$dir" test -no-color >"$scratch/out.log" 2>&1; then
    printf 'MISSED  %-13s %s\n' "$mod" "$desc"
    undetected=$((undetected + 1))
  else
    printf 'caught  %-13s %s\n' "$mod" "$desc"
  fi
  mv "$path.orig" "$path"
}

for dir in modules/database modules/app modules/network modules/secrets modules/observability modules/audit modules/stack envs/dev envs/prod; do
  terraform -chdir="$TF/$dir" init -backend=false -input=false -no-color >/dev/null
done

plant database main.tf 's/publicly_accessible    = false/publicly_accessible    = true/' 'RDS publicly_accessible = true'
plant database main.tf 's/storage_encrypted     = true/storage_encrypted     = false/' 'RDS storage unencrypted'
plant database main.tf '/name         = "rds.force_ssl"/{n;s/"1"/"0"/}' 'rds.force_ssl = 0'
plant database main.tf '/name  = "log_error_verbosity"/{n;s/"terse"/"default"/}' 'PostgreSQL logs DETAIL (quotes conflicting keys, failing rows)'
plant database main.tf 's/referenced_security_group_id = var.allowed_security_group_ids\[count.index\]/cidr_ipv4 = "0.0.0.0\/0"/' 'DB security group open to 0.0.0.0/0'
plant app main.tf '/"task_from_alb"/,/^}/s/referenced_security_group_id = aws_security_group.alb.id/cidr_ipv4 = "0.0.0.0\/0"/' 'task security group open to 0.0.0.0/0'
plant app ecs.tf 's/assign_public_ip = false/assign_public_ip = true/' 'task gets a public IP'
plant app ecs.tf 's/{ name = "LOG_FORMAT", value = var.log_format },/&\n    { name = "API_KEYS", value = "[]" },/' 'API_KEYS as plain env var'
plant app alb.tf 's/ssl_policy        = var.ssl_policy/ssl_policy = "ELBSecurityPolicy-2016-08"/' 'listener allows TLS 1.0'
plant app alb.tf 's/type = "redirect"/type = "forward"\n    target_group_arn = aws_lb_target_group.this.arn/' 'HTTP forwards instead of redirecting'
plant database main.tf '/name  = "log_statement"/{n;s/"none"/"ddl"/}' 'log_statement = ddl (ALTER ROLE ... PASSWORD in clear)'
plant database main.tf '/name  = "pgaudit.log_parameter"/{n;s/"0"/"1"/}' 'pgaudit logs statement parameters'
plant database main.tf 's/final_snapshot_identifier = .*/final_snapshot_identifier = "${var.name}-final"/' 'final snapshot with a fixed name'
plant app main.tf 's/name_prefix = "${var.name}-task-"/name        = "${var.name}-task"/' 'task security group with a fixed name'
plant app alb.tf 's/name_prefix = "app-"/name        = "${local.short_name}-app"/' 'target group with a fixed name'
plant app ecs.tf 's/fargate_ephemeral_storage_kms_key_id = var.ephemeral_storage_kms_key_arn/fargate_ephemeral_storage_kms_key_id = null/' 'ephemeral storage without the customer key'
plant app ecs.tf 's/value = tostring(var.db_pool_size)/value = "10"/' 'pool size not wired to DB_MAX_CONNECTIONS'
plant app ecr.tf 's/force_delete = var.disposable/force_delete = true/' 'ECR deletes images on destroy everywhere'
plant app autoscaling.tf 's/predefined_metric_type = "ALBRequestCountPerTarget"/predefined_metric_type = "ECSServiceAverageMemoryUtilization"/' 'no scaling on ALB requests per task'
plant app autoscaling.tf 's/min_capacity       = var.min_count/min_capacity       = 1/' 'autoscaling minimum ignores min_count'
plant network main.tf '0,/map_public_ip_on_launch = false/s//map_public_ip_on_launch = true/' 'public IPs on launch'
plant network variables.tf 's/, "kms"\]/]/' 'no KMS interface endpoint'
plant network main.tf 's/private_dns_enabled = true/private_dns_enabled = false/' 'interface endpoints without private DNS'
plant secrets main.tf '0,/enable_key_rotation     = true/s//enable_key_rotation = false/' 'KMS key rotation off'
plant observability main.tf 's/kms_key_id        = var.log_kms_key_arn/kms_key_id = null/' 'app log group unencrypted'
plant observability main.tf 's/expression  = "desired - running"/expression  = "running - desired"/' 'running-vs-desired alarm inverted'
plant secrets main.tf 's/recovery_window_in_days = var.disposable ? 0 : var.secret_recovery_window_days/recovery_window_in_days = 0/' 'API-key secret force-deleted everywhere'
plant secrets main.tf 's/"kms:EncryptionContext:aws:ecs:clusterName"    = var.name/"kms:EncryptionContext:aws:ecs:clusterName" = "*"/' 'Fargate may use the app key for any cluster'
plant audit trail.tf 's/is_multi_region_trail         = true/is_multi_region_trail = false/' 'trail in one region only'
plant audit trail.tf 's/enable_log_file_validation    = true/enable_log_file_validation = false/' 'trail without log-file validation'
plant audit break_glass.tf '0,/"aws:MultiFactorAuthPresent" = "true"/s//"aws:MultiFactorAuthPresent" = "false"/' 'break-glass role without MFA'
plant audit variables.tf '/variable "break_glass_session_seconds"/,/^}/s/default     = 3600/default     = 43200/' 'break-glass sessions of 12 hours'
plant audit alarms.tf 's/threshold           = 1/threshold           = 5/' 'break-glass assumptions alarm only after five'
# The composition: wiring between modules, secure defaults, null handling.
plant stack main.tf 's/allowed_security_group_ids = \[module.app.task_security_group_id, module.app.migration_security_group_id\]/allowed_security_group_ids = [module.app.migration_security_group_id]/' 'database not reachable from the service tasks'
plant stack main.tf 's/kms_key_arn        = module.secrets.database_kms_key_arn/kms_key_arn = module.secrets.app_kms_key_arn/' 'database encrypted with the app key'
plant stack main.tf 's/alb_deletion_protection   = var.deletion_protection/alb_deletion_protection = false/' 'ALB deletion protection not wired'
plant stack main.tf 's/flow_log_retention_days = var.log_retention_days/flow_log_retention_days = 365/' 'flow logs kept 1 year regardless'
plant stack variables.tf '/variable "db_multi_az"/,/^}/s/default     = true/default     = false/' 'single-AZ database by default'
plant stack variables.tf '/variable "deletion_protection"/,/^}/{/nullable/d}' 'null deletion_protection passed through'
plant stack variables.tf 's/var.environment != "prod" || var.min_count == 0 || (var.min_count >= 2 \&\& length(var.availability_zones) >= 2)/true/' 'prod allowed below two tasks'
plant stack variables.tf 's/2 \* var.max_count \* var.db_pool_size + 30 <= var.db_max_connections/true/' 'pools may overrun max_connections'
plant stack variables.tf 's/!(var.disposable \&\& var.environment == "prod")/true/' 'prod may be disposable'
plant stack main.tf 's/max_connections          = var.db_max_connections/max_connections = 500/' 'db_max_connections not wired'
# An environment: its tier policy and its moved blocks.
plant envs/prod terraform.tfvars 's/^db_multi_az                    = true/db_multi_az = false/' 'prod database single-AZ'
plant envs/prod terraform.tfvars 's/^log_retention_days  = 2192/log_retention_days = 365/' 'prod logs kept 1 year'
plant envs/prod terraform.tfvars 's/^min_count   = 3/min_count = 1/' 'prod runs one task'
plant envs/dev terraform.tfvars '/^disposable/d' 'dev not disposable (teardown blocked)'
plant envs/prod moved.tf '/^moved {$/{N;/module\.database$/{N;N;d}}' 'moved block for the database dropped'

if [ "$undetected" -gt 0 ]; then
  echo "FAIL: $undetected planted misconfiguration(s) not caught by terraform test" >&2
  exit 1
fi
echo "ok: every planted misconfiguration made terraform test fail"
