output "database_kms_key_arn" {
  description = "ARN of the KMS key for RDS storage, Performance Insights and the master user secret."
  value       = aws_kms_key.database.arn
}

output "app_kms_key_arn" {
  description = "ARN of the KMS key for application secrets, ECR and the SNS alert topic."
  value       = aws_kms_key.app.arn
}

output "logs_kms_key_arn" {
  description = "ARN of the KMS key for CloudWatch log groups."
  value       = aws_kms_key.logs.arn
}

output "api_keys_secret_arn" {
  description = "ARN of the Secrets Manager secret holding API_KEYS."
  value       = aws_secretsmanager_secret.api_keys.arn
}
