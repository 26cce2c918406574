terraform {
  # 1.7+ for mock_provider in `terraform test` (its tests use override_during,
  # which needs 1.11).
  required_version = ">= 1.7.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }
}
