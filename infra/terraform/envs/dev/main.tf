# One environment of the Patient Service. The whole stack is modules/stack;
# this root module only adds the provider (providers.tf), the state location
# (backend.tf) and its inputs (terraform.tfvars). This file is identical in
# envs/dev, envs/staging and envs/prod.

module "stack" {
  source = "../../modules/stack"

  environment        = var.environment
  availability_zones = var.availability_zones
  vpc_cidr           = var.vpc_cidr
  single_nat_gateway = var.single_nat_gateway

  route53_zone_name = var.route53_zone_name
  domain_name       = var.domain_name
  image_tag         = var.image_tag

  min_count    = var.min_count
  max_count    = var.max_count
  task_cpu     = var.task_cpu
  task_memory  = var.task_memory
  db_pool_size = var.db_pool_size
  disposable   = var.disposable

  db_instance_class              = var.db_instance_class
  db_allocated_storage_gb        = var.db_allocated_storage_gb
  db_max_allocated_storage_gb    = var.db_max_allocated_storage_gb
  db_multi_az                    = var.db_multi_az
  db_backup_retention_days       = var.db_backup_retention_days
  db_connections_alarm_threshold = var.db_connections_alarm_threshold
  db_max_connections             = var.db_max_connections

  deletion_protection     = var.deletion_protection
  log_retention_days      = var.log_retention_days
  enable_waf              = var.enable_waf
  enable_xray             = var.enable_xray
  xray_sampling_ratio     = var.xray_sampling_ratio
  slo_p95_latency_seconds = var.slo_p95_latency_seconds
  alarm_email_addresses   = var.alarm_email_addresses

  audit_log_retention_days = var.audit_log_retention_days
}
