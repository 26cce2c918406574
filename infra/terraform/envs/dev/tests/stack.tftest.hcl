# dev's whole stack, planned from this env's terraform.tfvars against a mocked
# AWS provider. It proves the stack wires together with dev's values (every
# module's input validation included) and holds dev to its tier: the cheap
# one (no real PHI), torn down and rebuilt at will, but with the same
# encryption, privacy and WAF as prod. The assertions read module.stack's
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

run "dev_is_the_small_tier" {
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
    condition     = output.settings.network.nat_gateways == 1
    error_message = "dev shares one NAT gateway."
  }

  assert {
    condition     = output.settings.app.min_count == 1 && output.settings.app.cpu <= 512 && output.settings.app.memory <= 1024
    error_message = "dev runs one small task."
  }

  assert {
    condition     = startswith(output.settings.database.instance_class, "db.t4g.") && !output.settings.database.multi_az && output.settings.database.max_allocated_storage_gb <= 100
    error_message = "dev runs a single-AZ burstable database with little storage."
  }

  assert {
    condition     = output.settings.app.disposable
    error_message = "dev is torn down and rebuilt: destroy must also delete its images, access logs and API-key secret."
  }

  assert {
    condition     = output.settings.app.waf_enabled
    error_message = "dev keeps the WAF like every environment: it is reachable from the internet."
  }
}
