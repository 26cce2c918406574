# The defaults are the production-grade values (they are prod's), so an
# omission errs on the safe side. Every defaulted variable is nullable = false:
# passing null selects the default, which is how the environments pass the
# inputs their terraform.tfvars leaves out. Variables without a default are
# identifiers the caller must supply.

variable "environment" {
  description = "Environment name: dev, staging or prod. Names every resource (patient-service-<environment>)."
  type        = string

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be dev, staging or prod."
  }
}

variable "availability_zones" {
  description = "Availability zones to use (at least two), in the provider's region: the caller configures the provider, so it names the zones."
  type        = list(string)
}

variable "vpc_cidr" {
  description = "IPv4 CIDR of the VPC."
  type        = string
  default     = "10.0.0.0/16"
  nullable    = false
}

variable "single_nat_gateway" {
  description = "One shared NAT gateway instead of one per AZ (cheaper, not zone-redundant)."
  type        = bool
  default     = false
  nullable    = false
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
  description = "Service image tag to deploy (the git SHA pushed to this environment's ECR repository)."
  type        = string
}

variable "min_count" {
  description = "Fewest service tasks (autoscaling minimum; a new service starts with this many). prod: at least 2, spread over at least 2 AZs. 0 only while bootstrapping an environment (docs/runbooks/deploy.md)."
  type        = number
  default     = 3
  nullable    = false

  validation {
    condition     = var.environment != "prod" || var.min_count == 0 || (var.min_count >= 2 && length(var.availability_zones) >= 2)
    error_message = "prod never runs below two tasks in two AZs: min_count >= 2 and at least two availability_zones."
  }
}

variable "max_count" {
  description = "Most service tasks autoscaling may run (target tracking on CPU and on ALB requests per task)."
  type        = number
  default     = 12
  nullable    = false
}

variable "db_pool_size" {
  description = "Database connections per task (the service's DB_MAX_CONNECTIONS)."
  type        = number
  default     = 10
  nullable    = false
}

variable "db_max_connections" {
  description = "PostgreSQL max_connections. Must hold every task's pool at the peak of a deploy (twice max_count tasks: deployment_maximum_percent = 200) plus local.reserved_db_connections (migration task, operators, RDS's own)."
  type        = number
  default     = 500
  nullable    = false

  validation {
    condition     = 2 * var.max_count * var.db_pool_size + 30 <= var.db_max_connections
    error_message = "db_max_connections is too small: 2 x max_count x db_pool_size (a deploy's peak) + 30 reserved (migration, operators, RDS) must fit."
  }
}

variable "disposable" {
  description = "The environment may be destroyed with its data and rebuilt at once (dev only): the API-key secret without recovery window, the ECR repository with its images, the ALB access-log bucket with its logs. Never prod."
  type        = bool
  default     = false
  nullable    = false

  validation {
    condition     = !(var.disposable && var.environment == "prod")
    error_message = "prod is never disposable."
  }
}

variable "task_cpu" {
  description = "Fargate task CPU units."
  type        = number
  default     = 1024
  nullable    = false
}

variable "task_memory" {
  description = "Fargate task memory in MiB."
  type        = number
  default     = 2048
  nullable    = false
}

variable "db_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.r6g.large"
  nullable    = false
}

variable "db_allocated_storage_gb" {
  description = "Initial RDS storage in GiB."
  type        = number
  default     = 100
  nullable    = false
}

variable "db_max_allocated_storage_gb" {
  description = "RDS storage autoscaling ceiling in GiB."
  type        = number
  default     = 500
  nullable    = false
}

variable "db_multi_az" {
  description = "Run the database Multi-AZ."
  type        = bool
  default     = true
  nullable    = false
}

variable "db_backup_retention_days" {
  description = "Automated backup / PITR window in days (7-35)."
  type        = number
  default     = 35
  nullable    = false
}

variable "db_connections_alarm_threshold" {
  description = "Alarm when database connections exceed this count (below db_max_connections)."
  type        = number
  default     = 400
  nullable    = false

  validation {
    condition     = var.db_connections_alarm_threshold < var.db_max_connections
    error_message = "db_connections_alarm_threshold must be below db_max_connections, or the alarm fires only once connections are refused."
  }
}

variable "deletion_protection" {
  description = "Deletion protection on the database and the ALB."
  type        = bool
  default     = true
  nullable    = false
}

variable "log_retention_days" {
  description = "Retention of every CloudWatch log group and of ALB access logs, in days (2192 = 6 years, HIPAA)."
  type        = number
  default     = 2192
  nullable    = false
}

variable "enable_waf" {
  description = "Attach the WAF web ACL to the ALB."
  type        = bool
  default     = true
  nullable    = false
}

variable "enable_xray" {
  description = "Export traces to AWS X-Ray through an ADOT collector sidecar (off: no traces leave the tasks)."
  type        = bool
  default     = false
  nullable    = false
}

variable "xray_sampling_ratio" {
  description = "With enable_xray: share of new traces sampled (a caller's sampled traceparent is always followed)."
  type        = number
  default     = 0.1
  nullable    = false
}

variable "slo_p95_latency_seconds" {
  description = "p95 latency SLO in seconds; the latency alarm fires above it."
  type        = number
  default     = 0.5
  nullable    = false
}

variable "audit_log_retention_days" {
  description = "Days the CloudTrail log files are kept (at least 2192 = 6 years)."
  type        = number
  default     = 2192
  nullable    = false
}

variable "alarm_email_addresses" {
  description = "E-mail addresses subscribed to the alert topic."
  type        = list(string)
  default     = []
  nullable    = false
}
