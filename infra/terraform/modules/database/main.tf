# RDS PostgreSQL holding PHI: encrypted with a customer-managed key, private,
# TLS-only, IAM auth enabled, backed up with PITR, monitored, and with its
# master password owned by RDS in Secrets Manager (never in variables/state).

data "aws_partition" "current" {}

locals {
  engine_major = split(".", var.engine_version)[0]
  log_exports  = ["postgresql", "upgrade"]
}

resource "aws_db_subnet_group" "this" {
  name        = var.name
  description = "Private subnets for ${var.name}"
  subnet_ids  = var.subnet_ids

  tags = var.tags
}

# name_prefix, not name: with create_before_destroy the replacement exists next to the old
# group for a moment, and a fixed name would clash.
resource "aws_security_group" "this" {
  name_prefix = "${var.name}-db-"
  description = "PostgreSQL for ${var.name}: reachable only from the service's security groups"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-db" })

  lifecycle {
    create_before_destroy = true
  }
}

# Only security-group references, never CIDRs. No egress rules: the database
# initiates no connections.
resource "aws_vpc_security_group_ingress_rule" "from_allowed" {
  count = length(var.allowed_security_group_ids)

  security_group_id            = aws_security_group.this.id
  description                  = "PostgreSQL from the service tasks"
  ip_protocol                  = "tcp"
  from_port                    = var.port
  to_port                      = var.port
  referenced_security_group_id = var.allowed_security_group_ids[count.index]

  tags = var.tags
}

resource "aws_db_parameter_group" "this" {
  name_prefix = "${var.name}-pg${local.engine_major}-"
  family      = "postgres${local.engine_major}"
  description = "TLS-only PostgreSQL ${local.engine_major} for ${var.name}"

  # Reject any connection that is not TLS, and nothing older than TLS 1.2.
  parameter {
    name         = "rds.force_ssl"
    value        = "1"
    apply_method = "pending-reboot"
  }

  parameter {
    name         = "ssl_min_protocol_version"
    value        = "TLSv1.2"
    apply_method = "pending-reboot"
  }

  # Sized with the service's pools (the stack checks tasks x pool fits with headroom);
  # set explicitly rather than left to RDS's memory-based formula.
  parameter {
    name         = "max_connections"
    value        = tostring(var.max_connections)
    apply_method = "pending-reboot"
  }

  # Audit trail: who connected, and every role change and schema change, through
  # pgaudit, which writes CREATE/ALTER ROLE ... PASSWORD as <REDACTED>. PostgreSQL's own
  # statement logging stays off: log_statement = ddl wrote those passwords in clear.
  parameter {
    name  = "log_connections"
    value = "1"
  }

  parameter {
    name  = "log_disconnections"
    value = "1"
  }

  parameter {
    name  = "log_statement"
    value = "none"
  }

  parameter {
    name         = "shared_preload_libraries"
    value        = "pg_stat_statements,pgaudit"
    apply_method = "pending-reboot"
  }

  parameter {
    name  = "pgaudit.log"
    value = "role,ddl"
  }

  # Statement text only, never bind parameters, and no per-relation or catalog entries.
  parameter {
    name  = "pgaudit.log_parameter"
    value = "0"
  }

  parameter {
    name  = "pgaudit.log_catalog"
    value = "0"
  }

  parameter {
    name  = "pgaudit.log_relation"
    value = "0"
  }

  parameter {
    name  = "log_min_duration_statement"
    value = tostring(var.log_min_duration_statement_ms)
  }

  # The logs never quote data: no DETAIL (a unique violation's DETAIL quotes the
  # conflicting email or phone, a check violation's the whole row), no failing statement
  # text (an operator's ad-hoc query can hold PHI literals), no bind parameters of slow or
  # failing statements.
  parameter {
    name  = "log_error_verbosity"
    value = "terse"
  }

  parameter {
    name  = "log_min_error_statement"
    value = "panic"
  }

  parameter {
    name  = "log_parameter_max_length"
    value = "0"
  }

  parameter {
    name  = "log_parameter_max_length_on_error"
    value = "0"
  }

  tags = var.tags

  lifecycle {
    create_before_destroy = true
  }
}

# Created here (rather than implicitly by RDS) so the exported logs are
# KMS-encrypted and expire instead of living forever unencrypted.
resource "aws_cloudwatch_log_group" "exports" {
  for_each = toset(local.log_exports)

  name              = "/aws/rds/instance/${var.name}/${each.key}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.log_kms_key_arn

  tags = var.tags
}

resource "aws_iam_role" "monitoring" {
  name = "${var.name}-rds-monitoring"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "monitoring.rds.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "monitoring" {
  role       = aws_iam_role.monitoring.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
}

resource "aws_db_instance" "this" {
  identifier     = var.name
  engine         = "postgres"
  engine_version = var.engine_version
  instance_class = var.instance_class
  db_name        = var.db_name
  port           = var.port

  # RDS generates the password, stores it in Secrets Manager under our key and
  # rotates it; Terraform never sees it.
  username                      = var.master_username
  manage_master_user_password   = true
  master_user_secret_kms_key_id = var.kms_key_arn

  iam_database_authentication_enabled = true

  storage_type          = "gp3"
  allocated_storage     = var.allocated_storage_gb
  max_allocated_storage = var.max_allocated_storage_gb
  storage_encrypted     = true
  kms_key_id            = var.kms_key_arn

  db_subnet_group_name   = aws_db_subnet_group.this.name
  vpc_security_group_ids = [aws_security_group.this.id]
  publicly_accessible    = false
  multi_az               = var.multi_az
  network_type           = "IPV4"
  ca_cert_identifier     = "rds-ca-rsa2048-g1"

  parameter_group_name = aws_db_parameter_group.this.name

  # Automated backups give point-in-time recovery within the retention window.
  backup_retention_period  = var.backup_retention_days
  backup_window            = var.backup_window
  maintenance_window       = var.maintenance_window
  copy_tags_to_snapshot    = true
  delete_automated_backups = false

  deletion_protection = var.deletion_protection
  # The final snapshot's name carries the time the instance was created, so every
  # destroy of a rebuilt environment writes a new snapshot instead of colliding with the
  # previous one. Fixed at creation (ignore_changes), so later plans stay empty.
  skip_final_snapshot       = false
  final_snapshot_identifier = "${var.name}-final-${formatdate("YYYYMMDDhhmmss", plantimestamp())}"

  auto_minor_version_upgrade  = true
  allow_major_version_upgrade = false
  apply_immediately           = var.apply_immediately

  performance_insights_enabled          = true
  performance_insights_kms_key_id       = var.kms_key_arn
  performance_insights_retention_period = var.performance_insights_retention_days

  monitoring_interval = var.monitoring_interval_seconds
  monitoring_role_arn = aws_iam_role.monitoring.arn

  enabled_cloudwatch_logs_exports = local.log_exports

  tags = var.tags

  lifecycle {
    ignore_changes = [final_snapshot_identifier]
  }

  depends_on = [
    aws_cloudwatch_log_group.exports,
    aws_iam_role_policy_attachment.monitoring,
  ]
}
