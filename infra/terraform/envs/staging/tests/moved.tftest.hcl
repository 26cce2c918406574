# Proves moved.tf (identical in every env): state written by the layout before
# modules/stack (tests/fixtures/pre-stack-env, given this env's
# terraform.tfvars) plans under the current layout without replacing anything.
# A resource planned for destroy and re-create would have unknown attributes
# in the plan, so each comparison below fails with "Unknown condition value".

mock_provider "aws" {
  source = "../../tests/mocks"

  mock_data "aws_route53_zone" {
    defaults = {
      zone_id = "Z0123456789ABCDEFGHIJ"
    }
  }

  # apply needs the DNS validation record the certificate asks for.
  mock_resource "aws_acm_certificate" {
    defaults = {
      arn = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
      domain_validation_options = [{
        domain_name           = "api.moved-test.example.com"
        resource_record_name  = "_0123.api.moved-test.example.com."
        resource_record_type  = "CNAME"
        resource_record_value = "_4567.acm-validations.aws."
      }]
    }
  }
}

variables {
  image_tag = "0123abc"
  # The same in every env, to match the mocked certificate above.
  domain_name = "api.moved-test.example.com"
}

run "pre_stack_layout_applied" {
  state_key = "env"

  module {
    source = "../../tests/fixtures/pre-stack-env"
  }
}

run "stack_layout_keeps_every_resource" {
  command   = plan
  state_key = "env"

  assert {
    condition     = output.db_endpoint == run.pre_stack_layout_applied.db_endpoint
    error_message = "The database would be replaced: check the moved block for module.database."
  }

  assert {
    condition     = output.secret_arns == run.pre_stack_layout_applied.secret_arns
    error_message = "The API keys secret or the database would be replaced: check the moved blocks for module.secrets and module.database."
  }

  assert {
    condition     = output.ecr_repository_url == run.pre_stack_layout_applied.ecr_repository_url
    error_message = "The ECR repository would be replaced: check the moved block for module.app."
  }

  assert {
    condition     = output.alerts_topic_arn == run.pre_stack_layout_applied.alerts_topic_arn
    error_message = "The alert topic would be replaced: check the moved block for module.observability."
  }

  assert {
    condition     = module.stack.vpc_id == run.pre_stack_layout_applied.vpc_id
    error_message = "The VPC would be replaced: check the moved block for module.network."
  }
}
