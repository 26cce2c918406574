terraform {
  required_version = ">= 1.11.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }
}

provider "aws" {
  region = var.aws_region

  # Refuse to run against any other account: a dev plan can never touch prod.
  allowed_account_ids = [var.aws_account_id]

  default_tags {
    tags = {
      Project            = "patient-service"
      Environment        = var.environment
      ManagedBy          = "terraform"
      DataClassification = "phi"
    }
  }
}
