output "app_log_group_name" {
  description = "Name of the CloudWatch log group the ECS task writes to."
  value       = aws_cloudwatch_log_group.app.name
}

output "app_log_group_arn" {
  description = "ARN of the CloudWatch log group the ECS task writes to."
  value       = aws_cloudwatch_log_group.app.arn
}

output "alerts_topic_arn" {
  description = "ARN of the SNS topic receiving every alarm."
  value       = aws_sns_topic.alerts.arn
}

output "alarm_arns" {
  description = "ARNs of the CloudWatch alarms, by purpose."
  value = {
    alb_5xx_rate        = aws_cloudwatch_metric_alarm.alb_5xx_rate.arn
    target_p95_latency  = aws_cloudwatch_metric_alarm.target_p95_latency.arn
    unhealthy_hosts     = aws_cloudwatch_metric_alarm.unhealthy_hosts.arn
    tasks_below_desired = aws_cloudwatch_metric_alarm.tasks_below_desired.arn
    db_cpu              = aws_cloudwatch_metric_alarm.db_cpu.arn
    db_connections      = aws_cloudwatch_metric_alarm.db_connections.arn
    db_free_storage     = aws_cloudwatch_metric_alarm.db_free_storage.arn
  }
}

output "dashboard_name" {
  description = "Name of the CloudWatch dashboard."
  value       = aws_cloudwatch_dashboard.this.dashboard_name
}

output "settings" {
  description = "Retention and alerting as planned, read back from the resources (for reviews and callers' tests): log_retention_days and log_kms_key_arn of the application log group, alarm_email_addresses subscribed to the alert topic."
  value = {
    log_retention_days    = aws_cloudwatch_log_group.app.retention_in_days
    log_kms_key_arn       = aws_cloudwatch_log_group.app.kms_key_id
    alarm_email_addresses = sort([for s in aws_sns_topic_subscription.email : s.endpoint])
  }
}
