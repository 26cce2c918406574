# Offline unit tests: the AWS provider is mocked, nothing is created.

mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  name                 = "patient-service-test"
  azs                  = ["us-east-1a", "us-east-1b", "us-east-1c"]
  flow_log_kms_key_arn = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555"
}

run "subnets_span_azs_without_public_ips" {
  command = plan

  assert {
    condition     = length(aws_subnet.public) == 3 && length(aws_subnet.private) == 3
    error_message = "One public and one private subnet per AZ expected."
  }

  assert {
    condition     = length(distinct([for s in aws_subnet.private : s.availability_zone])) >= 2
    error_message = "Private subnets must span at least two AZs."
  }

  assert {
    condition = alltrue(concat(
      [for s in aws_subnet.public : s.map_public_ip_on_launch == false],
      [for s in aws_subnet.private : s.map_public_ip_on_launch == false],
    ))
    error_message = "No subnet may assign public IPs on launch."
  }

  assert {
    condition     = length(aws_nat_gateway.this) == 3
    error_message = "Production default is one NAT gateway per AZ."
  }
}

run "private_subnets_route_only_through_nat" {
  command = plan

  assert {
    condition     = alltrue([for r in aws_route.private_nat : r.gateway_id == null && r.destination_cidr_block == "0.0.0.0/0"])
    error_message = "Private route tables must reach the internet through NAT, never directly through the internet gateway."
  }
}

run "default_security_group_has_no_rules" {
  # apply: ingress/egress are computed when left unset, so they are only known
  # (as empty) after the mocked apply; any rule added in config shows up here.
  command = apply

  assert {
    condition     = length(aws_default_security_group.this.ingress) == 0 && length(aws_default_security_group.this.egress) == 0
    error_message = "The default security group must allow nothing."
  }
}

run "flow_logs_capture_all_traffic_encrypted" {
  command = plan

  assert {
    condition     = aws_flow_log.this.traffic_type == "ALL"
    error_message = "Flow logs must capture all traffic by default."
  }

  assert {
    condition     = aws_cloudwatch_log_group.flow_logs.kms_key_id == var.flow_log_kms_key_arn
    error_message = "The flow log group must be encrypted with the customer-managed key."
  }

  assert {
    condition     = aws_cloudwatch_log_group.flow_logs.retention_in_days >= 365
    error_message = "Flow logs must be kept for at least a year."
  }
}

run "single_nat_for_non_production" {
  command = plan

  variables {
    single_nat_gateway = true
  }

  assert {
    condition     = length(aws_nat_gateway.this) == 1 && length(aws_route.private_nat) == 3
    error_message = "single_nat_gateway must create one NAT shared by every private subnet."
  }
}

run "rejects_single_az" {
  command = plan

  variables {
    azs = ["us-east-1a"]
  }

  expect_failures = [var.azs]
}

run "tasks_reach_aws_apis_through_interface_endpoints" {
  command = plan

  assert {
    condition     = toset(keys(aws_vpc_endpoint.interface)) == toset(["ecr.api", "ecr.dkr", "secretsmanager", "logs", "kms"])
    error_message = "ECR (api and dkr), Secrets Manager, CloudWatch Logs and KMS must have interface endpoints."
  }

  assert {
    condition = alltrue([
      for e in aws_vpc_endpoint.interface : e.private_dns_enabled && e.vpc_endpoint_type == "Interface" && e.subnet_ids == toset(aws_subnet.private[*].id)
    ])
    error_message = "The endpoints must sit in the private subnets with private DNS, so the standard API names resolve to them."
  }

  assert {
    condition     = aws_vpc_security_group_ingress_rule.endpoints_https.from_port == 443 && aws_vpc_security_group_ingress_rule.endpoints_https.to_port == 443 && aws_vpc_security_group_ingress_rule.endpoints_https.cidr_ipv4 == var.cidr_block
    error_message = "The endpoints accept HTTPS from inside the VPC only."
  }

  assert {
    condition     = aws_security_group.endpoints.name_prefix == "${var.name}-endpoints-"
    error_message = "The endpoints' security group must use name_prefix (create_before_destroy)."
  }
}
