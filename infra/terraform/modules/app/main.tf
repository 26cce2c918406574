# The service's public edge and runtime: ECR, ECS Fargate, an HTTPS-only ALB
# (with optional WAF), its certificate and DNS record. Resources are split by
# concern across this directory:
#   main.tf         shared locals and the security groups
#   ecr.tf          image repository
#   alb.tf          load balancer, listeners, target group
#   access_logs.tf  S3 bucket for ALB access logs
#   dns.tf          ACM certificate and Route 53 records
#   waf.tf          optional WAFv2 web ACL
#   ecs.tf          cluster, task definition, service
#   iam.tf          task execution role and task role

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name
  partition  = data.aws_partition.current.partition

  # ALB and target group names are limited to 32 characters.
  short_name     = trimsuffix(substr(var.name, 0, 28), "-")
  container_name = "patient-service"
}

# --- Security groups ---------------------------------------------------------
# Only the ALB accepts traffic from the internet (443, and 80 which only
# redirects). Tasks accept API traffic from the ALB alone, and metrics scrapes
# from inside the VPC alone; the database accepts traffic from the tasks alone
# (see the database module).

# Every security group and the target group take a name_prefix, not a name: with
# create_before_destroy a replacement is created while the old one still exists, and a
# fixed name would clash (InvalidGroup.Duplicate). Their Name tags carry the plain name.

resource "aws_security_group" "alb" {
  name_prefix = "${var.name}-alb-"
  description = "Internet-facing ALB for ${var.name}"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-alb" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "alb_https" {
  security_group_id = aws_security_group.alb.id
  description       = "HTTPS from the internet"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"

  tags = var.tags
}

resource "aws_vpc_security_group_ingress_rule" "alb_http_redirect" {
  #checkov:skip=CKV_AWS_260:Port 80 is open only so the ALB can answer with a 301 redirect to HTTPS (aws_lb_listener.http_redirect has no forward action); no request reaches the service over HTTP.
  security_group_id = aws_security_group.alb.id
  description       = "HTTP from the internet, redirected to HTTPS by the listener"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = "0.0.0.0/0"

  tags = var.tags
}

resource "aws_vpc_security_group_egress_rule" "alb_to_tasks" {
  security_group_id            = aws_security_group.alb.id
  description                  = "Forward requests and health checks to the service tasks"
  ip_protocol                  = "tcp"
  from_port                    = var.container_port
  to_port                      = var.container_port
  referenced_security_group_id = aws_security_group.task.id

  tags = var.tags
}

resource "aws_security_group" "task" {
  name_prefix = "${var.name}-task-"
  description = "Fargate tasks of ${var.name}"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-task" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "task_from_alb" {
  security_group_id            = aws_security_group.task.id
  description                  = "Service port from the ALB only"
  ip_protocol                  = "tcp"
  from_port                    = var.container_port
  to_port                      = var.container_port
  referenced_security_group_id = aws_security_group.alb.id

  tags = var.tags
}

# Prometheus scrapes /metrics on its own port from inside the VPC; the ALB never
# forwards it (its target group is the service port only).
resource "aws_vpc_security_group_ingress_rule" "task_metrics_from_vpc" {
  security_group_id = aws_security_group.task.id
  description       = "Prometheus /metrics from inside the VPC only"
  ip_protocol       = "tcp"
  from_port         = var.metrics_port
  to_port           = var.metrics_port
  cidr_ipv4         = var.metrics_ingress_cidr

  tags = var.tags
}

# Tasks reach ECR, Secrets Manager, CloudWatch Logs and KMS over HTTPS through the
# VPC's interface endpoints (S3 through the gateway endpoint); other HTTPS (OIDC issuers'
# JWKS, X-Ray) leaves through the NAT gateways. No other port leaves.
resource "aws_vpc_security_group_egress_rule" "task_https" {
  security_group_id = aws_security_group.task.id
  description       = "HTTPS to AWS APIs (VPC endpoints) and OIDC issuers (NAT)"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"

  tags = var.tags
}

resource "aws_vpc_security_group_egress_rule" "task_to_db" {
  security_group_id            = aws_security_group.task.id
  description                  = "PostgreSQL to the database only"
  ip_protocol                  = "tcp"
  from_port                    = var.db_port
  to_port                      = var.db_port
  referenced_security_group_id = var.db_security_group_id

  tags = var.tags
}
