# Remote state: S3 (SSE-KMS encrypted, versioned) with DynamoDB locking. The
# bucket, key and table are created once per account, outside Terraform: see
# "Bootstrapping remote state" in infra/terraform/README.md. Backend blocks
# cannot use variables, hence one file per environment.
terraform {
  backend "s3" {
    bucket         = "patient-service-tfstate-prod"
    key            = "patient-service/prod/terraform.tfstate"
    region         = "us-east-1"
    encrypt        = true
    kms_key_id     = "alias/patient-service-tfstate"
    dynamodb_table = "patient-service-tfstate-lock"
  }
}
