output "instance_id" {
  description = "DB instance identifier (the DBInstanceIdentifier CloudWatch dimension)."
  value       = aws_db_instance.this.identifier
}

output "instance_arn" {
  description = "ARN of the DB instance."
  value       = aws_db_instance.this.arn
}

output "resource_id" {
  description = "DbiResourceId, used in rds-db:connect IAM policies for IAM database authentication."
  value       = aws_db_instance.this.resource_id
}

output "address" {
  description = "Hostname of the database endpoint."
  value       = aws_db_instance.this.address
}

output "port" {
  description = "Port of the database endpoint."
  value       = aws_db_instance.this.port
}

output "endpoint" {
  description = "host:port of the database endpoint."
  value       = aws_db_instance.this.endpoint
}

output "db_name" {
  description = "Name of the application database."
  value       = aws_db_instance.this.db_name
}

output "master_username" {
  description = "Master user name."
  value       = aws_db_instance.this.username
}

output "master_user_secret_arn" {
  description = "ARN of the RDS-managed Secrets Manager secret holding the master credentials (JSON keys username, password)."
  value       = aws_db_instance.this.master_user_secret[0].secret_arn
}

output "security_group_id" {
  description = "ID of the database security group."
  value       = aws_security_group.this.id
}

output "settings" {
  description = "Size, availability, protection and retention as planned, read back from the resources (for reviews and callers' tests): instance_class, allocated_storage_gb, max_allocated_storage_gb, multi_az, deletion_protection, backup_retention_days, kms_key_arn, allowed_security_group_ids, log_retention_days (distinct values over the exported log groups)."
  value = {
    instance_class             = aws_db_instance.this.instance_class
    allocated_storage_gb       = aws_db_instance.this.allocated_storage
    max_allocated_storage_gb   = aws_db_instance.this.max_allocated_storage
    multi_az                   = aws_db_instance.this.multi_az
    deletion_protection        = aws_db_instance.this.deletion_protection
    backup_retention_days      = aws_db_instance.this.backup_retention_period
    kms_key_arn                = aws_db_instance.this.kms_key_id
    allowed_security_group_ids = aws_vpc_security_group_ingress_rule.from_allowed[*].referenced_security_group_id
    max_connections            = tonumber(one([for p in aws_db_parameter_group.this.parameter : p.value if p.name == "max_connections"]))
    log_statement              = one([for p in aws_db_parameter_group.this.parameter : p.value if p.name == "log_statement"])
    log_retention_days         = distinct([for g in aws_cloudwatch_log_group.exports : g.retention_in_days])
  }
}
