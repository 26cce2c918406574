# The schema migrations as a one-off Fargate task: the service image running
# `migration up`, with its own security group, roles and database credentials.
# The deploy pipeline runs it with the new image and waits for exit code 0
# before the service is updated (scripts/deploy/run-migrations.sh), so new
# service tasks never start against a schema they do not know, and a failed
# migration stops the deploy with the old release still serving.

locals {
  migration_container_name         = "migration"
  migration_db_username            = coalesce(var.migration_db_username, var.db_username)
  migration_db_password_secret_arn = coalesce(var.migration_db_password_secret_arn, var.db_password_secret_arn)
}

# No ingress: the task serves nothing. Egress: the database, and HTTPS to the
# AWS APIs (ECR, Secrets Manager, CloudWatch Logs) through the NAT gateways.
resource "aws_security_group" "migration" {
  #checkov:skip=CKV2_AWS_5:Attached at run time: the deploy pipeline's RunTask (scripts/deploy/run-migrations.sh) starts each migration task in this group; no Terraform resource holds it.
  name_prefix = "${var.name}-migration-"
  description = "One-off schema migration tasks of ${var.name}"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-migration" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_egress_rule" "migration_https" {
  security_group_id = aws_security_group.migration.id
  description       = "HTTPS to AWS APIs (ECR, Secrets Manager, CloudWatch Logs) via NAT"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"

  tags = var.tags
}

resource "aws_vpc_security_group_egress_rule" "migration_to_db" {
  security_group_id            = aws_security_group.migration.id
  description                  = "PostgreSQL to the database only"
  ip_protocol                  = "tcp"
  from_port                    = var.db_port
  to_port                      = var.db_port
  referenced_security_group_id = var.db_security_group_id

  tags = var.tags
}

# Its own roles: the migration task reads the database secret and nothing else
# (not the API keys); its task role has no permissions at all.
resource "aws_iam_role" "migration_execution" {
  name               = "${var.name}-migration-execution"
  description        = "ECS agent for ${var.name} migrations: image pull, database secret, logging"
  assume_role_policy = local.ecs_tasks_trust_policy

  tags = var.tags
}

resource "aws_iam_role_policy" "migration_execution" {
  name = "pull-image-read-db-secret-write-logs"
  role = aws_iam_role.migration_execution.id

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
        Sid      = "WriteMigrationLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${var.log_group_arn}:*"
      },
      {
        Sid      = "ReadDatabaseSecret"
        Effect   = "Allow"
        Action   = "secretsmanager:GetSecretValue"
        Resource = [local.migration_db_password_secret_arn]
      },
      {
        Sid      = "DecryptDatabaseSecret"
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

resource "aws_iam_role" "migration_task" {
  name               = "${var.name}-migration-task"
  description        = "Runtime identity of ${var.name} migration tasks (no permissions: migrations call no AWS API)"
  assume_role_policy = local.ecs_tasks_trust_policy

  tags = var.tags
}

resource "aws_ecs_task_definition" "migration" {
  family                   = "${var.name}-migration"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.migration_cpu
  memory                   = var.migration_memory
  execution_role_arn       = aws_iam_role.migration_execution.arn
  task_role_arn            = aws_iam_role.migration_task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.cpu_architecture
  }

  container_definitions = jsonencode([{
    name      = local.migration_container_name
    image     = "${aws_ecr_repository.this.repository_url}:${var.image_tag}"
    essential = true
    command   = ["/usr/local/bin/migration", "up"]

    user                   = var.container_user
    readonlyRootFilesystem = true
    privileged             = false
    linuxParameters = {
      initProcessEnabled = true
      capabilities       = { drop = ["ALL"] }
    }

    # The DB_* parts, as the service gets them; the migration CLI assembles the URL.
    environment = [
      { name = "DB_HOST", value = var.db_host },
      { name = "DB_PORT", value = tostring(var.db_port) },
      { name = "DB_NAME", value = var.db_name },
      { name = "DB_USER", value = local.migration_db_username },
      { name = "DB_SSLMODE", value = var.db_sslmode },
      { name = "DB_SSLROOTCERT", value = var.db_ssl_root_cert },
    ]
    secrets = [
      { name = "DB_PASSWORD", valueFrom = "${local.migration_db_password_secret_arn}:password::" },
    ]

    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = var.log_group_name
        awslogs-region        = local.region
        awslogs-stream-prefix = local.migration_container_name
      }
    }
  }])

  tags = var.tags
}
