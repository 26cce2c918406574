variable "name" {
  description = "Name prefix for every resource, e.g. \"patient-service-prod\"."
  type        = string
}

variable "trail_retention_days" {
  description = "Days CloudTrail log files are kept in their bucket (at least 2192 = 6 years, HIPAA)."
  type        = number
  default     = 2192

  validation {
    condition     = var.trail_retention_days >= 2192
    error_message = "trail_retention_days must be at least 2192 (6 years)."
  }
}

variable "log_kms_key_arn" {
  description = "KMS key for the trail's CloudWatch log group (its policy must allow CloudWatch Logs)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:", var.log_kms_key_arn))
    error_message = "log_kms_key_arn must be a KMS key ARN."
  }
}

variable "log_retention_days" {
  description = "Retention of the trail's CloudWatch log group (the alarms read it; the bucket is the long-term record)."
  type        = number
  default     = 365
}

variable "alarm_topic_arn" {
  description = "SNS topic notified of every break-glass assumption and every console sign-in without MFA."
  type        = string
}

variable "break_glass_policy_arns" {
  description = "Managed policies of the break-glass role. PowerUserAccess: operate every service, read data and secrets, but change no IAM."
  type        = list(string)
  default     = ["arn:aws:iam::aws:policy/PowerUserAccess"]
}

variable "break_glass_session_seconds" {
  description = "Longest break-glass session (seconds, 900-3600): short, so elevated access ends on its own."
  type        = number
  default     = 3600

  validation {
    condition     = var.break_glass_session_seconds >= 900 && var.break_glass_session_seconds <= 3600
    error_message = "break_glass_session_seconds must be between 900 and 3600."
  }
}

variable "disposable" {
  description = "A disposable environment (dev): destroy also empties the trail bucket. Off: destroy stops at a non-empty bucket."
  type        = bool
  default     = false
}

variable "key_deletion_window_days" {
  description = "Waiting period before the trail's KMS key is deleted."
  type        = number
  default     = 30
}

variable "tags" {
  description = "Tags added to every resource (on top of the provider's default_tags)."
  type        = map(string)
  default     = {}
}
