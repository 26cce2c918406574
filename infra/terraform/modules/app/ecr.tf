resource "aws_ecr_repository" "this" {
  name = var.name

  # A tag, once pushed, always means the same image: deployments are
  # reproducible and an attacker with push rights cannot swap a running tag.
  image_tag_mutability = "IMMUTABLE"

  # Only a disposable environment (dev) lets destroy delete a repository that still
  # holds images; elsewhere destroy stops at a non-empty repository.
  force_delete = var.disposable

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = var.ecr_kms_key_arn
  }

  tags = var.tags
}

resource "aws_ecr_lifecycle_policy" "this" {
  repository = aws_ecr_repository.this.name

  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "Expire untagged images (failed or superseded pushes)"
      selection = {
        tagStatus   = "untagged"
        countType   = "sinceImagePushed"
        countUnit   = "days"
        countNumber = var.ecr_untagged_expiry_days
      }
      action = { type = "expire" }
    }]
  })
}
