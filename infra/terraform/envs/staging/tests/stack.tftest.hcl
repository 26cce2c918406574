# staging's whole stack, planned from this env's terraform.tfvars against a
# mocked AWS provider. It proves the stack wires together with staging's values
# (every module's input validation included) and holds staging to its tier:
# production's topology (Multi-AZ, NAT per AZ, deletion protection) at smaller
# sizes. The assertions read module.stack's `settings`, i.e. what the planned
# resources will be, not the inputs. modules/stack/tests covers the wiring in
# detail; tests/moved.tftest.hcl the moved blocks.

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

run "staging_has_production_topology" {
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
    error_message = "staging must run the database Multi-AZ, like prod."
  }

  assert {
    condition     = output.settings.network.nat_gateways == length(output.settings.network.azs)
    error_message = "staging must have one NAT gateway per AZ, like prod."
  }

  assert {
    condition     = output.settings.database.deletion_protection && output.settings.app.alb_deletion_protection
    error_message = "staging must keep deletion protection on the database and the ALB."
  }

  assert {
    condition     = output.settings.app.min_count >= 2 && output.settings.app.waf_enabled
    error_message = "staging must run at least two tasks behind the WAF, like prod."
  }
}
