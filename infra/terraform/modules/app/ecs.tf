resource "aws_ecs_cluster" "this" {
  name = var.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }

  # Fargate ephemeral storage (the task's /tmp volume, container layers) is encrypted
  # with our key rather than an AWS-owned one; the key policy lets Fargate use it for
  # this cluster only (modules/secrets).
  configuration {
    managed_storage_configuration {
      fargate_ephemeral_storage_kms_key_id = var.ephemeral_storage_kms_key_arn
    }
  }

  tags = var.tags
}

locals {
  # Plain configuration. DATABASE_URL is deliberately absent: the service
  # assembles it from the DB_* parts, so the password never sits in a URL
  # inside the task definition.
  container_environment = concat([
    { name = "PORT", value = tostring(var.container_port) },
    { name = "METRICS_PORT", value = tostring(var.metrics_port) },
    { name = "DB_HOST", value = var.db_host },
    { name = "DB_PORT", value = tostring(var.db_port) },
    { name = "DB_NAME", value = var.db_name },
    { name = "DB_USER", value = var.db_username },
    { name = "DB_SSLMODE", value = var.db_sslmode },
    { name = "DB_SSLROOTCERT", value = var.db_ssl_root_cert },
    { name = "DB_MAX_CONNECTIONS", value = tostring(var.db_pool_size) },
    { name = "LOG_LEVEL", value = var.log_level },
    { name = "LOG_FORMAT", value = var.log_format },
    # Only the ALB reaches the tasks (task_from_alb), so the address it appends to
    # X-Forwarded-For is the client's (docs/traffic-controls.md).
    { name = "CLIENT_ADDRESS", value = "x-forwarded-for" },
    # hyper applies the header-read timeout to idle keep-alive connections too: it must
    # outlast the ALB's idle timeout, or the ALB reuses a connection the task is closing
    # (502s). The ALB only forwards complete headers, so slowloris is stopped there.
    { name = "HEADER_READ_TIMEOUT_SECONDS", value = tostring(var.alb_idle_timeout_seconds + 5) },
  ], local.trace_environment, local.iam_auth_environment)

  # IAM database authentication: the service signs a token for each new connection with its
  # task role; there is no database password to inject or rotate.
  db_iam_auth = var.db_iam_auth
  iam_auth_environment = local.db_iam_auth ? [
    { name = "DB_IAM_AUTH", value = "true" },
    { name = "AWS_REGION", value = local.region },
  ] : []

  # With enable_xray the service exports spans over OTLP/HTTP to the collector sidecar on
  # localhost; without it, no OTEL_* variable is set and nothing is exported.
  trace_environment = var.enable_xray ? [
    { name = "OTEL_EXPORTER_OTLP_ENDPOINT", value = "http://127.0.0.1:${local.otlp_http_port}" },
    { name = "OTEL_SERVICE_NAME", value = local.container_name },
    { name = "OTEL_TRACES_SAMPLER", value = "parentbased_traceidratio" },
    { name = "OTEL_TRACES_SAMPLER_ARG", value = tostring(var.xray_sampling_ratio) },
  ] : []

  # Secrets are resolved by the ECS agent from Secrets Manager at task start;
  # only their ARNs appear in the task definition and in Terraform state.
  container_secrets = concat(local.db_iam_auth ? [] : [
    # "<secret-arn>:<json-key>::" selects one key of the RDS-managed secret.
    { name = "DB_PASSWORD", valueFrom = "${var.db_password_secret_arn}:password::" },
    ], [
    { name = "API_KEYS", valueFrom = var.api_keys_secret_arn },
  ])
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.cpu_architecture
  }

  # The root filesystem is read-only; this task-scoped scratch volume is the
  # only writable path (/tmp).
  volume {
    name = "tmp"
  }

  # The service container comes first; with X-Ray it starts after its collector (and so
  # stops before it).
  container_definitions = var.enable_xray ? jsonencode([
    merge(local.service_container, { dependsOn = [{ containerName = local.otel_collector_name, condition = "START" }] }),
    local.otel_collector_container,
  ]) : jsonencode([local.service_container])

  tags = var.tags
}

locals {
  otlp_http_port      = 4318
  otel_collector_name = "otel-collector"

  # The collector receives OTLP/HTTP on localhost only (nothing outside the task can send it
  # spans) and forwards to X-Ray with the task role's credentials.
  otel_collector_config = yamlencode({
    receivers  = { otlp = { protocols = { http = { endpoint = "127.0.0.1:${local.otlp_http_port}" } } } }
    processors = { batch = {} }
    exporters  = { awsxray = { region = local.region } }
    service = {
      pipelines = { traces = { receivers = ["otlp"], processors = ["batch"], exporters = ["awsxray"] } }
    }
  })

  # Not essential: if the collector dies, the service keeps serving (traces are lost, not
  # requests). ECS stops it after the service, so the service's last spans still get out.
  otel_collector_container = {
    name      = local.otel_collector_name
    image     = var.otel_collector_image
    essential = false

    user                   = var.container_user
    readonlyRootFilesystem = true
    privileged             = false
    linuxParameters = {
      initProcessEnabled = true
      capabilities       = { drop = ["ALL"] }
    }

    environment = [{ name = "AOT_CONFIG_CONTENT", value = local.otel_collector_config }]

    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = var.log_group_name
        awslogs-region        = local.region
        awslogs-stream-prefix = local.otel_collector_name
        mode                  = "non-blocking"
        max-buffer-size       = "4m"
      }
    }
  }

  service_container = {
    name      = local.container_name
    image     = "${aws_ecr_repository.this.repository_url}:${var.image_tag}"
    essential = true

    user                   = var.container_user
    readonlyRootFilesystem = true
    privileged             = false
    linuxParameters = {
      initProcessEnabled = true
      capabilities       = { drop = ["ALL"] }
    }

    portMappings = [
      { containerPort = var.container_port, protocol = "tcp" },
      { containerPort = var.metrics_port, protocol = "tcp" },
    ]

    environment = local.container_environment
    secrets     = local.container_secrets

    mountPoints = [{
      sourceVolume  = "tmp"
      containerPath = "/tmp"
      readOnly      = false
    }]

    # SIGTERM starts the service's graceful shutdown; SIGKILL follows after this.
    stopTimeout = var.stop_timeout_seconds

    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = var.log_group_name
        awslogs-region        = local.region
        awslogs-stream-prefix = local.container_name
        mode                  = "non-blocking"
        max-buffer-size       = "4m"
      }
    }
  }
}

resource "aws_ecs_service" "this" {
  name             = local.container_name
  cluster          = aws_ecs_cluster.this.id
  task_definition  = aws_ecs_task_definition.this.arn
  desired_count    = var.min_count
  launch_type      = "FARGATE"
  platform_version = "LATEST"

  enable_execute_command = false
  propagate_tags         = "SERVICE"

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.task.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.this.arn
    container_name   = local.container_name
    container_port   = var.container_port
  }

  health_check_grace_period_seconds = var.health_check_grace_period_seconds

  # Rolling deploy: start new tasks before stopping old ones, and roll back
  # automatically if the new ones never become healthy.
  deployment_controller {
    type = "ECS"
  }

  # ECS moves tasks back when an AZ's share drifts (after an AZ outage or a scale-in), so
  # two or more tasks stay in two or more AZs.
  availability_zone_rebalancing = "ENABLED"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  # apply returns only once the new tasks pass the /readyz health checks; the
  # pipeline then checks that the steady deployment is the new revision
  # (scripts/deploy/verify-deployment.sh), since a rolled-back one is steady too.
  wait_for_steady_state = var.wait_for_steady_state

  tags = var.tags

  # Application Auto Scaling owns the running count between min_count and max_count
  # (autoscaling.tf); desired_count only sets where a new service starts.
  lifecycle {
    ignore_changes = [desired_count]
  }

  depends_on = [aws_lb_listener.https, aws_iam_role_policy.execution]
}
