# Every environment declares the same variables; only terraform.tfvars differs.
# The secure defaults live in modules/stack: a variable left null here (unset
# in terraform.tfvars) gets the stack's default, the production-grade value.
# Declared fully here are only the identifiers and where the env runs (account,
# region and its zones: the provider is configured here, not in the stack).

variable "environment" {
  description = "Environment name: dev, staging or prod (validated by the stack module)."
  type        = string
}

variable "aws_account_id" {
  description = "AWS account this environment lives in; the provider refuses any other."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.aws_account_id))
    error_message = "aws_account_id must be a 12-digit AWS account ID."
  }
}

variable "aws_region" {
  description = "AWS region."
  type        = string
  default     = "us-east-1"
}

variable "availability_zones" {
  description = "Availability zones to use (at least two), in aws_region."
  type        = list(string)
  default     = ["us-east-1a", "us-east-1b", "us-east-1c"]
}

variable "route53_zone_name" {
  description = "Public Route 53 hosted zone holding domain_name, e.g. \"example.com\"."
  type        = string
}

variable "domain_name" {
  description = "Public host name of the service, e.g. \"patients.example.com\"."
  type        = string
}

variable "image_tag" {
  description = "Service image tag to deploy (the git SHA pushed to this environment's ECR repository). Passed at plan time: -var image_tag=<sha>."
  type        = string
}

# --- Sizes, availability, protection, retention: null = the stack's default ---

variable "vpc_cidr" {
  description = "IPv4 CIDR of the VPC."
  type        = string
  default     = null
}

variable "single_nat_gateway" {
  description = "One shared NAT gateway instead of one per AZ (cheaper, not zone-redundant)."
  type        = bool
  default     = null
}

variable "min_count" {
  description = "Fewest service tasks (autoscaling minimum; prod: at least 2)."
  type        = number
  default     = null
}

variable "max_count" {
  description = "Most service tasks autoscaling may run."
  type        = number
  default     = null
}

variable "db_pool_size" {
  description = "Database connections per task (DB_MAX_CONNECTIONS)."
  type        = number
  default     = null
}

variable "db_max_connections" {
  description = "PostgreSQL max_connections (must hold 2 x max_count x db_pool_size + 30)."
  type        = number
  default     = null
}

variable "disposable" {
  description = "dev only: destroy deletes data with the environment (secrets without recovery window, ECR images, ALB access logs) so it can be rebuilt at once."
  type        = bool
  default     = null
}

variable "task_cpu" {
  description = "Fargate task CPU units."
  type        = number
  default     = null
}

variable "task_memory" {
  description = "Fargate task memory in MiB."
  type        = number
  default     = null
}

variable "db_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = null
}

variable "db_allocated_storage_gb" {
  description = "Initial RDS storage in GiB."
  type        = number
  default     = null
}

variable "db_max_allocated_storage_gb" {
  description = "RDS storage autoscaling ceiling in GiB."
  type        = number
  default     = null
}

variable "db_multi_az" {
  description = "Run the database Multi-AZ."
  type        = bool
  default     = null
}

variable "db_backup_retention_days" {
  description = "Automated backup / PITR window in days (7-35)."
  type        = number
  default     = null
}

variable "db_connections_alarm_threshold" {
  description = "Alarm when database connections exceed this count."
  type        = number
  default     = null
}

variable "deletion_protection" {
  description = "Deletion protection on the database and the ALB."
  type        = bool
  default     = null
}

variable "log_retention_days" {
  description = "Retention of every CloudWatch log group and of ALB access logs, in days (2192 = 6 years, HIPAA)."
  type        = number
  default     = null
}

variable "enable_waf" {
  description = "Attach the WAF web ACL to the ALB."
  type        = bool
  default     = null
}

variable "enable_xray" {
  description = "Export traces to AWS X-Ray through an ADOT collector sidecar."
  type        = bool
  default     = null
}

variable "xray_sampling_ratio" {
  description = "With enable_xray: share of new traces sampled."
  type        = number
  default     = null
}

variable "slo_p95_latency_seconds" {
  description = "p95 latency SLO in seconds; the latency alarm fires above it."
  type        = number
  default     = null
}

variable "audit_log_retention_days" {
  description = "Days the CloudTrail log files are kept (at least 2192 = 6 years)."
  type        = number
  default     = null
}

variable "alarm_email_addresses" {
  description = "E-mail addresses subscribed to the alert topic."
  type        = list(string)
  default     = null
}
