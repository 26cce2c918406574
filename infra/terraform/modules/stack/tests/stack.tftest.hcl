# Offline tests of the composition: the AWS provider is mocked, nothing is
# created. The modules' own tests cover each resource in detail; these prove
# the wiring between modules (keys, secrets, security groups), that each
# environment input reaches every resource it governs, and that an input left
# unset or null gets the secure default. Resources inside the child modules
# are only visible through outputs, so the assertions read each module's
# `settings` (values read back from the planned resources) via this module's
# `settings` output.

mock_provider "aws" {
  source = "../../tests/mocks"

  mock_data "aws_route53_zone" {
    defaults = {
      zone_id = "Z0123456789ABCDEFGHIJ"
    }
  }
}

# Distinct, plan-time values for what the modules hand each other, so a
# miswiring (say, the app key encrypting the database) shows.
override_resource {
  target          = module.secrets.aws_kms_key.database
  override_during = plan
  values          = { arn = "arn:aws:kms:us-east-1:123456789012:key/11111111-1111-1111-1111-111111111111" }
}

override_resource {
  target          = module.secrets.aws_kms_key.app
  override_during = plan
  values          = { arn = "arn:aws:kms:us-east-1:123456789012:key/22222222-2222-2222-2222-222222222222" }
}

override_resource {
  target          = module.secrets.aws_kms_key.logs
  override_during = plan
  values          = { arn = "arn:aws:kms:us-east-1:123456789012:key/33333333-3333-3333-3333-333333333333" }
}

override_resource {
  target          = module.secrets.aws_secretsmanager_secret.api_keys
  override_during = plan
  values          = { arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:patient-service-test-api-keys-AbCdEf" }
}

override_resource {
  target          = module.app.aws_security_group.task
  override_during = plan
  values          = { id = "sg-0aaaaaaaaaaaaaaa1" }
}

override_resource {
  target          = module.app.aws_security_group.migration
  override_during = plan
  values          = { id = "sg-0ccccccccccccccc1" }
}

override_resource {
  target          = module.app.aws_security_group.alb
  override_during = plan
  values          = { id = "sg-0bbbbbbbbbbbbbbb1" }
}

override_resource {
  target          = module.database.aws_db_instance.this
  override_during = plan
  values = {
    arn      = "arn:aws:rds:us-east-1:123456789012:db:patient-service-staging"
    endpoint = "patient-service-staging.abcdefghijkl.us-east-1.rds.amazonaws.com:5432"
    address  = "patient-service-staging.abcdefghijkl.us-east-1.rds.amazonaws.com"
    master_user_secret = [{
      kms_key_id    = "arn:aws:kms:us-east-1:123456789012:key/11111111-1111-1111-1111-111111111111"
      secret_arn    = "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-0123-AbCdEf"
      secret_status = "active"
    }]
  }
}

# Only the required inputs: everything else is the module's default.
variables {
  environment        = "staging"
  availability_zones = ["us-east-1a", "us-east-1b", "us-east-1c"]
  route53_zone_name  = "test.example.com"
  domain_name        = "patients.test.example.com"
  image_tag          = "0123abc"
}

run "modules_are_wired_together" {
  command = plan

  assert {
    condition     = output.settings.name == "patient-service-staging"
    error_message = "Every resource must be named patient-service-<environment>."
  }

  assert {
    condition     = output.endpoint_url == "https://patients.test.example.com"
    error_message = "The service must be published over HTTPS at domain_name."
  }

  assert {
    condition     = output.settings.database.allowed_security_group_ids == ["sg-0aaaaaaaaaaaaaaa1", "sg-0ccccccccccccccc1"]
    error_message = "Only the service tasks' and the migration tasks' security groups may reach the database (not the ALB's, not a CIDR)."
  }

  assert {
    condition = (
      output.deploy.migration.security_group_id == "sg-0ccccccccccccccc1" &&
      output.deploy.migration.cluster == output.deploy.cluster &&
      output.deploy.migration.task_definition == "patient-service-staging-migration" &&
      output.deploy.service == "patient-service"
    )
    error_message = "The deploy output must name the cluster, the service and the migration task with its security group."
  }

  assert {
    condition     = output.settings.database.kms_key_arn == "arn:aws:kms:us-east-1:123456789012:key/11111111-1111-1111-1111-111111111111"
    error_message = "The database must be encrypted with the database key."
  }

  assert {
    condition     = output.settings.app.ecr_kms_key_arn == "arn:aws:kms:us-east-1:123456789012:key/22222222-2222-2222-2222-222222222222"
    error_message = "ECR must be encrypted with the app key."
  }

  assert {
    condition = alltrue([
      output.settings.network.flow_log_kms_key_arn == "arn:aws:kms:us-east-1:123456789012:key/33333333-3333-3333-3333-333333333333",
      output.settings.observability.log_kms_key_arn == "arn:aws:kms:us-east-1:123456789012:key/33333333-3333-3333-3333-333333333333",
    ])
    error_message = "Flow logs and the application log group must be encrypted with the logs key."
  }

  assert {
    condition = output.secret_arns == {
      api_keys           = "arn:aws:secretsmanager:us-east-1:123456789012:secret:patient-service-test-api-keys-AbCdEf"
      db_master_password = "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-0123-AbCdEf"
    }
    error_message = "secret_arns must name the secrets module's API keys secret and the RDS-managed master secret."
  }

  assert {
    condition     = output.db_endpoint == "patient-service-staging.abcdefghijkl.us-east-1.rds.amazonaws.com:5432"
    error_message = "db_endpoint must be the database's endpoint."
  }
}

run "defaults_are_production_grade" {
  command = plan

  assert {
    condition = alltrue([
      output.settings.database.multi_az,
      output.settings.database.deletion_protection,
      output.settings.app.alb_deletion_protection,
    ])
    error_message = "By default the database must be Multi-AZ and the database and ALB deletion-protected."
  }

  assert {
    condition     = output.settings.network.nat_gateways == length(output.settings.network.azs) && length(output.settings.network.azs) >= 2
    error_message = "By default there must be one NAT gateway per AZ, in at least two AZs."
  }

  assert {
    condition     = output.settings.database.backup_retention_days == 35
    error_message = "By default the database must keep 35 days of backups (PITR)."
  }

  assert {
    condition = alltrue([
      output.settings.network.flow_log_retention_days == 2192,
      output.settings.database.log_retention_days == tolist([2192]),
      output.settings.observability.log_retention_days == 2192,
      output.settings.app.waf_log_retention_days == 2192,
      output.settings.app.access_log_retention_days == 2192,
    ])
    error_message = "By default every log (flow, database, application, WAF, ALB access) must be kept 6 years (2192 days)."
  }

  assert {
    condition     = output.settings.app.waf_enabled && output.settings.app.min_count >= 2
    error_message = "By default the WAF must be on and the service must run at least two tasks."
  }

  assert {
    condition     = output.settings.app.autoscaling_metrics == tolist(["ALBRequestCountPerTarget", "ECSServiceAverageCPUUtilization"]) && output.settings.app.max_count > output.settings.app.min_count
    error_message = "By default the service must scale on CPU and on ALB requests per task, above its minimum."
  }

  assert {
    # A deploy runs up to twice max_count tasks (deployment_maximum_percent = 200); 30
    # connections stay for the migration task, operators and RDS itself.
    condition     = 2 * output.settings.app.max_count * output.settings.app.db_pool_size + 30 <= output.settings.database.max_connections
    error_message = "Every task's pool at a deploy's peak, plus headroom, must fit the database's max_connections."
  }

  assert {
    condition     = output.settings.database.log_statement == "none"
    error_message = "PostgreSQL's own statement logging must stay off (log_statement = ddl writes ALTER ROLE ... PASSWORD in clear); pgaudit logs role and schema changes."
  }

  assert {
    condition     = output.settings.app.ephemeral_storage_kms_key == output.settings.app.ecr_kms_key_arn
    error_message = "Fargate ephemeral storage must be encrypted with the app key (whose policy allows Fargate)."
  }

  assert {
    condition     = !output.settings.app.disposable
    error_message = "By default destroy must stop at a non-empty ECR repository and access-log bucket."
  }

  assert {
    condition     = output.settings.audit.multi_region && output.settings.audit.log_file_validation && output.settings.audit.trail_retention_days >= 2192 && output.settings.audit.break_glass_requires_mfa
    error_message = "Every environment has a multi-region, validated trail kept 6 years and an MFA-only break-glass role."
  }

  assert {
    condition     = length(output.settings.network.interface_endpoints) == 5
    error_message = "Tasks must reach ECR (api, dkr), Secrets Manager, CloudWatch Logs and KMS through interface endpoints."
  }

  assert {
    condition     = !output.settings.app.xray_enabled && output.settings.app.metrics_port == 9090
    error_message = "By default no traces leave the tasks (X-Ray off) and metrics are served on 9090."
  }

  assert {
    condition     = output.settings.app.metrics_ingress_cidr == var.vpc_cidr
    error_message = "The metrics port must be open to the VPC's own CIDR only."
  }
}

# What envs/dev passes: each input must reach every resource it governs.
run "inputs_reach_every_resource" {
  command = plan

  variables {
    single_nat_gateway             = true
    min_count                      = 1
    max_count                      = 2
    db_pool_size                   = 5
    db_max_connections             = 100
    db_connections_alarm_threshold = 80
    disposable                     = true
    task_cpu                       = 256
    task_memory                    = 512
    db_instance_class              = "db.t4g.medium"
    db_allocated_storage_gb        = 20
    db_max_allocated_storage_gb    = 50
    db_multi_az                    = false
    db_backup_retention_days       = 7
    deletion_protection            = false
    log_retention_days             = 365
    enable_waf                     = false
    enable_xray                    = true
    alarm_email_addresses          = ["oncall@example.com"]
  }

  assert {
    condition     = output.settings.app.xray_enabled
    error_message = "enable_xray must reach the app module."
  }

  assert {
    condition = output.settings.network.nat_gateways == 1 && output.settings.database == merge(output.settings.database, {
      instance_class           = "db.t4g.medium"
      allocated_storage_gb     = 20
      max_allocated_storage_gb = 50
      multi_az                 = false
      deletion_protection      = false
      backup_retention_days    = 7
    })
    error_message = "The NAT and database inputs must reach the network and the DB instance."
  }

  assert {
    condition     = output.settings.app.min_count == 1 && output.settings.app.max_count == 2 && output.settings.app.cpu == 256 && output.settings.app.memory == 512
    error_message = "The task counts and sizes must reach the autoscaling target and the task definition."
  }

  assert {
    condition     = output.settings.app.db_pool_size == 5 && output.settings.database.max_connections == 100
    error_message = "db_pool_size must reach the tasks (DB_MAX_CONNECTIONS) and db_max_connections the parameter group."
  }

  assert {
    condition     = output.settings.app.disposable
    error_message = "disposable must reach the ECR repository and the access-log bucket."
  }

  assert {
    condition     = output.settings.app.alb_deletion_protection == false && output.settings.database.deletion_protection == false
    error_message = "deletion_protection must govern both the database and the ALB."
  }

  assert {
    condition = alltrue([
      output.settings.network.flow_log_retention_days == 365,
      output.settings.database.log_retention_days == tolist([365]),
      output.settings.observability.log_retention_days == 365,
      output.settings.app.access_log_retention_days == 365,
    ])
    error_message = "log_retention_days must govern every log: flow, database, application and ALB access logs."
  }

  assert {
    condition     = output.settings.app.waf_enabled == false && output.settings.app.waf_log_retention_days == null
    error_message = "enable_waf must reach the app module."
  }

  assert {
    condition     = output.settings.observability.alarm_email_addresses == tolist(["oncall@example.com"])
    error_message = "alarm_email_addresses must be subscribed to the alert topic."
  }
}

# The envs pass null for every input their terraform.tfvars leaves out.
run "null_inputs_get_the_secure_defaults" {
  command = plan

  variables {
    vpc_cidr                       = null
    single_nat_gateway             = null
    min_count                      = null
    max_count                      = null
    db_pool_size                   = null
    db_max_connections             = null
    disposable                     = null
    audit_log_retention_days       = null
    task_cpu                       = null
    task_memory                    = null
    db_instance_class              = null
    db_allocated_storage_gb        = null
    db_max_allocated_storage_gb    = null
    db_multi_az                    = null
    db_backup_retention_days       = null
    db_connections_alarm_threshold = null
    deletion_protection            = null
    log_retention_days             = null
    enable_waf                     = null
    slo_p95_latency_seconds        = null
    alarm_email_addresses          = null
  }

  assert {
    condition     = output.settings == run.defaults_are_production_grade.settings
    error_message = "null inputs must give exactly the defaults."
  }
}

run "rejects_unknown_environment" {
  command = plan

  variables {
    environment = "qa"
  }

  expect_failures = [var.environment]
}

run "rejects_prod_below_two_tasks" {
  command = plan

  variables {
    environment = "prod"
    min_count   = 1
  }

  expect_failures = [var.min_count]
}

run "rejects_pools_that_overrun_the_database" {
  command = plan

  variables {
    max_count          = 20
    db_pool_size       = 20
    db_max_connections = 500
  }

  expect_failures = [var.db_max_connections]
}

run "rejects_disposable_prod" {
  command = plan

  variables {
    environment = "prod"
    disposable  = true
  }

  expect_failures = [var.disposable]
}
