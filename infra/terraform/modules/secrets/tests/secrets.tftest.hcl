# Offline unit tests: the AWS provider is mocked, nothing is created.

mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  name = "patient-service-test"
}

run "keys_rotate_and_have_explicit_policies" {
  command = apply

  assert {
    condition = alltrue([
      for k in [aws_kms_key.database, aws_kms_key.app, aws_kms_key.logs] : k.enable_key_rotation
    ])
    error_message = "Every KMS key must have automatic rotation enabled."
  }

  assert {
    condition = alltrue([
      for k in [aws_kms_key.database, aws_kms_key.app, aws_kms_key.logs] : k.policy != null && k.policy != ""
    ])
    error_message = "Every KMS key must carry an explicit key policy."
  }

  assert {
    condition = alltrue([
      for k in [aws_kms_key.database, aws_kms_key.app, aws_kms_key.logs] : k.deletion_window_in_days == 30
    ])
    error_message = "KMS keys must default to the maximum deletion window."
  }
}

run "key_policies_grant_services_only_what_they_need" {
  command = apply

  assert {
    # Only the account root (delegation to IAM) may be given kms:*.
    condition = alltrue(flatten([
      for k in [aws_kms_key.database, aws_kms_key.app, aws_kms_key.logs] : [
        for s in jsondecode(k.policy).Statement :
        s.Action != "kms:*" || s.Principal == { AWS = "arn:aws:iam::123456789012:root" }
      ]
    ]))
    error_message = "kms:* may only be granted to this account's root principal."
  }

  assert {
    condition     = length(jsondecode(aws_kms_key.database.policy).Statement) == 1
    error_message = "The database key must not grant anything to service principals directly."
  }

  assert {
    condition = alltrue([
      for s in jsondecode(aws_kms_key.logs.policy).Statement :
      s.Sid == "AccountRootFullAccess" || can(s.Condition.ArnLike["kms:EncryptionContext:aws:logs:arn"])
    ])
    error_message = "The CloudWatch Logs grant must be scoped by the aws:logs:arn encryption context."
  }
}

run "api_keys_secret_is_encrypted_with_app_key" {
  command = apply

  assert {
    condition     = aws_secretsmanager_secret.api_keys.kms_key_id == aws_kms_key.app.arn
    error_message = "The API keys secret must be encrypted with the customer-managed app key."
  }

  assert {
    condition     = aws_secretsmanager_secret.api_keys.recovery_window_in_days >= 7
    error_message = "The API keys secret must stay recoverable after deletion."
  }

  assert {
    condition     = aws_secretsmanager_secret_version.api_keys_initial.secret_string == "[]"
    error_message = "Terraform must only ever write an empty key list; real keys are loaded out-of-band."
  }
}

run "rejects_short_deletion_window" {
  command = plan

  variables {
    key_deletion_window_days = 3
  }

  expect_failures = [var.key_deletion_window_days]
}

run "fargate_may_encrypt_ephemeral_storage_of_this_cluster_only" {
  command = plan

  assert {
    condition = alltrue([
      for s in jsondecode(aws_kms_key.app.policy).Statement :
      s.Condition.StringEquals["kms:EncryptionContext:aws:ecs:clusterName"] == var.name
      if try(s.Principal.Service, "") == "fargate.amazonaws.com"
    ]) && length([for s in jsondecode(aws_kms_key.app.policy).Statement : s if try(s.Principal.Service, "") == "fargate.amazonaws.com"]) == 2
    error_message = "Fargate may use the app key for this environment's cluster only (data keys and decrypt grants)."
  }
}

run "secrets_stay_recoverable_unless_disposable" {
  command = plan

  assert {
    condition     = aws_secretsmanager_secret.api_keys.recovery_window_in_days == 30
    error_message = "A deleted API-key secret must stay recoverable."
  }
}

run "disposable_deletes_the_secret_at_once" {
  command = plan

  variables {
    disposable = true
  }

  assert {
    condition     = aws_secretsmanager_secret.api_keys.recovery_window_in_days == 0
    error_message = "A disposable environment's destroy must delete the secret at once, so it can be rebuilt under the same name."
  }
}
