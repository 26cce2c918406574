variable "name" {
  description = "Name prefix for every resource, e.g. \"patient-service-prod\"."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,40}$", var.name))
    error_message = "name must be 3-41 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "key_deletion_window_days" {
  description = "Waiting period before a scheduled KMS key deletion completes. The maximum (30) leaves the most time to cancel an accidental deletion of the key that protects PHI."
  type        = number
  default     = 30

  validation {
    condition     = var.key_deletion_window_days >= 7 && var.key_deletion_window_days <= 30
    error_message = "key_deletion_window_days must be between 7 and 30."
  }
}

variable "key_rotation_period_days" {
  description = "Automatic rotation period of the KMS key material."
  type        = number
  default     = 365

  validation {
    condition     = var.key_rotation_period_days >= 90 && var.key_rotation_period_days <= 2560
    error_message = "key_rotation_period_days must be between 90 and 2560 (KMS limits)."
  }
}

variable "secret_recovery_window_days" {
  description = "Days a deleted secret stays recoverable. 0 (force delete) is not allowed: a deleted API-key secret would lock every client out."
  type        = number
  default     = 30

  validation {
    condition     = var.secret_recovery_window_days >= 7 && var.secret_recovery_window_days <= 30
    error_message = "secret_recovery_window_days must be between 7 and 30."
  }
}

variable "disposable" {
  description = "A disposable environment (dev): destroy deletes the API-key secret at once (no recovery window), so the environment can be rebuilt under the same names straight away. Off: secret_recovery_window_days applies."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags added to every resource (on top of the provider's default_tags)."
  type        = map(string)
  default     = {}
}
