# prod's whole stack, planned from this env's terraform.tfvars against a mocked
# AWS provider. It proves the stack wires together with prod's values (every
# module's input validation included) and holds prod, the only environment
# with real PHI, to its policy: Multi-AZ, NAT per AZ, deletion protection,
# 35 days of PITR, every log kept 6 years (HIPAA), two or more tasks, the WAF,
# and someone subscribed to the alarms. The assertions read module.stack's
# `settings`, i.e. what the planned resources will be, not the inputs.
# modules/stack/tests covers the wiring in detail; tests/moved.tftest.hcl the
# moved blocks.

mock_provider "aws" {
  source = "../../tests/mocks"

  mock_data "aws_route53_zone" {
    defaults = {
      zone_id = "Z0123456789ABCDEFGHIJ"
    }
  }
}

variables {
  image_tag = "0123abc"
}

run "prod_keeps_phi_safe_and_available" {
  command = plan

  assert {
    condition     = output.endpoint_url == "https://${var.domain_name}"
    error_message = "The service must be published over HTTPS at domain_name."
  }

  assert {
    condition     = output.settings.name == "patient-service-${var.environment}"
    error_message = "Resources must be named after this environment."
  }

  assert {
    condition     = output.settings.database.multi_az
    error_message = "prod must run the database Multi-AZ."
  }

  assert {
    condition     = output.settings.network.nat_gateways == length(output.settings.network.azs)
    error_message = "prod must have one NAT gateway per AZ."
  }

  assert {
    condition     = output.settings.database.deletion_protection && output.settings.app.alb_deletion_protection
    error_message = "prod must keep deletion protection on the database and the ALB."
  }

  assert {
    condition     = output.settings.database.backup_retention_days == 35
    error_message = "prod must keep 35 days of backups (point-in-time recovery)."
  }

  assert {
    condition = alltrue([
      output.settings.network.flow_log_retention_days >= 2192,
      alltrue([for d in output.settings.database.log_retention_days : d >= 2192]),
      output.settings.observability.log_retention_days >= 2192,
      output.settings.app.waf_log_retention_days >= 2192,
      output.settings.app.access_log_retention_days >= 2192,
    ])
    error_message = "prod must keep every log (flow, database, application, WAF, ALB access) at least 6 years."
  }

  assert {
    condition     = output.settings.app.min_count >= 2 && length(distinct(output.settings.network.azs)) >= 2 && output.settings.app.waf_enabled
    error_message = "prod must run at least two tasks, in at least two AZs, behind the WAF."
  }

  assert {
    condition     = !output.settings.app.disposable
    error_message = "prod's data must outlive a destroy."
  }

  assert {
    condition     = 2 * output.settings.app.max_count * output.settings.app.db_pool_size + 30 <= output.settings.database.max_connections
    error_message = "prod's pools at a deploy's peak must fit the database's max_connections with headroom."
  }

  assert {
    condition     = length(output.settings.observability.alarm_email_addresses) > 0
    error_message = "prod alarms must reach someone: set alarm_email_addresses."
  }
}
