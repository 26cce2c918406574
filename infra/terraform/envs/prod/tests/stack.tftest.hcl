# Whole-environment test, identical in every env: plans the complete stack
# from this env's terraform.tfvars against a mocked AWS provider. It proves the
# modules wire together (types, no dependency cycles, every module's input
# validation with this env's values) and holds each environment to the policy
# for its tier. The modules' own tests cover the resources in detail.

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

run "stack_plans" {
  command = plan

  assert {
    condition     = output.endpoint_url == "https://${var.domain_name}"
    error_message = "The service must be published over HTTPS at domain_name."
  }

  # Tier policy, checked against this env's terraform.tfvars.
  assert {
    condition     = var.environment == "dev" || (var.db_multi_az && var.deletion_protection && !var.single_nat_gateway)
    error_message = "staging and prod must run Multi-AZ, zone-redundant NAT and deletion protection."
  }

  assert {
    condition     = var.environment != "prod" || (var.log_retention_days >= 2192 && var.db_backup_retention_days == 35 && var.desired_count >= 2 && var.enable_waf)
    error_message = "prod must keep logs 6 years, 35 days of PITR, at least two tasks and the WAF."
  }
}
