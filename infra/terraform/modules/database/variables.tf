variable "name" {
  description = "Name prefix and DB instance identifier, e.g. \"patient-service-prod\"."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,40}$", var.name))
    error_message = "name must be 3-41 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "vpc_id" {
  description = "ID of the VPC the database security group belongs to."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnet IDs for the DB subnet group, in at least two AZs."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "subnet_ids must contain at least two private subnets (RDS requires two AZs)."
  }
}

variable "allowed_security_group_ids" {
  description = "Security groups (the ECS tasks') allowed to connect on the database port. No CIDR-based access is possible."
  type        = list(string)
  default     = []
}

variable "engine_version" {
  description = "PostgreSQL engine version: a major (\"16\") lets RDS choose the newest minor, with automatic minor upgrades in the maintenance window."
  type        = string
  default     = "16"

  validation {
    condition     = can(regex("^[0-9]+(\\.[0-9]+)?$", var.engine_version)) && tonumber(split(".", var.engine_version)[0]) >= 14
    error_message = "engine_version must be PostgreSQL 14 or later, e.g. \"16\" or \"16.4\"."
  }
}

variable "instance_class" {
  description = "RDS instance class. Performance Insights needs db.t4g.medium or larger."
  type        = string
  default     = "db.t4g.medium"
}

variable "allocated_storage_gb" {
  description = "Initial gp3 storage in GiB."
  type        = number
  default     = 20
}

variable "max_allocated_storage_gb" {
  description = "Upper bound for storage autoscaling in GiB (must exceed allocated_storage_gb)."
  type        = number
  default     = 100
}

variable "db_name" {
  description = "Name of the database created in the instance."
  type        = string
  default     = "patients"
}

variable "master_username" {
  description = "Master user name. Its password is generated and rotated by RDS in Secrets Manager and never passes through Terraform."
  type        = string
  default     = "patient_service"
}

variable "port" {
  description = "Port the database listens on."
  type        = number
  default     = 5432
}

variable "multi_az" {
  description = "Run a synchronous standby in a second AZ. Keep true wherever real PHI lives."
  type        = bool
  default     = true
}

variable "deletion_protection" {
  description = "Refuse DeleteDBInstance until this is turned off. Keep true wherever real PHI lives."
  type        = bool
  default     = true
}

variable "backup_retention_days" {
  description = "Automated backup retention (also the point-in-time-recovery window), in days."
  type        = number
  default     = 35

  validation {
    condition     = var.backup_retention_days >= 7 && var.backup_retention_days <= 35
    error_message = "backup_retention_days must be 7-35: automated backups and PITR cannot be turned off."
  }
}

variable "backup_window" {
  description = "Daily UTC window for automated backups (must not overlap the maintenance window)."
  type        = string
  default     = "03:00-04:00"
}

variable "maintenance_window" {
  description = "Weekly UTC maintenance window."
  type        = string
  default     = "sun:04:30-sun:05:30"
}

variable "kms_key_arn" {
  description = "Customer-managed KMS key for storage, snapshots, Performance Insights and the master user secret."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN."
  }
}

variable "performance_insights_retention_days" {
  description = "Performance Insights retention: 7 (free tier), 731, or a multiple of 31."
  type        = number
  default     = 7

  validation {
    condition     = var.performance_insights_retention_days == 7 || var.performance_insights_retention_days == 731 || var.performance_insights_retention_days % 31 == 0
    error_message = "performance_insights_retention_days must be 7, 731 or a multiple of 31."
  }
}

variable "monitoring_interval_seconds" {
  description = "Enhanced Monitoring granularity in seconds (0, which disables it, is not allowed)."
  type        = number
  default     = 60

  validation {
    condition     = contains([1, 5, 10, 15, 30, 60], var.monitoring_interval_seconds)
    error_message = "monitoring_interval_seconds must be one of 1, 5, 10, 15, 30, 60."
  }
}

variable "log_min_duration_statement_ms" {
  description = "Log statements slower than this many milliseconds (-1 disables). Slow-query log lines can include bind values, i.e. PHI: the exported log group is KMS-encrypted for that reason."
  type        = number
  default     = 1000
}

variable "log_kms_key_arn" {
  description = "Customer-managed KMS key for the exported PostgreSQL log groups."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:", var.log_kms_key_arn))
    error_message = "log_kms_key_arn must be a KMS key ARN."
  }
}

variable "log_retention_days" {
  description = "Retention of the exported PostgreSQL log groups, in days (a CloudWatch Logs retention value). Defaults to 6 years (HIPAA)."
  type        = number
  default     = 2192

  validation {
    condition     = contains([365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a CloudWatch Logs retention value of at least 365 days."
  }
}

variable "apply_immediately" {
  description = "Apply modifications immediately instead of in the next maintenance window (may restart the database)."
  type        = bool
  default     = false
}

variable "max_connections" {
  description = "PostgreSQL max_connections. Size it with the clients: every task's pool (at the most tasks a deploy runs) plus the migration task and operators must fit (modules/stack checks)."
  type        = number
  default     = 500

  validation {
    condition     = var.max_connections >= 50 && var.max_connections <= 5000
    error_message = "max_connections must be between 50 and 5000."
  }
}

variable "tags" {
  description = "Tags added to every resource (on top of the provider's default_tags)."
  type        = map(string)
  default     = {}
}
