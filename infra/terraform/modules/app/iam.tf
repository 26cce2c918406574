# Two roles, least privilege each:
#   execution role - used by the ECS agent to pull the image, read the two
#                    injected secrets and write to the one log group
#   task role      - assumed by the task's containers; the service calls no AWS
#                    API, so without X-Ray it has no permissions at all; with
#                    enable_xray the collector sidecar may write traces

locals {
  ecs_tasks_trust_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
      # Confused-deputy guard: only ECS tasks of this account.
      Condition = {
        StringEquals = { "aws:SourceAccount" = local.account_id }
        ArnLike      = { "aws:SourceArn" = "arn:${local.partition}:ecs:${local.region}:${local.account_id}:*" }
      }
    }]
  })
}

resource "aws_iam_role" "execution" {
  name               = "${var.name}-ecs-execution"
  description        = "ECS agent for ${var.name}: image pull, secret injection, logging"
  assume_role_policy = local.ecs_tasks_trust_policy

  tags = var.tags
}

resource "aws_iam_role_policy" "execution" {
  name = "pull-image-read-secrets-write-logs"
  role = aws_iam_role.execution.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        # GetAuthorizationToken has no resource-level permissions.
        Sid      = "EcrAuth"
        Effect   = "Allow"
        Action   = "ecr:GetAuthorizationToken"
        Resource = "*"
      },
      {
        Sid    = "EcrPullServiceImage"
        Effect = "Allow"
        Action = [
          "ecr:BatchCheckLayerAvailability",
          "ecr:BatchGetImage",
          "ecr:GetDownloadUrlForLayer",
        ]
        Resource = aws_ecr_repository.this.arn
      },
      {
        Sid      = "WriteServiceLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${var.log_group_arn}:*"
      },
      {
        Sid      = "ReadInjectedSecrets"
        Effect   = "Allow"
        Action   = "secretsmanager:GetSecretValue"
        Resource = [var.db_password_secret_arn, var.api_keys_secret_arn]
      },
      {
        Sid      = "DecryptInjectedSecrets"
        Effect   = "Allow"
        Action   = "kms:Decrypt"
        Resource = var.secrets_kms_key_arns
        Condition = {
          StringEquals = { "kms:ViaService" = "secretsmanager.${local.region}.amazonaws.com" }
        }
      },
    ]
  })
}

resource "aws_iam_role" "task" {
  name               = "${var.name}-ecs-task"
  description        = "Runtime identity of ${var.name} tasks (IAM database sign-in; X-Ray when its collector is enabled)"
  assume_role_policy = local.ecs_tasks_trust_policy

  tags = var.tags
}

# IAM database authentication as the service's database user, on this instance only.
resource "aws_iam_role_policy" "task_db_connect" {
  count = local.db_iam_auth ? 1 : 0

  name = "connect-to-the-database-as-${var.db_username}"
  role = aws_iam_role.task.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "ConnectAsTheServiceUser"
      Effect   = "Allow"
      Action   = "rds-db:connect"
      Resource = "arn:${local.partition}:rds-db:${local.region}:${local.account_id}:dbuser:${var.db_iam_auth_resource_id}/${var.db_username}"
    }]
  })
}

# X-Ray's write and sampling actions support no resource-level permissions.
resource "aws_iam_role_policy" "task_xray" {
  count = var.enable_xray ? 1 : 0

  name = "write-xray-traces"
  role = aws_iam_role.task.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid    = "WriteTraces"
      Effect = "Allow"
      Action = [
        "xray:PutTraceSegments",
        "xray:PutTelemetryRecords",
        "xray:GetSamplingRules",
        "xray:GetSamplingTargets",
        "xray:GetSamplingStatisticSummaries",
      ]
      Resource = "*"
    }]
  })
}
