# One environment of the Patient Service: network, secrets, database, app and
# observability wired together, with the account's audit trail and break-glass access. Every environment (envs/dev, envs/staging,
# envs/prod) calls this module once, so they can differ only in its inputs.

locals {
  name = "patient-service-${var.environment}"
}

data "aws_route53_zone" "this" {
  name         = var.route53_zone_name
  private_zone = false
}

module "secrets" {
  source = "../secrets"

  name       = local.name
  disposable = var.disposable
}

module "network" {
  source = "../network"

  name                    = local.name
  cidr_block              = var.vpc_cidr
  azs                     = var.availability_zones
  single_nat_gateway      = var.single_nat_gateway
  flow_log_kms_key_arn    = module.secrets.logs_kms_key_arn
  flow_log_retention_days = var.log_retention_days
}

module "database" {
  source = "../database"

  name                       = local.name
  vpc_id                     = module.network.vpc_id
  subnet_ids                 = module.network.private_subnet_ids
  allowed_security_group_ids = [module.app.task_security_group_id, module.app.migration_security_group_id]

  instance_class           = var.db_instance_class
  allocated_storage_gb     = var.db_allocated_storage_gb
  max_allocated_storage_gb = var.db_max_allocated_storage_gb
  multi_az                 = var.db_multi_az
  deletion_protection      = var.deletion_protection
  backup_retention_days    = var.db_backup_retention_days
  max_connections          = var.db_max_connections

  kms_key_arn        = module.secrets.database_kms_key_arn
  log_kms_key_arn    = module.secrets.logs_kms_key_arn
  log_retention_days = var.log_retention_days
}

module "app" {
  source = "../app"

  name               = local.name
  vpc_id             = module.network.vpc_id
  public_subnet_ids  = module.network.public_subnet_ids
  private_subnet_ids = module.network.private_subnet_ids

  domain_name     = var.domain_name
  route53_zone_id = data.aws_route53_zone.this.zone_id

  image_tag       = var.image_tag
  ecr_kms_key_arn = module.secrets.app_kms_key_arn
  min_count       = var.min_count
  max_count       = var.max_count
  db_pool_size    = var.db_pool_size
  disposable      = var.disposable

  ephemeral_storage_kms_key_arn = module.secrets.app_kms_key_arn
  cpu                           = var.task_cpu
  memory                        = var.task_memory

  # The service signs in as its own least-privilege role (migration 000006) with IAM
  # tokens; the migrations run as the master user, who owns the schema.
  db_host                 = module.database.address
  db_port                 = module.database.port
  db_name                 = module.database.db_name
  db_username             = "patient_service"
  db_iam_auth             = true
  db_iam_auth_resource_id = module.database.resource_id
  migration_db_username   = module.database.master_username
  db_password_secret_arn  = module.database.master_user_secret_arn
  db_security_group_id    = module.database.security_group_id
  api_keys_secret_arn     = module.secrets.api_keys_secret_arn
  secrets_kms_key_arns    = [module.secrets.database_kms_key_arn, module.secrets.app_kms_key_arn]

  metrics_ingress_cidr = module.network.vpc_cidr_block
  enable_xray          = var.enable_xray
  xray_sampling_ratio  = var.xray_sampling_ratio

  log_group_name = module.observability.app_log_group_name
  log_group_arn  = module.observability.app_log_group_arn

  alb_deletion_protection   = var.deletion_protection
  access_log_retention_days = var.log_retention_days
  enable_waf                = var.enable_waf
  log_kms_key_arn           = module.secrets.logs_kms_key_arn
  waf_log_retention_days    = var.log_retention_days
}

module "observability" {
  source = "../observability"

  name               = local.name
  log_kms_key_arn    = module.secrets.logs_kms_key_arn
  log_retention_days = var.log_retention_days
  sns_kms_key_arn    = module.secrets.app_kms_key_arn

  alarm_email_addresses    = var.alarm_email_addresses
  slo_p95_latency_seconds  = var.slo_p95_latency_seconds
  db_connections_threshold = var.db_connections_alarm_threshold

  alb_arn_suffix          = module.app.alb_arn_suffix
  target_group_arn_suffix = module.app.target_group_arn_suffix
  db_instance_id          = module.database.instance_id
  ecs_cluster_name        = module.app.ecs_cluster_name
  ecs_service_name        = module.app.ecs_service_name
}

module "audit" {
  source = "../audit"

  name                 = local.name
  trail_retention_days = var.audit_log_retention_days
  log_kms_key_arn      = module.secrets.logs_kms_key_arn
  log_retention_days   = var.log_retention_days
  alarm_topic_arn      = module.observability.alerts_topic_arn
  disposable           = var.disposable
}
