# Offline unit tests: the AWS provider is mocked, nothing is created.

mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  name            = "patient-service-test"
  log_kms_key_arn = "arn:aws:kms:us-east-1:123456789012:key/11111111-1111-1111-1111-111111111111"
  alarm_topic_arn = "arn:aws:sns:us-east-1:123456789012:alerts"
}

run "trail_covers_every_region_validated_and_encrypted" {
  command = apply

  assert {
    condition     = aws_cloudtrail.this.is_multi_region_trail && aws_cloudtrail.this.include_global_service_events
    error_message = "The trail must record every region and the global services (IAM, STS, console sign-in)."
  }

  assert {
    condition     = aws_cloudtrail.this.enable_log_file_validation
    error_message = "Log-file validation (digest files) must be on, so tampering is detectable."
  }

  assert {
    condition     = aws_cloudtrail.this.kms_key_id == aws_kms_key.trail.arn && aws_kms_key.trail.enable_key_rotation
    error_message = "The trail's log files must be encrypted with its own rotating KMS key."
  }

  assert {
    condition     = one([for r in aws_s3_bucket_server_side_encryption_configuration.trail.rule : r.apply_server_side_encryption_by_default[0].kms_master_key_id]) == aws_kms_key.trail.arn
    error_message = "The trail bucket must default to SSE-KMS with the trail key."
  }

  assert {
    condition = alltrue([
      aws_s3_bucket_public_access_block.trail.block_public_acls,
      aws_s3_bucket_public_access_block.trail.block_public_policy,
      aws_s3_bucket_public_access_block.trail.ignore_public_acls,
      aws_s3_bucket_public_access_block.trail.restrict_public_buckets,
    ])
    error_message = "The trail bucket must block all public access."
  }

  assert {
    condition     = aws_s3_bucket_versioning.trail.versioning_configuration[0].status == "Enabled"
    error_message = "The trail bucket must be versioned."
  }

  assert {
    condition     = output.settings.trail_retention_days >= 2192
    error_message = "Trail log files must be kept at least 6 years by default."
  }

  assert {
    condition     = anytrue([for s in jsondecode(aws_s3_bucket_policy.trail.policy).Statement : s.Effect == "Deny" && try(s.Condition.Bool["aws:SecureTransport"], "") == "false"])
    error_message = "The trail bucket must refuse plain HTTP."
  }

  assert {
    condition     = !aws_s3_bucket.trail.force_destroy
    error_message = "destroy must not delete the audit trail's log files by default."
  }
}

run "break_glass_needs_mfa_a_short_session_and_the_group" {
  command = apply

  assert {
    condition     = aws_iam_role.break_glass.max_session_duration <= 3600
    error_message = "Break-glass sessions must last at most an hour."
  }

  assert {
    condition = alltrue([
      for s in jsondecode(aws_iam_role.break_glass.assume_role_policy).Statement :
      s.Condition.Bool["aws:MultiFactorAuthPresent"] == "true" && tonumber(s.Condition.NumericLessThan["aws:MultiFactorAuthAge"]) <= 3600
    ])
    error_message = "Assuming the break-glass role must require MFA from the last hour."
  }

  assert {
    condition = alltrue([
      for s in jsondecode(aws_iam_role.break_glass.assume_role_policy).Statement :
      s.Principal == { AWS = "arn:aws:iam::123456789012:root" }
    ])
    error_message = "Only this account's principals (delegated through IAM) may be trusted, never another account or a service."
  }

  assert {
    condition = (
      jsondecode(aws_iam_group_policy.break_glass.policy).Statement[0].Resource == aws_iam_role.break_glass.arn &&
      jsondecode(aws_iam_group_policy.break_glass.policy).Statement[0].Action == "sts:AssumeRole" &&
      jsondecode(aws_iam_group_policy.break_glass.policy).Statement[0].Condition.Bool["aws:MultiFactorAuthPresent"] == "true"
    )
    error_message = "The break-glass group may assume exactly the break-glass role, with MFA."
  }

  assert {
    condition     = !contains([for a in aws_iam_role_policy_attachment.break_glass : a.policy_arn], "arn:aws:iam::aws:policy/AdministratorAccess")
    error_message = "The break-glass role must not default to AdministratorAccess (it could rewrite IAM and the trail)."
  }
}

run "every_assumption_and_console_sign_in_without_mfa_alarms" {
  command = apply

  assert {
    condition     = strcontains(aws_cloudwatch_log_metric_filter.audit["break-glass-assumed"].pattern, aws_iam_role.break_glass.arn) && strcontains(aws_cloudwatch_log_metric_filter.audit["break-glass-assumed"].pattern, "AssumeRole")
    error_message = "A metric filter must match AssumeRole of the break-glass role."
  }

  assert {
    condition     = strcontains(aws_cloudwatch_log_metric_filter.audit["console-sign-in-without-mfa"].pattern, "ConsoleLogin") && strcontains(aws_cloudwatch_log_metric_filter.audit["console-sign-in-without-mfa"].pattern, "MFAUsed")
    error_message = "A metric filter must match console sign-ins without MFA."
  }

  assert {
    condition = alltrue([
      for a in aws_cloudwatch_metric_alarm.audit :
      a.threshold == 1 && a.evaluation_periods == 1 && a.alarm_actions == toset([var.alarm_topic_arn])
    ])
    error_message = "Each audit alarm must notify the alert topic on the first event."
  }

  assert {
    condition     = aws_cloudtrail.this.cloud_watch_logs_group_arn == "${aws_cloudwatch_log_group.trail.arn}:*" && aws_cloudwatch_log_group.trail.kms_key_id == var.log_kms_key_arn
    error_message = "The trail must feed its encrypted log group, which the metric filters read."
  }
}

run "rejects_short_trail_retention" {
  command = plan

  variables {
    trail_retention_days = 365
  }

  expect_failures = [var.trail_retention_days]
}

run "rejects_long_break_glass_sessions" {
  command = plan

  variables {
    break_glass_session_seconds = 43200
  }

  expect_failures = [var.break_glass_session_seconds]
}
