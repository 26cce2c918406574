# Emergency access to the environment: a role nobody holds day to day. Only members of
# the break-glass group may assume it (the group's policy is the only grant of
# sts:AssumeRole on it), only with MFA from the last hour, for one short session. Every
# assumption notifies the alert topic (alarms.tf) and is in the trail.

resource "aws_iam_role" "break_glass" {
  name                 = "${var.name}-break-glass"
  description          = "Emergency access to ${var.name}: MFA, short sessions, every use alarmed (docs/runbooks/break-glass.md)"
  max_session_duration = var.break_glass_session_seconds

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      # The account delegates to IAM policies, and only the break-glass group's policy
      # grants AssumeRole on this role; the conditions hold for everyone.
      Sid       = "BreakGlassGroupWithMfa"
      Effect    = "Allow"
      Principal = { AWS = "arn:${local.partition}:iam::${local.account_id}:root" }
      Action    = "sts:AssumeRole"
      Condition = {
        Bool            = { "aws:MultiFactorAuthPresent" = "true" }
        NumericLessThan = { "aws:MultiFactorAuthAge" = "3600" }
      }
    }]
  })

  tags = merge(var.tags, { Purpose = "break-glass" })
}

resource "aws_iam_role_policy_attachment" "break_glass" {
  for_each = toset(var.break_glass_policy_arns)

  role       = aws_iam_role.break_glass.name
  policy_arn = each.value
}

# Members are added by the account's identity administrators, per incident, and removed
# afterwards (the runbook); Terraform owns the group and its one permission.
resource "aws_iam_group" "break_glass" {
  name = "${var.name}-break-glass"
}

resource "aws_iam_group_policy" "break_glass" {
  name  = "assume-break-glass-role-with-mfa"
  group = aws_iam_group.break_glass.name

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "AssumeBreakGlassRoleWithMfa"
      Effect   = "Allow"
      Action   = "sts:AssumeRole"
      Resource = aws_iam_role.break_glass.arn
      Condition = {
        Bool            = { "aws:MultiFactorAuthPresent" = "true" }
        NumericLessThan = { "aws:MultiFactorAuthAge" = "3600" }
      }
    }]
  })
}
