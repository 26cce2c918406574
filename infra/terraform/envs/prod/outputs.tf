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
