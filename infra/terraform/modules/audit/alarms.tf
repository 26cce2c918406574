# Metric filters on the trail's log group, each with an alarm that fires on the first
# event: a break-glass assumption is never routine, nor is a console sign-in without MFA.

locals {
  audit_namespace = "${var.name}/audit"

  audit_events = {
    break-glass-assumed = {
      description = "The break-glass role was assumed: confirm it is a declared incident (docs/runbooks/break-glass.md)."
      pattern     = "{ ($.eventName = \"AssumeRole\") && ($.requestParameters.roleArn = \"${aws_iam_role.break_glass.arn}\") }"
    }
    console-sign-in-without-mfa = {
      description = "A console sign-in succeeded without MFA."
      pattern     = "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") && ($.responseElements.ConsoleLogin = \"Success\") && ($.userIdentity.type = \"IAMUser\") }"
    }
  }
}

resource "aws_cloudwatch_log_metric_filter" "audit" {
  for_each = local.audit_events

  name           = "${var.name}-${each.key}"
  log_group_name = aws_cloudwatch_log_group.trail.name
  pattern        = each.value.pattern

  metric_transformation {
    name          = each.key
    namespace     = local.audit_namespace
    value         = "1"
    default_value = "0"
  }
}

resource "aws_cloudwatch_metric_alarm" "audit" {
  for_each = local.audit_events

  alarm_name          = "${var.name}-${each.key}"
  alarm_description   = each.value.description
  namespace           = local.audit_namespace
  metric_name         = each.key
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  treat_missing_data  = "notBreaching"
  alarm_actions       = [var.alarm_topic_arn]

  tags = var.tags

  depends_on = [aws_cloudwatch_log_metric_filter.audit]
}
