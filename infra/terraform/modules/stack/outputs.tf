output "endpoint_url" {
  description = "Public HTTPS URL of the service."
  value       = module.app.endpoint_url
}

output "db_endpoint" {
  description = "host:port of the RDS endpoint (reachable only from the service tasks)."
  value       = module.database.endpoint
}

output "secret_arns" {
  description = "Secrets Manager ARNs: API keys (load with put-secret-value) and the RDS-managed master credentials."
  value = {
    api_keys           = module.secrets.api_keys_secret_arn
    db_master_password = module.database.master_user_secret_arn
  }
}

output "ecr_repository_url" {
  description = "ECR repository to push service images to (tags are immutable)."
  value       = module.app.ecr_repository_url
}

output "alerts_topic_arn" {
  description = "SNS topic receiving every alarm."
  value       = module.observability.alerts_topic_arn
}

output "deploy" {
  description = "What the deploy pipeline reads (scripts/deploy/): the ECS cluster and service, the ECR repository, the public endpoint, and how to run the migration task."
  value = {
    cluster            = module.app.ecs_cluster_name
    service            = module.app.ecs_service_name
    ecr_repository_url = module.app.ecr_repository_url
    endpoint_url       = module.app.endpoint_url
    migration          = module.app.migration
  }
}

output "break_glass" {
  description = "The break-glass role and the IAM group whose members may assume it (docs/runbooks/break-glass.md)."
  value = {
    role_arn   = module.audit.break_glass_role_arn
    group_name = module.audit.break_glass_group_name
  }
}

output "vpc_id" {
  description = "ID of the environment's VPC."
  value       = module.network.vpc_id
}

output "settings" {
  description = "What the environment runs, read back from the planned resources (each module's settings output): name, and network, database, app, observability and audit settings. Compare environments with it; the env tests assert on it."
  value = {
    name          = local.name
    network       = module.network.settings
    database      = module.database.settings
    app           = module.app.settings
    observability = module.observability.settings
    audit         = module.audit.settings
  }
}
