output "break_glass_role_arn" {
  description = "ARN of the break-glass role (docs/runbooks/break-glass.md)."
  value       = aws_iam_role.break_glass.arn
}

output "break_glass_group_name" {
  description = "IAM group whose members may assume the break-glass role."
  value       = aws_iam_group.break_glass.name
}

output "trail_arn" {
  description = "ARN of the CloudTrail trail."
  value       = aws_cloudtrail.this.arn
}

output "trail_bucket" {
  description = "S3 bucket holding the trail's log files."
  value       = aws_s3_bucket.trail.id
}

output "settings" {
  description = "What the audit set-up is, read back from the resources: multi_region, log_file_validation, trail_kms_key_arn, trail_retention_days, break_glass_session_seconds, break_glass_requires_mfa, alarms (their names)."
  value = {
    multi_region                = aws_cloudtrail.this.is_multi_region_trail
    log_file_validation         = aws_cloudtrail.this.enable_log_file_validation
    trail_kms_key_arn           = aws_cloudtrail.this.kms_key_id
    trail_retention_days        = one([for r in aws_s3_bucket_lifecycle_configuration.trail.rule : one(r.expiration[*].days)])
    break_glass_session_seconds = aws_iam_role.break_glass.max_session_duration
    break_glass_requires_mfa    = jsondecode(aws_iam_role.break_glass.assume_role_policy).Statement[0].Condition.Bool["aws:MultiFactorAuthPresent"] == "true"
    alarms                      = sort([for a in aws_cloudwatch_metric_alarm.audit : a.alarm_name])
  }
}
