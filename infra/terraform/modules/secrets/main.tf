# KMS keys and Secrets Manager secrets for one environment.
#
# Three keys, one per blast radius, so a grant on one never exposes another:
#   database - RDS storage, Performance Insights and the RDS-managed master secret
#   app      - the service's own secrets (API keys), ECR images and the SNS alert topic
#   logs     - every CloudWatch log group (app, RDS, VPC flow logs, WAF)
#
# Every key has an explicit policy. The first statement gives the account root
# full control, which is what delegates access to IAM policies (the ECS
# execution role, operators); without it a key can become unmanageable.
# Service principals get only the extra statements they need.

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name
  partition  = data.aws_partition.current.partition

  # The ECS cluster whose Fargate ephemeral storage the app key encrypts (modules/app
  # names its cluster var.name).
  fargate_cluster_context = {
    "kms:EncryptionContext:aws:ecs:clusterAccount" = local.account_id
    "kms:EncryptionContext:aws:ecs:clusterName"    = var.name
  }

  account_root_statement = {
    Sid       = "AccountRootFullAccess"
    Effect    = "Allow"
    Principal = { AWS = "arn:${local.partition}:iam::${local.account_id}:root" }
    Action    = "kms:*"
    Resource  = "*"
  }
}

resource "aws_kms_key" "database" {
  description             = "${var.name}: RDS storage, Performance Insights and master user secret"
  enable_key_rotation     = true
  rotation_period_in_days = var.key_rotation_period_days
  deletion_window_in_days = var.key_deletion_window_days

  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [local.account_root_statement]
  })

  tags = merge(var.tags, { Purpose = "database" })
}

resource "aws_kms_alias" "database" {
  name          = "alias/${var.name}-database"
  target_key_id = aws_kms_key.database.key_id
}

resource "aws_kms_key" "app" {
  description             = "${var.name}: application secrets, ECR images, alert topic and Fargate ephemeral storage"
  enable_key_rotation     = true
  rotation_period_in_days = var.key_rotation_period_days
  deletion_window_in_days = var.key_deletion_window_days

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      local.account_root_statement,
      {
        # CloudWatch alarms publish to the KMS-encrypted SNS alert topic.
        Sid       = "CloudWatchAlarmsPublishToEncryptedTopic"
        Effect    = "Allow"
        Principal = { Service = "cloudwatch.amazonaws.com" }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey*"]
        Resource  = "*"
        Condition = {
          StringEquals = { "aws:SourceAccount" = local.account_id }
        }
      },
      {
        # Fargate encrypts the tasks' ephemeral storage with data keys of this key, for
        # this environment's cluster (named var.name) only.
        Sid       = "FargateEphemeralStorageDataKeys"
        Effect    = "Allow"
        Principal = { Service = "fargate.amazonaws.com" }
        Action    = "kms:GenerateDataKeyWithoutPlaintext"
        Resource  = "*"
        Condition = { StringEquals = local.fargate_cluster_context }
      },
      {
        Sid       = "FargateEphemeralStorageDecryptGrants"
        Effect    = "Allow"
        Principal = { Service = "fargate.amazonaws.com" }
        Action    = "kms:CreateGrant"
        Resource  = "*"
        Condition = {
          StringEquals                = local.fargate_cluster_context
          "ForAllValues:StringEquals" = { "kms:GrantOperations" = ["Decrypt"] }
        }
      },
    ]
  })

  tags = merge(var.tags, { Purpose = "app" })
}

resource "aws_kms_alias" "app" {
  name          = "alias/${var.name}-app"
  target_key_id = aws_kms_key.app.key_id
}

resource "aws_kms_key" "logs" {
  description             = "${var.name}: CloudWatch Logs"
  enable_key_rotation     = true
  rotation_period_in_days = var.key_rotation_period_days
  deletion_window_in_days = var.key_deletion_window_days

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      local.account_root_statement,
      {
        # CloudWatch Logs encrypts log groups itself; scope it to this
        # account's log groups through the encryption context.
        Sid       = "CloudWatchLogsEncryptLogGroups"
        Effect    = "Allow"
        Principal = { Service = "logs.${local.region}.amazonaws.com" }
        Action = [
          "kms:Encrypt*",
          "kms:Decrypt*",
          "kms:ReEncrypt*",
          "kms:GenerateDataKey*",
          "kms:Describe*",
        ]
        Resource = "*"
        Condition = {
          ArnLike = {
            "kms:EncryptionContext:aws:logs:arn" = "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:*"
          }
        }
      },
    ]
  })

  tags = merge(var.tags, { Purpose = "logs" })
}

resource "aws_kms_alias" "logs" {
  name          = "alias/${var.name}-logs"
  target_key_id = aws_kms_key.logs.key_id
}

# API_KEYS for the service: a JSON array of {name, sha256, scopes}. Only hashes
# are stored, never the keys themselves.
resource "aws_secretsmanager_secret" "api_keys" {
  #checkov:skip=CKV2_AWS_57:The secret holds SHA-256 hashes of client API keys; rotating it means issuing new keys to clients, an operator process (see module README), not a rotation Lambda.
  name        = "${var.name}/api-keys"
  description = "API_KEYS for ${var.name}: JSON array of {name, sha256, scopes}."
  kms_key_id  = aws_kms_key.app.arn
  # A disposable environment is rebuilt right after a destroy, under the same name, which
  # a secret scheduled for deletion would block.
  recovery_window_in_days = var.disposable ? 0 : var.secret_recovery_window_days

  tags = var.tags
}

# An empty key list so the ECS task can start before operators load real keys
# (every API call is then rejected, which is the safe failure). The real value
# is written out-of-band with `aws secretsmanager put-secret-value`, so it
# never appears in Terraform state; ignore_changes keeps Terraform from
# reverting it.
resource "aws_secretsmanager_secret_version" "api_keys_initial" {
  secret_id     = aws_secretsmanager_secret.api_keys.id
  secret_string = jsonencode([])

  lifecycle {
    ignore_changes = [secret_string]
  }
}
