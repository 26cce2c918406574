# Offline unit tests: the AWS provider is mocked, nothing is created.

mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  name                       = "patient-service-test"
  vpc_id                     = "vpc-0123456789abcdef0"
  subnet_ids                 = ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"]
  allowed_security_group_ids = ["sg-0aaaaaaaaaaaaaaaa"]
  kms_key_arn                = "arn:aws:kms:us-east-1:123456789012:key/11111111-1111-1111-1111-111111111111"
  log_kms_key_arn            = "arn:aws:kms:us-east-1:123456789012:key/22222222-2222-2222-2222-222222222222"
}

run "storage_is_encrypted_with_customer_key_and_private" {
  command = plan

  assert {
    condition     = aws_db_instance.this.storage_encrypted == true
    error_message = "RDS storage must be encrypted."
  }

  assert {
    condition     = aws_db_instance.this.kms_key_id == var.kms_key_arn
    error_message = "RDS storage must use the customer-managed KMS key."
  }

  assert {
    condition     = aws_db_instance.this.publicly_accessible == false
    error_message = "The database must not be publicly accessible."
  }

  assert {
    condition     = aws_db_subnet_group.this.subnet_ids == toset(var.subnet_ids)
    error_message = "The database must live in the given private subnets."
  }
}

run "engine_is_postgres_14_or_later" {
  command = plan

  assert {
    condition     = aws_db_instance.this.engine == "postgres" && tonumber(split(".", aws_db_instance.this.engine_version)[0]) >= 14
    error_message = "Engine must be PostgreSQL 14+."
  }
}

run "secure_defaults_for_availability_and_recovery" {
  command = plan

  assert {
    condition     = aws_db_instance.this.multi_az == true
    error_message = "Multi-AZ must default to on."
  }

  assert {
    condition     = aws_db_instance.this.deletion_protection == true
    error_message = "Deletion protection must default to on."
  }

  assert {
    condition     = aws_db_instance.this.backup_retention_period >= 7
    error_message = "Automated backups (PITR) must be kept for at least 7 days."
  }

  assert {
    condition     = aws_db_instance.this.skip_final_snapshot == false
    error_message = "A final snapshot must be taken on deletion."
  }
}

run "master_password_is_managed_by_rds" {
  command = plan

  assert {
    condition     = aws_db_instance.this.manage_master_user_password == true && aws_db_instance.this.password == null
    error_message = "The master password must be RDS-managed in Secrets Manager, never passed in."
  }

  assert {
    condition     = aws_db_instance.this.master_user_secret_kms_key_id == var.kms_key_arn
    error_message = "The master user secret must be encrypted with the customer-managed key."
  }

  assert {
    condition     = aws_db_instance.this.iam_database_authentication_enabled == true
    error_message = "IAM database authentication must be enabled."
  }
}

run "monitoring_and_logs" {
  command = plan

  assert {
    condition     = aws_db_instance.this.performance_insights_enabled && aws_db_instance.this.performance_insights_kms_key_id == var.kms_key_arn
    error_message = "Performance Insights must be on and encrypted with the customer-managed key."
  }

  assert {
    condition     = aws_db_instance.this.monitoring_interval > 0
    error_message = "Enhanced Monitoring must be on."
  }

  assert {
    condition     = contains(aws_db_instance.this.enabled_cloudwatch_logs_exports, "postgresql")
    error_message = "PostgreSQL logs must be exported to CloudWatch."
  }

  assert {
    condition     = alltrue([for g in aws_cloudwatch_log_group.exports : g.kms_key_id == var.log_kms_key_arn])
    error_message = "Exported log groups must be KMS-encrypted."
  }
}

run "parameter_group_forces_tls" {
  # apply: the group's generated name is only known after the (mocked) apply.
  command = apply

  assert {
    condition     = contains([for p in aws_db_parameter_group.this.parameter : "${p.name}=${p.value}"], "rds.force_ssl=1")
    error_message = "The parameter group must set rds.force_ssl = 1."
  }

  assert {
    condition     = aws_db_instance.this.parameter_group_name == aws_db_parameter_group.this.name
    error_message = "The instance must use the TLS-forcing parameter group."
  }
}

run "logs_never_quote_data" {
  command = plan

  assert {
    condition = length(setsubtract(
      ["log_error_verbosity=terse", "log_min_error_statement=panic", "log_parameter_max_length=0", "log_parameter_max_length_on_error=0"],
      [for p in aws_db_parameter_group.this.parameter : "${p.name}=${p.value}"],
    )) == 0
    error_message = "The parameter group must keep row values, statements and bind parameters out of the PostgreSQL log."
  }
}

run "network_access_only_from_service_security_groups" {
  command = plan

  assert {
    condition = alltrue([
      for r in aws_vpc_security_group_ingress_rule.from_allowed :
      r.cidr_ipv4 == null && r.cidr_ipv6 == null && r.referenced_security_group_id != null
    ])
    error_message = "Database ingress must reference security groups only, never CIDRs."
  }

  assert {
    condition     = alltrue([for r in aws_vpc_security_group_ingress_rule.from_allowed : r.from_port == 5432 && r.to_port == 5432])
    error_message = "Database ingress must be limited to the PostgreSQL port."
  }
}

run "rejects_postgres_13" {
  command = plan

  variables {
    engine_version = "13.15"
  }

  expect_failures = [var.engine_version]
}

run "rejects_disabled_backups" {
  command = plan

  variables {
    backup_retention_days = 0
  }

  expect_failures = [var.backup_retention_days]
}

run "final_snapshot_name_is_unique_per_instance" {
  command = plan

  assert {
    condition     = can(regex("^patient-service-test-final-[0-9]{14}$", aws_db_instance.this.final_snapshot_identifier))
    error_message = "The final snapshot's name must carry the instance's creation time, so a second destroy of a rebuilt environment does not collide."
  }
}

run "audit_logs_roles_and_ddl_without_passwords_or_parameters" {
  command = plan

  assert {
    condition     = one([for p in aws_db_parameter_group.this.parameter : p.value if p.name == "log_statement"]) == "none"
    error_message = "log_statement must be none: PostgreSQL's statement log writes ALTER ROLE ... PASSWORD in clear."
  }

  assert {
    condition     = strcontains(one([for p in aws_db_parameter_group.this.parameter : p.value if p.name == "shared_preload_libraries"]), "pgaudit") && one([for p in aws_db_parameter_group.this.parameter : p.value if p.name == "pgaudit.log"]) == "role,ddl"
    error_message = "pgaudit must log role and schema changes (it redacts passwords)."
  }

  assert {
    condition     = one([for p in aws_db_parameter_group.this.parameter : p.value if p.name == "pgaudit.log_parameter"]) == "0"
    error_message = "pgaudit must never log statement parameters."
  }

  assert {
    condition     = alltrue([for n in ["log_connections", "log_disconnections"] : one([for p in aws_db_parameter_group.this.parameter : p.value if p.name == n]) == "1"])
    error_message = "Connections and disconnections must be logged."
  }
}

run "max_connections_is_set_explicitly" {
  command = plan

  variables {
    max_connections = 250
  }

  assert {
    condition     = one([for p in aws_db_parameter_group.this.parameter : p.value if p.name == "max_connections"]) == "250"
    error_message = "max_connections must be set from the input, sized with the service's pools."
  }
}
