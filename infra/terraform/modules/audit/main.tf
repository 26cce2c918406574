# Who did what in the account, and the one door for emergency access:
#   trail.tf       CloudTrail (every region, log-file validation, KMS) into its own bucket,
#                  and into a log group the alarms below read
#   break_glass.tf the break-glass role (MFA, short sessions) and the group that may assume it
#   alarms.tf      a notification on every break-glass assumption and on every console
#                  sign-in without MFA
# The process around the role: docs/runbooks/break-glass.md.

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name
  partition  = data.aws_partition.current.partition
  trail_name = var.name
  trail_arn  = "arn:${local.partition}:cloudtrail:${local.region}:${local.account_id}:trail/${local.trail_name}"
}
