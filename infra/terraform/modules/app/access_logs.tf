# ALB access logs. Elastic Load Balancing can only write to buckets encrypted
# with SSE-S3 (not SSE-KMS), which is why this bucket is the one place without
# a customer-managed key.
#
# The bucket holds PHI: every log entry has the request's full URL, query string
# included, and a client that searches with GET /api/v1/patients?email=… puts
# patient data there (POST /api/v1/patients:search keeps it out). It is tagged
# DataClassification=PHI, private, TLS-only, and its objects can be read only by
# the roles in var.access_log_reader_arns (by default a role named
# <name>-access-log-reader, which does not exist until someone creates it on
# purpose): nothing else in the account, administrators included, can read them.

resource "aws_s3_bucket" "access_logs" {
  #checkov:skip=CKV_AWS_145:ALB access logging supports only SSE-S3 (AES256) on the destination bucket, not SSE-KMS.
  #checkov:skip=CKV_AWS_18:This is the log bucket itself; server access logging it would need another bucket and logs about log delivery add nothing useful.
  #checkov:skip=CKV_AWS_144:Cross-region replication of ALB access logs is not required; the bucket is versioned and logs are kept for the retention period.
  #checkov:skip=CKV2_AWS_62:Nothing consumes ALB access log object events; event notifications would have no target.
  bucket = "${var.name}-alb-logs-${local.account_id}"

  # Only a disposable environment (dev) lets destroy empty the bucket; elsewhere the
  # access logs outlive a destroy until someone deletes them deliberately.
  force_destroy = var.disposable

  tags = merge(var.tags, { DataClassification = "PHI" })
}

resource "aws_s3_bucket_ownership_controls" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_versioning" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  rule {
    id     = "expire-access-logs"
    status = "Enabled"

    filter {}

    expiration {
      days = var.access_log_retention_days
    }

    noncurrent_version_expiration {
      noncurrent_days = 30
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.access_logs]
}

data "aws_elb_service_account" "current" {}

locals {
  access_log_readers = coalescelist(
    var.access_log_reader_arns,
    ["arn:aws:iam::${local.account_id}:role/${var.name}-access-log-reader"],
  )
}

resource "aws_s3_bucket_policy" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        # Regions launched before August 2022 deliver as the regional ELB
        # account; newer ones as the log delivery service principal.
        Sid    = "AllowAlbLogDelivery"
        Effect = "Allow"
        Principal = {
          AWS     = data.aws_elb_service_account.current.arn
          Service = "logdelivery.elasticloadbalancing.amazonaws.com"
        }
        Action   = "s3:PutObject"
        Resource = "${aws_s3_bucket.access_logs.arn}/alb/AWSLogs/${local.account_id}/*"
      },
      {
        Sid       = "DenyReadingExceptLogReaders"
        Effect    = "Deny"
        Principal = "*"
        Action    = ["s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectAttributes", "s3:RestoreObject"]
        Resource  = "${aws_s3_bucket.access_logs.arn}/*"
        Condition = { ArnNotLike = { "aws:PrincipalArn" = local.access_log_readers } }
      },
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.access_logs.arn, "${aws_s3_bucket.access_logs.arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  })

  depends_on = [aws_s3_bucket_public_access_block.access_logs]
}
