output "endpoint_url" {
  description = "Public HTTPS URL of the service."
  value       = module.stack.endpoint_url
}

output "db_endpoint" {
  description = "host:port of the RDS endpoint (reachable only from the service tasks)."
  value       = module.stack.db_endpoint
}

output "secret_arns" {
  description = "Secrets Manager ARNs: API keys (load with put-secret-value) and the RDS-managed master credentials."
  value       = module.stack.secret_arns
}

output "ecr_repository_url" {
  description = "ECR repository to push service images to (tags are immutable)."
  value       = module.stack.ecr_repository_url
}

output "alerts_topic_arn" {
  description = "SNS topic receiving every alarm."
  value       = module.stack.alerts_topic_arn
}

output "deploy" {
  description = "What the deploy pipeline reads (scripts/deploy/): ECS cluster and service, ECR repository, endpoint, and the migration task's definition and network configuration."
  value       = module.stack.deploy
}

output "settings" {
  description = "What this environment runs (sizes, Multi-AZ, NAT, deletion protection, retention, KMS keys), read back from the plan: compare environments with it."
  value       = module.stack.settings
}

output "break_glass" {
  description = "The break-glass role and the IAM group whose members may assume it (docs/runbooks/break-glass.md)."
  value       = module.stack.break_glass
}
