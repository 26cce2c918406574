variable "name" {
  description = "Name prefix for every resource, e.g. \"patient-service-prod\"."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,40}$", var.name))
    error_message = "name must be 3-41 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "log_kms_key_arn" {
  description = "Customer-managed KMS key encrypting the application log group."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:", var.log_kms_key_arn))
    error_message = "log_kms_key_arn must be a KMS key ARN."
  }
}

variable "log_retention_days" {
  description = "Retention of the application log group in days (a CloudWatch Logs retention value). Defaults to 6 years, the HIPAA documentation retention period; 2557, 2922, 3288 and 3653 are also accepted."
  type        = number
  default     = 2192

  validation {
    condition     = contains([365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a CloudWatch Logs retention value of at least 365 days (e.g. 365, 731, 2192 = 6 years, 3653)."
  }
}

variable "sns_kms_key_arn" {
  description = "Customer-managed KMS key encrypting the SNS alert topic (its key policy must let cloudwatch.amazonaws.com use it)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:", var.sns_kms_key_arn))
    error_message = "sns_kms_key_arn must be a KMS key ARN."
  }
}

variable "alarm_email_addresses" {
  description = "E-mail addresses subscribed to the alert topic (each must confirm the subscription). Alerts carry no PHI."
  type        = list(string)
  default     = []
}

variable "alb_arn_suffix" {
  description = "ARN suffix of the ALB (the LoadBalancer CloudWatch dimension)."
  type        = string
}

variable "target_group_arn_suffix" {
  description = "ARN suffix of the service's target group (the TargetGroup CloudWatch dimension)."
  type        = string
}

variable "db_instance_id" {
  description = "RDS DB instance identifier (the DBInstanceIdentifier CloudWatch dimension)."
  type        = string
}

variable "ecs_cluster_name" {
  description = "ECS cluster name, for the dashboard."
  type        = string
}

variable "ecs_service_name" {
  description = "ECS service name, for the dashboard."
  type        = string
}

variable "slo_p95_latency_seconds" {
  description = "Latency SLO: alarm when the targets' p95 response time exceeds this many seconds."
  type        = number
  default     = 0.5
}

variable "alb_5xx_rate_threshold_percent" {
  description = "Alarm when 5xx responses (ALB- and target-generated) exceed this percentage of requests."
  type        = number
  default     = 1
}

variable "db_cpu_threshold_percent" {
  description = "Alarm when RDS CPU utilisation exceeds this percentage."
  type        = number
  default     = 80
}

variable "db_connections_threshold" {
  description = "Alarm when RDS connections exceed this count (size it below max_connections for the instance class)."
  type        = number
  default     = 100
}

variable "db_free_storage_threshold_bytes" {
  description = "Alarm when RDS free storage drops below this many bytes."
  type        = number
  default     = 5368709120 # 5 GiB
}

variable "alarm_period_seconds" {
  description = "Period of each alarm's metric, in seconds."
  type        = number
  default     = 60
}

variable "alarm_evaluation_periods" {
  description = "Consecutive breaching periods (out of as many evaluated) before an alarm fires."
  type        = number
  default     = 5
}

variable "tags" {
  description = "Tags added to every resource (on top of the provider's default_tags)."
  type        = map(string)
  default     = {}
}
