# Offline unit tests: the AWS provider is mocked, nothing is created.
# The first run applies (against the mock) so that computed values, such as
# the ECR URL inside the container definition, exist in the test state; the
# later runs plan against that state, which is as strict and cheaper.

mock_provider "aws" {
  source = "../../tests/mocks"
}

# ACM returns the DNS validation record after creating the certificate; the
# mock must return one for the test domain.
override_resource {
  target = aws_acm_certificate.this
  values = {
    arn = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
    domain_validation_options = [{
      domain_name           = "patients.test.example.com"
      resource_record_name  = "_x1.patients.test.example.com."
      resource_record_type  = "CNAME"
      resource_record_value = "_x2.acm-validations.aws."
    }]
  }
}

# Distinct role ARNs so the test can tell the two roles apart.
override_resource {
  target = aws_iam_role.execution
  values = { arn = "arn:aws:iam::123456789012:role/patient-service-test-ecs-execution" }
}

override_resource {
  target = aws_iam_role.task
  values = { arn = "arn:aws:iam::123456789012:role/patient-service-test-ecs-task" }
}

override_resource {
  target = aws_iam_role.migration_execution
  values = { arn = "arn:aws:iam::123456789012:role/patient-service-test-migration-execution" }
}

override_resource {
  target = aws_iam_role.migration_task
  values = { arn = "arn:aws:iam::123456789012:role/patient-service-test-migration-task" }
}

override_resource {
  target = aws_security_group.migration
  values = { id = "sg-0eeeeeeeeeeeeeee0" }
}

variables {
  name                   = "patient-service-test"
  vpc_id                 = "vpc-0123456789abcdef0"
  public_subnet_ids      = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb1"]
  private_subnet_ids     = ["subnet-0aaaaaaaaaaaaaaa2", "subnet-0bbbbbbbbbbbbbbb2"]
  domain_name            = "patients.test.example.com"
  route53_zone_id        = "Z0123456789ABCDEFGHIJ"
  image_tag              = "0123abc"
  ecr_kms_key_arn        = "arn:aws:kms:us-east-1:123456789012:key/33333333-3333-3333-3333-333333333333"
  log_kms_key_arn        = "arn:aws:kms:us-east-1:123456789012:key/22222222-2222-2222-2222-222222222222"
  log_group_name         = "/ecs/patient-service-test"
  log_group_arn          = "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/patient-service-test"
  db_host                = "patient-service-test.abc.us-east-1.rds.amazonaws.com"
  db_name                = "patients"
  db_username            = "patient_service"
  db_security_group_id   = "sg-0ddddddddddddddd0"
  metrics_ingress_cidr   = "10.20.0.0/16"
  db_password_secret_arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-1234-AbCdEf"
  api_keys_secret_arn    = "arn:aws:secretsmanager:us-east-1:123456789012:secret:patient-service-test/api-keys-AbCdEf"

  ephemeral_storage_kms_key_arn = "arn:aws:kms:us-east-1:123456789012:key/33333333-3333-3333-3333-333333333333"
  secrets_kms_key_arns = [
    "arn:aws:kms:us-east-1:123456789012:key/11111111-1111-1111-1111-111111111111",
    "arn:aws:kms:us-east-1:123456789012:key/33333333-3333-3333-3333-333333333333",
  ]
}

run "https_only_with_tls12_plus_and_hsts" {
  command = apply

  assert {
    condition     = aws_lb_listener.https.protocol == "HTTPS" && aws_lb_listener.https.port == 443
    error_message = "The service listener must be HTTPS on 443."
  }

  assert {
    condition = contains([
      "ELBSecurityPolicy-TLS13-1-2-2021-06",
      "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
      "ELBSecurityPolicy-TLS13-1-3-2021-06",
      "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
      "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
      "ELBSecurityPolicy-FS-1-2-Res-2020-10",
      "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
    ], aws_lb_listener.https.ssl_policy)
    error_message = "The HTTPS listener must use a TLS 1.2+ policy."
  }

  assert {
    condition     = aws_lb_listener.https.certificate_arn == aws_acm_certificate_validation.this.certificate_arn
    error_message = "The HTTPS listener must serve the validated ACM certificate."
  }

  assert {
    condition     = startswith(aws_lb_listener.https.routing_http_response_strict_transport_security_header_value, "max-age=")
    error_message = "The ALB must add an HSTS header."
  }

  assert {
    condition     = aws_lb_listener.https.default_action[0].target_group_arn == aws_lb_target_group.this.arn
    error_message = "HTTPS must forward to the service target group."
  }

  assert {
    condition = (
      length(aws_lb_listener.http_redirect.default_action) == 1 &&
      aws_lb_listener.http_redirect.default_action[0].type == "redirect" &&
      aws_lb_listener.http_redirect.default_action[0].redirect[0].protocol == "HTTPS" &&
      aws_lb_listener.http_redirect.default_action[0].redirect[0].status_code == "HTTP_301"
    )
    error_message = "Port 80 must only redirect to HTTPS."
  }
}

run "alb_hardening_access_logs_and_waf" {
  command = plan

  assert {
    condition     = aws_lb.this.drop_invalid_header_fields == true
    error_message = "The ALB must drop invalid header fields."
  }

  assert {
    condition     = aws_lb.this.enable_deletion_protection == true
    error_message = "ALB deletion protection must default to on."
  }

  assert {
    condition     = aws_lb.this.access_logs[0].enabled && aws_lb.this.access_logs[0].bucket == aws_s3_bucket.access_logs.id
    error_message = "ALB access logs must go to the module's bucket."
  }

  assert {
    condition = (
      aws_s3_bucket_public_access_block.access_logs.block_public_acls &&
      aws_s3_bucket_public_access_block.access_logs.block_public_policy &&
      aws_s3_bucket_public_access_block.access_logs.ignore_public_acls &&
      aws_s3_bucket_public_access_block.access_logs.restrict_public_buckets
    )
    error_message = "The access log bucket must block all public access."
  }

  assert {
    condition     = one(aws_s3_bucket_server_side_encryption_configuration.access_logs.rule).apply_server_side_encryption_by_default[0].sse_algorithm == "AES256"
    error_message = "The access log bucket must be encrypted (SSE-S3 is the only option ALB supports)."
  }

  assert {
    condition     = length(aws_wafv2_web_acl_association.this) == 1 && aws_wafv2_web_acl_association.this[0].resource_arn == aws_lb.this.arn
    error_message = "The WAF web ACL must be attached to the ALB by default."
  }
}

run "phi_stays_out_of_waf_logs_and_alb_logs_are_locked_down" {
  command = plan

  assert {
    condition     = length([for f in aws_wafv2_web_acl_logging_configuration.this[0].redacted_fields : f if length(f.query_string) == 1]) == 1
    error_message = "The WAF logs must redact the query string (it can carry PHI)."
  }

  assert {
    condition = toset(flatten([
      for f in aws_wafv2_web_acl_logging_configuration.this[0].redacted_fields : [for h in f.single_header : h.name]
    ])) == toset(["authorization", "x-api-key"])
    error_message = "The WAF logs must redact both credential headers."
  }

  assert {
    condition     = aws_s3_bucket.access_logs.tags["DataClassification"] == "PHI"
    error_message = "The ALB access log bucket must be tagged as PHI-bearing."
  }

  assert {
    condition = anytrue([
      for s in jsondecode(aws_s3_bucket_policy.access_logs.policy).Statement :
      s.Sid == "DenyReadingExceptLogReaders" && s.Effect == "Deny" && contains(s.Action, "s3:GetObject") &&
      s.Condition.ArnNotLike["aws:PrincipalArn"] == ["arn:aws:iam::123456789012:role/patient-service-test-access-log-reader"]
      if s.Sid == "DenyReadingExceptLogReaders"
    ])
    error_message = "Only the access log readers may read the ALB access logs."
  }
}

run "only_the_alb_is_open_to_the_internet" {
  command = plan

  assert {
    condition = alltrue([
      for r in [
        aws_vpc_security_group_ingress_rule.alb_https,
        aws_vpc_security_group_ingress_rule.alb_http_redirect,
        aws_vpc_security_group_ingress_rule.task_from_alb,
        aws_vpc_security_group_ingress_rule.task_metrics_from_vpc,
      ] :
      (r.cidr_ipv4 == null && r.cidr_ipv6 == null) || (
        r.security_group_id == aws_security_group.alb.id &&
        contains([443, 80], r.from_port) && r.from_port == r.to_port
        ) || (
        r.security_group_id == aws_security_group.task.id &&
        r.cidr_ipv4 == var.metrics_ingress_cidr && r.cidr_ipv6 == null &&
        r.from_port == var.metrics_port && r.to_port == var.metrics_port
      )
    ])
    error_message = "Only the ALB may accept traffic from the internet (443, and 80 for the redirect); tasks accept a CIDR only for metrics, and only the VPC's."
  }

  assert {
    condition     = aws_vpc_security_group_ingress_rule.alb_https.from_port == 443 && aws_vpc_security_group_ingress_rule.alb_https.to_port == 443
    error_message = "The ALB's internet ingress must be 443."
  }

  assert {
    condition = (
      aws_vpc_security_group_ingress_rule.task_from_alb.cidr_ipv4 == null &&
      aws_vpc_security_group_ingress_rule.task_from_alb.referenced_security_group_id == aws_security_group.alb.id &&
      aws_vpc_security_group_ingress_rule.task_from_alb.from_port == 8080
    )
    error_message = "Tasks must accept traffic from the ALB security group only, on the service port."
  }

  assert {
    condition     = aws_vpc_security_group_egress_rule.task_to_db.referenced_security_group_id == var.db_security_group_id && aws_vpc_security_group_egress_rule.task_to_db.cidr_ipv4 == null
    error_message = "Tasks may reach the database security group only."
  }

  assert {
    condition     = aws_vpc_security_group_egress_rule.task_https.from_port == 443 && aws_vpc_security_group_egress_rule.task_https.to_port == 443
    error_message = "Task egress to the internet must be limited to HTTPS."
  }
}

run "tasks_are_private_and_roll_back" {
  command = plan

  assert {
    condition     = aws_ecs_service.this.network_configuration[0].assign_public_ip == false
    error_message = "Tasks must not get a public IP."
  }

  assert {
    condition     = aws_ecs_service.this.network_configuration[0].subnets == toset(var.private_subnet_ids)
    error_message = "Tasks must run in the private subnets."
  }

  assert {
    condition     = aws_ecs_service.this.deployment_circuit_breaker[0].enable && aws_ecs_service.this.deployment_circuit_breaker[0].rollback
    error_message = "Deployments must use the circuit breaker with rollback."
  }

  assert {
    condition     = aws_ecs_service.this.deployment_minimum_healthy_percent == 100
    error_message = "Rolling deploys must keep full capacity."
  }

  assert {
    condition     = aws_lb_target_group.this.health_check[0].path == "/readyz" && aws_lb_target_group.this.health_check[0].matcher == "200"
    error_message = "The target group must health-check /readyz."
  }

  assert {
    condition     = aws_ecs_cluster.this.setting == toset([{ name = "containerInsights", value = "enabled" }])
    error_message = "Container Insights must be enabled."
  }
}

run "container_is_locked_down_and_gets_secrets_from_secrets_manager" {
  command = plan

  assert {
    condition     = jsondecode(aws_ecs_task_definition.this.container_definitions)[0].readonlyRootFilesystem == true
    error_message = "The container root filesystem must be read-only."
  }

  assert {
    condition = (
      !contains(["0", "root"], split(":", jsondecode(aws_ecs_task_definition.this.container_definitions)[0].user)[0]) &&
      jsondecode(aws_ecs_task_definition.this.container_definitions)[0].privileged == false
    )
    error_message = "The container must run as a non-root, unprivileged user."
  }

  assert {
    condition = {
      for s in jsondecode(aws_ecs_task_definition.this.container_definitions)[0].secrets : s.name => s.valueFrom
      } == {
      DB_PASSWORD = "${var.db_password_secret_arn}:password::"
      API_KEYS    = var.api_keys_secret_arn
    }
    error_message = "DB_PASSWORD and API_KEYS must be injected via valueFrom from Secrets Manager."
  }

  assert {
    condition = length(setintersection(
      [for e in jsondecode(aws_ecs_task_definition.this.container_definitions)[0].environment : e.name],
      ["DB_PASSWORD", "API_KEYS", "DATABASE_URL"],
    )) == 0
    error_message = "Secrets (and a DATABASE_URL that would embed the password) must never be plain environment variables."
  }

  assert {
    condition = {
      for e in jsondecode(aws_ecs_task_definition.this.container_definitions)[0].environment : e.name => e.value
      } == {
      PORT           = "8080"
      METRICS_PORT   = "9090"
      DB_HOST        = var.db_host
      DB_PORT        = "5432"
      DB_NAME        = "patients"
      DB_USER        = "patient_service"
      DB_SSLMODE     = "verify-full"
      DB_SSLROOTCERT = "/etc/ssl/certs/rds-ca-bundle.pem"
      # The pool (db_pool_size), sized with the database's max_connections by the stack.
      DB_MAX_CONNECTIONS = "10"
      LOG_LEVEL          = "info"
      LOG_FORMAT         = "json"
      CLIENT_ADDRESS     = "x-forwarded-for"
      # Longer than the ALB's idle timeout (default 60 s).
      HEADER_READ_TIMEOUT_SECONDS = "65"
    }
    error_message = "The container environment must match what the service reads (no OTEL_* without X-Ray: nothing is exported)."
  }

  assert {
    condition     = jsondecode(aws_ecs_task_definition.this.container_definitions)[0].stopTimeout >= 10
    error_message = "The container needs time to shut down gracefully after SIGTERM."
  }

  assert {
    condition     = aws_ecs_task_definition.this.execution_role_arn != aws_ecs_task_definition.this.task_role_arn
    error_message = "Task and execution roles must be distinct."
  }
}

run "iam_and_ecr_least_privilege" {
  command = plan

  assert {
    condition = alltrue([
      for s in jsondecode(aws_iam_role_policy.execution.policy).Statement :
      s.Resource != "*" || s.Action == "ecr:GetAuthorizationToken"
    ])
    error_message = "Only ecr:GetAuthorizationToken (which has no resource-level permissions) may use Resource \"*\"."
  }

  assert {
    condition = toset(flatten([
      for s in jsondecode(aws_iam_role_policy.execution.policy).Statement : s.Resource if s.Action == "secretsmanager:GetSecretValue"
    ])) == toset([var.db_password_secret_arn, var.api_keys_secret_arn])
    error_message = "The execution role may read exactly the two injected secrets."
  }

  assert {
    condition     = aws_ecr_repository.this.image_tag_mutability == "IMMUTABLE"
    error_message = "ECR tags must be immutable."
  }

  assert {
    condition     = aws_ecr_repository.this.image_scanning_configuration[0].scan_on_push
    error_message = "ECR must scan images on push."
  }

  assert {
    condition     = aws_ecr_repository.this.encryption_configuration[0].encryption_type == "KMS" && aws_ecr_repository.this.encryption_configuration[0].kms_key == var.ecr_kms_key_arn
    error_message = "ECR must be encrypted with the customer-managed key."
  }
}

run "metrics_are_reachable_from_inside_the_vpc_only" {
  command = plan

  assert {
    condition = (
      aws_vpc_security_group_ingress_rule.task_metrics_from_vpc.security_group_id == aws_security_group.task.id &&
      aws_vpc_security_group_ingress_rule.task_metrics_from_vpc.cidr_ipv4 == "10.20.0.0/16" &&
      aws_vpc_security_group_ingress_rule.task_metrics_from_vpc.from_port == 9090 &&
      aws_vpc_security_group_ingress_rule.task_metrics_from_vpc.to_port == 9090
    )
    error_message = "The metrics port must be open to the VPC's CIDR only."
  }

  assert {
    condition     = [for p in jsondecode(aws_ecs_task_definition.this.container_definitions)[0].portMappings : p.containerPort] == [8080, 9090]
    error_message = "The task must expose the service port and the metrics port."
  }

  assert {
    condition = (
      aws_lb_target_group.this.port == 8080 &&
      [for lb in aws_ecs_service.this.load_balancer : lb.container_port] == [8080] &&
      aws_vpc_security_group_egress_rule.alb_to_tasks.from_port == 8080 &&
      aws_vpc_security_group_egress_rule.alb_to_tasks.to_port == 8080
    )
    error_message = "The ALB must reach the service port only, never the metrics port."
  }
}

run "xray_is_off_by_default" {
  command = plan

  assert {
    condition     = length(jsondecode(aws_ecs_task_definition.this.container_definitions)) == 1 && !output.settings.xray_enabled
    error_message = "Without enable_xray the task must run the service container alone."
  }

  assert {
    condition     = length(aws_iam_role_policy.task_xray) == 0
    error_message = "Without enable_xray the task role must have no permissions."
  }
}

run "xray_adds_a_localhost_collector_with_write_access" {
  command = plan

  variables {
    enable_xray         = true
    xray_sampling_ratio = 0.25
  }

  assert {
    condition = (
      length(jsondecode(aws_ecs_task_definition.this.container_definitions)) == 2 &&
      jsondecode(aws_ecs_task_definition.this.container_definitions)[1].name == "otel-collector" &&
      startswith(jsondecode(aws_ecs_task_definition.this.container_definitions)[1].image, "public.ecr.aws/aws-observability/aws-otel-collector:v") &&
      jsondecode(aws_ecs_task_definition.this.container_definitions)[1].essential == false &&
      jsondecode(aws_ecs_task_definition.this.container_definitions)[1].readonlyRootFilesystem == true
    )
    error_message = "enable_xray must add the pinned, locked-down, non-essential ADOT collector sidecar."
  }

  assert {
    condition = (
      jsondecode(aws_ecs_task_definition.this.container_definitions)[0].dependsOn ==
      [{ containerName = "otel-collector", condition = "START" }]
    )
    error_message = "The service must start after (and so stop before) its collector."
  }

  assert {
    condition = {
      for e in jsondecode(aws_ecs_task_definition.this.container_definitions)[0].environment : e.name => e.value
      if startswith(e.name, "OTEL_")
      } == {
      OTEL_EXPORTER_OTLP_ENDPOINT = "http://127.0.0.1:4318"
      OTEL_SERVICE_NAME           = "patient-service"
      OTEL_TRACES_SAMPLER         = "parentbased_traceidratio"
      OTEL_TRACES_SAMPLER_ARG     = "0.25"
    }
    error_message = "The service must export to the sidecar on localhost with the configured sampling."
  }

  assert {
    condition = (
      yamldecode(jsondecode(aws_ecs_task_definition.this.container_definitions)[1].environment[0].value).receivers.otlp.protocols.http.endpoint == "127.0.0.1:4318" &&
      yamldecode(jsondecode(aws_ecs_task_definition.this.container_definitions)[1].environment[0].value).service.pipelines.traces.exporters == ["awsxray"]
    )
    error_message = "The collector must listen on localhost only and export traces to X-Ray."
  }

  assert {
    condition = (
      length(aws_iam_role_policy.task_xray) == 1 &&
      aws_iam_role_policy.task_xray[0].role == aws_iam_role.task.id &&
      alltrue([for s in jsondecode(aws_iam_role_policy.task_xray[0].policy).Statement : alltrue([for a in s.Action : startswith(a, "xray:")])])
    )
    error_message = "With enable_xray the task role may use X-Ray and nothing else."
  }

  assert {
    condition     = output.settings.xray_enabled
    error_message = "The settings output must report the collector."
  }
}

run "rejects_metrics_open_to_the_internet" {
  command = plan

  variables {
    metrics_ingress_cidr = "0.0.0.0/0"
  }

  expect_failures = [var.metrics_ingress_cidr]
}

run "waf_can_be_disabled" {
  command = plan

  variables {
    enable_waf = false
  }

  assert {
    condition     = length(aws_wafv2_web_acl.this) == 0 && length(aws_wafv2_web_acl_association.this) == 0
    error_message = "enable_waf = false must create no WAF resources."
  }
}

run "rejects_pre_tls12_policy" {
  command = plan

  variables {
    ssl_policy = "ELBSecurityPolicy-2016-08"
  }

  expect_failures = [var.ssl_policy]
}

run "rejects_root_user" {
  command = plan

  variables {
    container_user = "0"
  }

  expect_failures = [var.container_user]
}

run "deploys_wait_for_a_steady_service" {
  command = plan

  assert {
    condition     = aws_ecs_service.this.wait_for_steady_state
    error_message = "terraform apply must wait for the deployment to become steady (a failed one must not end in a green apply)."
  }
}

run "migrations_run_as_their_own_locked_down_task" {
  command = plan

  assert {
    condition = (
      jsondecode(aws_ecs_task_definition.migration.container_definitions)[0].image ==
      jsondecode(aws_ecs_task_definition.this.container_definitions)[0].image
    )
    error_message = "The migration task must run the service's own image (the same tag)."
  }

  assert {
    condition     = jsondecode(aws_ecs_task_definition.migration.container_definitions)[0].command == ["/usr/local/bin/migration", "up"]
    error_message = "The migration task must run `migration up`."
  }

  assert {
    condition = (
      jsondecode(aws_ecs_task_definition.migration.container_definitions)[0].readonlyRootFilesystem == true &&
      jsondecode(aws_ecs_task_definition.migration.container_definitions)[0].privileged == false &&
      jsondecode(aws_ecs_task_definition.migration.container_definitions)[0].user == var.container_user &&
      jsondecode(aws_ecs_task_definition.migration.container_definitions)[0].linuxParameters.capabilities.drop == ["ALL"]
    )
    error_message = "The migration container must be as locked down as the service's: read-only root, non-root, no capabilities."
  }

  assert {
    condition = {
      for s in jsondecode(aws_ecs_task_definition.migration.container_definitions)[0].secrets : s.name => s.valueFrom
    } == { DB_PASSWORD = "${var.db_password_secret_arn}:password::" }
    error_message = "The migration task gets the database password, from Secrets Manager, and no other secret (not the API keys)."
  }

  assert {
    condition = {
      for e in jsondecode(aws_ecs_task_definition.migration.container_definitions)[0].environment : e.name => e.value
      } == {
      DB_HOST        = var.db_host
      DB_PORT        = "5432"
      DB_NAME        = "patients"
      DB_USER        = "patient_service"
      DB_SSLMODE     = "verify-full"
      DB_SSLROOTCERT = "/etc/ssl/certs/rds-ca-bundle.pem"
    }
    error_message = "The migration task gets the DB_* parts the migration CLI assembles its URL from."
  }

  assert {
    condition = (
      aws_ecs_task_definition.migration.execution_role_arn != aws_ecs_task_definition.this.execution_role_arn &&
      aws_ecs_task_definition.migration.task_role_arn != aws_ecs_task_definition.this.task_role_arn &&
      aws_ecs_task_definition.migration.execution_role_arn != aws_ecs_task_definition.migration.task_role_arn
    )
    error_message = "The migration task must have its own execution and task roles."
  }

  assert {
    condition = toset(flatten([
      for s in jsondecode(aws_iam_role_policy.migration_execution.policy).Statement : s.Resource if s.Action == "secretsmanager:GetSecretValue"
    ])) == toset([var.db_password_secret_arn])
    error_message = "The migration execution role may read the database secret only."
  }

  assert {
    condition = alltrue([
      for s in jsondecode(aws_iam_role_policy.migration_execution.policy).Statement :
      s.Resource != "*" || s.Action == "ecr:GetAuthorizationToken"
    ])
    error_message = "Only ecr:GetAuthorizationToken may use Resource \"*\" in the migration execution policy."
  }

  assert {
    condition = (
      aws_vpc_security_group_egress_rule.migration_to_db.referenced_security_group_id == var.db_security_group_id &&
      aws_vpc_security_group_egress_rule.migration_to_db.cidr_ipv4 == null &&
      aws_vpc_security_group_egress_rule.migration_https.from_port == 443 &&
      aws_vpc_security_group_egress_rule.migration_https.to_port == 443
    )
    error_message = "Migration tasks may reach the database and HTTPS only."
  }

  assert {
    condition     = output.migration.security_group_id == aws_security_group.migration.id && output.migration.subnet_ids == var.private_subnet_ids && output.migration.container_name == "migration"
    error_message = "The migration output must give the pipeline the task's network configuration and container name."
  }
}

run "migrations_can_use_their_own_database_credentials" {
  command = plan

  variables {
    migration_db_username            = "patient_service_owner"
    migration_db_password_secret_arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:patient-service-test/owner-AbCdEf"
  }

  assert {
    condition = (
      { for e in jsondecode(aws_ecs_task_definition.migration.container_definitions)[0].environment : e.name => e.value }["DB_USER"] == "patient_service_owner" &&
      jsondecode(aws_ecs_task_definition.migration.container_definitions)[0].secrets[0].valueFrom == "${var.migration_db_password_secret_arn}:password::" &&
      toset(flatten([for s in jsondecode(aws_iam_role_policy.migration_execution.policy).Statement : s.Resource if s.Action == "secretsmanager:GetSecretValue"])) == toset([var.migration_db_password_secret_arn])
    )
    error_message = "migration_db_username and migration_db_password_secret_arn must reach the migration task and its execution role."
  }

  assert {
    condition = {
      for e in jsondecode(aws_ecs_task_definition.this.container_definitions)[0].environment : e.name => e.value
    }["DB_USER"] == "patient_service"
    error_message = "The service keeps its own database user."
  }
}

# create_before_destroy makes the replacement while the old object still exists: only
# generated names (name_prefix) can never clash. infra/scripts/apply-test.sh replaces every
# security group for real against the emulator.
run "replaceable_objects_have_generated_names" {
  command = plan

  assert {
    condition = alltrue([
      aws_security_group.alb.name_prefix == "${var.name}-alb-",
      aws_security_group.task.name_prefix == "${var.name}-task-",
      aws_security_group.migration.name_prefix == "${var.name}-migration-",
    ])
    error_message = "Security groups must use name_prefix (a fixed name clashes when create_before_destroy replaces them)."
  }

  assert {
    condition     = aws_lb_target_group.this.name_prefix == "app-" && aws_lb_target_group.this.tags["Name"] == "patient-service-test-app"
    error_message = "The target group must use name_prefix (a fixed name clashes when create_before_destroy replaces it)."
  }
}

run "scales_on_cpu_and_requests_between_min_and_max" {
  command = plan

  variables {
    min_count = 2
    max_count = 8
  }

  assert {
    condition     = aws_appautoscaling_target.service.min_capacity == 2 && aws_appautoscaling_target.service.max_capacity == 8 && aws_ecs_service.this.desired_count == 2
    error_message = "The service must start at min_count and scale between min_count and max_count."
  }

  assert {
    condition     = aws_ecs_service.this.availability_zone_rebalancing == "ENABLED"
    error_message = "ECS must rebalance the tasks across AZs."
  }

  assert {
    condition     = aws_appautoscaling_policy.cpu.target_tracking_scaling_policy_configuration[0].predefined_metric_specification[0].predefined_metric_type == "ECSServiceAverageCPUUtilization"
    error_message = "One target-tracking policy must follow the tasks' average CPU."
  }

  assert {
    condition     = aws_appautoscaling_policy.requests.target_tracking_scaling_policy_configuration[0].predefined_metric_specification[0].predefined_metric_type == "ALBRequestCountPerTarget"
    error_message = "One target-tracking policy must follow ALB requests per task."
  }

  assert {
    condition     = aws_appautoscaling_policy.cpu.target_tracking_scaling_policy_configuration[0].scale_in_cooldown > aws_appautoscaling_policy.cpu.target_tracking_scaling_policy_configuration[0].scale_out_cooldown
    error_message = "Capacity must be shed more slowly than it is added."
  }
}

run "rejects_max_below_min" {
  command = plan

  variables {
    min_count = 4
    max_count = 2
  }

  expect_failures = [var.max_count]
}

run "pool_size_reaches_the_tasks" {
  command = plan

  variables {
    db_pool_size = 7
  }

  assert {
    condition     = contains(jsondecode(aws_ecs_task_definition.this.container_definitions)[0].environment, { name = "DB_MAX_CONNECTIONS", value = "7" })
    error_message = "db_pool_size must reach the service as DB_MAX_CONNECTIONS."
  }
}

run "ephemeral_storage_is_encrypted_with_the_customer_key" {
  command = plan

  assert {
    condition     = aws_ecs_cluster.this.configuration[0].managed_storage_configuration[0].fargate_ephemeral_storage_kms_key_id == var.ephemeral_storage_kms_key_arn
    error_message = "Fargate ephemeral storage must be encrypted with the customer-managed key."
  }
}

run "data_outlives_a_destroy_unless_disposable" {
  command = plan

  assert {
    condition     = !aws_ecr_repository.this.force_delete && !aws_s3_bucket.access_logs.force_destroy
    error_message = "By default destroy must stop at a non-empty repository or access-log bucket."
  }
}

run "disposable_deletes_images_and_access_logs" {
  command = plan

  variables {
    disposable = true
  }

  assert {
    condition     = aws_ecr_repository.this.force_delete && aws_s3_bucket.access_logs.force_destroy
    error_message = "A disposable environment's destroy must delete its images and access logs."
  }
}
