# Offline unit tests: the AWS provider is mocked, nothing is created.

mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  name                    = "patient-service-test"
  log_kms_key_arn         = "arn:aws:kms:us-east-1:123456789012:key/22222222-2222-2222-2222-222222222222"
  sns_kms_key_arn         = "arn:aws:kms:us-east-1:123456789012:key/33333333-3333-3333-3333-333333333333"
  alb_arn_suffix          = "app/patient-service-test/0123456789abcdef"
  target_group_arn_suffix = "targetgroup/patient-service-test/0123456789abcdef"
  db_instance_id          = "patient-service-test"
  ecs_cluster_name        = "patient-service-test"
  ecs_service_name        = "patient-service"
}

run "app_logs_encrypted_and_kept_six_years_by_default" {
  command = plan

  assert {
    condition     = aws_cloudwatch_log_group.app.kms_key_id == var.log_kms_key_arn
    error_message = "The application log group must be encrypted with the customer-managed key."
  }

  assert {
    condition     = aws_cloudwatch_log_group.app.retention_in_days >= 2192
    error_message = "Default retention must cover the 6-year HIPAA documentation period."
  }
}

run "retention_is_configurable_up_to_ten_years" {
  command = plan

  variables {
    log_retention_days = 3653
  }

  assert {
    condition     = aws_cloudwatch_log_group.app.retention_in_days == 3653
    error_message = "Retention must be configurable beyond 6 years."
  }
}

run "rejects_short_or_infinite_retention" {
  command = plan

  variables {
    log_retention_days = 30
  }

  expect_failures = [var.log_retention_days]
}

run "alarms_cover_slo_and_notify_the_topic" {
  command = apply

  assert {
    condition     = aws_sns_topic.alerts.kms_master_key_id == var.sns_kms_key_arn
    error_message = "The alert topic must be KMS-encrypted."
  }

  assert {
    condition = alltrue([
      for a in [
        aws_cloudwatch_metric_alarm.alb_5xx_rate,
        aws_cloudwatch_metric_alarm.target_p95_latency,
        aws_cloudwatch_metric_alarm.unhealthy_hosts,
        aws_cloudwatch_metric_alarm.db_cpu,
        aws_cloudwatch_metric_alarm.db_connections,
      ] : contains(a.alarm_actions, aws_sns_topic.alerts.arn)
    ])
    error_message = "Every alarm must notify the alert topic."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.target_p95_latency.extended_statistic == "p95" && aws_cloudwatch_metric_alarm.target_p95_latency.threshold == var.slo_p95_latency_seconds
    error_message = "The latency alarm must watch p95 against the SLO."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.unhealthy_hosts.threshold == 0 && aws_cloudwatch_metric_alarm.unhealthy_hosts.dimensions.TargetGroup == var.target_group_arn_suffix
    error_message = "Any unhealthy target must raise an alarm."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.db_cpu.dimensions.DBInstanceIdentifier == var.db_instance_id && aws_cloudwatch_metric_alarm.db_connections.dimensions.DBInstanceIdentifier == var.db_instance_id
    error_message = "RDS alarms must watch the service's database."
  }

  assert {
    condition     = length([for q in aws_cloudwatch_metric_alarm.alb_5xx_rate.metric_query : q if q.return_data == true]) == 1
    error_message = "The 5xx alarm must evaluate a single rate expression."
  }
}

run "alarms_on_tasks_that_never_start" {
  command = plan

  assert {
    condition     = one([for q in aws_cloudwatch_metric_alarm.tasks_below_desired.metric_query : q.expression if coalesce(q.return_data, false)]) == "desired - running" && aws_cloudwatch_metric_alarm.tasks_below_desired.comparison_operator == "GreaterThanThreshold" && aws_cloudwatch_metric_alarm.tasks_below_desired.threshold == 0
    error_message = "An alarm must fire when fewer tasks run than desired (crash loops never register with the target group)."
  }

  assert {
    condition = alltrue([
      for q in aws_cloudwatch_metric_alarm.tasks_below_desired.metric_query : q.metric[0].dimensions == tomap({ ClusterName = var.ecs_cluster_name, ServiceName = var.ecs_service_name }) if !coalesce(q.return_data, false)
    ])
    error_message = "The running/desired alarm must watch this service."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.tasks_below_desired.treat_missing_data == "breaching" && aws_cloudwatch_metric_alarm.tasks_below_desired.alarm_actions == toset([aws_sns_topic.alerts.arn])
    error_message = "No task metrics at all is an outage, and the alarm must notify the alert topic."
  }
}
