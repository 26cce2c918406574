output "endpoint_url" {
  description = "Public HTTPS URL of the service."
  value       = "https://${var.domain_name}"
}

output "alb_dns_name" {
  description = "DNS name of the ALB (the alias target of domain_name)."
  value       = aws_lb.this.dns_name
}

output "alb_arn_suffix" {
  description = "ARN suffix of the ALB (CloudWatch LoadBalancer dimension)."
  value       = aws_lb.this.arn_suffix
}

output "target_group_arn_suffix" {
  description = "ARN suffix of the target group (CloudWatch TargetGroup dimension)."
  value       = aws_lb_target_group.this.arn_suffix
}

output "ecr_repository_url" {
  description = "URL of the ECR repository to push service images to."
  value       = aws_ecr_repository.this.repository_url
}

output "ecs_cluster_name" {
  description = "Name of the ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "ecs_service_name" {
  description = "Name of the ECS service."
  value       = aws_ecs_service.this.name
}

output "migration" {
  description = "What the deploy pipeline needs to run the migrations as a one-off task: cluster, task definition family, container name, subnets and security group (awsvpc network configuration), log group and stream prefix."
  value = {
    cluster             = aws_ecs_cluster.this.name
    task_definition     = aws_ecs_task_definition.migration.family
    container_name      = local.migration_container_name
    subnet_ids          = var.private_subnet_ids
    security_group_id   = aws_security_group.migration.id
    log_group_name      = var.log_group_name
    log_stream_prefix   = local.migration_container_name
    task_definition_arn = aws_ecs_task_definition.migration.arn
    execution_role_arn  = aws_iam_role.migration_execution.arn
    task_role_arn       = aws_iam_role.migration_task.arn
  }
}

output "migration_security_group_id" {
  description = "Security group of the migration tasks (allow it into the database)."
  value       = aws_security_group.migration.id
}

output "task_security_group_id" {
  description = "Security group of the service tasks (allow it into the database)."
  value       = aws_security_group.task.id
}

output "alb_security_group_id" {
  description = "Security group of the ALB."
  value       = aws_security_group.alb.id
}

output "task_role_arn" {
  description = "ARN of the task role (attach policies here if the service ever calls AWS APIs)."
  value       = aws_iam_role.task.arn
}

output "execution_role_arn" {
  description = "ARN of the task execution role."
  value       = aws_iam_role.execution.arn
}

output "access_logs_bucket" {
  description = "Name of the S3 bucket receiving ALB access logs."
  value       = aws_s3_bucket.access_logs.id
}

output "web_acl_arn" {
  description = "ARN of the WAF web ACL, or null when enable_waf is false."
  value       = one(aws_wafv2_web_acl.this[*].arn)
}

output "settings" {
  description = "Size, protection and retention as planned, read back from the resources (for reviews and callers' tests): min_count and max_count (the autoscaling range), db_pool_size, autoscaling_metrics, ephemeral_storage_kms_key, disposable, cpu, memory, alb_deletion_protection, waf_enabled, waf_log_retention_days (null without WAF), access_log_retention_days, ecr_kms_key_arn, metrics_port, metrics_ingress_cidr, xray_enabled (the collector sidecar may write to X-Ray)."
  value = {
    min_count                 = aws_appautoscaling_target.service.min_capacity
    max_count                 = aws_appautoscaling_target.service.max_capacity
    db_pool_size              = tonumber(one([for e in local.container_environment : e.value if e.name == "DB_MAX_CONNECTIONS"]))
    autoscaling_metrics       = sort([aws_appautoscaling_policy.cpu.target_tracking_scaling_policy_configuration[0].predefined_metric_specification[0].predefined_metric_type, aws_appautoscaling_policy.requests.target_tracking_scaling_policy_configuration[0].predefined_metric_specification[0].predefined_metric_type])
    ephemeral_storage_kms_key = one(aws_ecs_cluster.this.configuration[0].managed_storage_configuration[*].fargate_ephemeral_storage_kms_key_id)
    disposable                = aws_ecr_repository.this.force_delete && aws_s3_bucket.access_logs.force_destroy
    cpu                       = tonumber(aws_ecs_task_definition.this.cpu)
    memory                    = tonumber(aws_ecs_task_definition.this.memory)
    alb_deletion_protection   = aws_lb.this.enable_deletion_protection
    waf_enabled               = length(aws_wafv2_web_acl_association.this) == 1
    waf_log_retention_days    = one(aws_cloudwatch_log_group.waf[*].retention_in_days)
    access_log_retention_days = aws_s3_bucket_lifecycle_configuration.access_logs.rule[0].expiration[0].days
    ecr_kms_key_arn           = aws_ecr_repository.this.encryption_configuration[0].kms_key
    metrics_port              = aws_vpc_security_group_ingress_rule.task_metrics_from_vpc.from_port
    metrics_ingress_cidr      = aws_vpc_security_group_ingress_rule.task_metrics_from_vpc.cidr_ipv4
    xray_enabled              = length(aws_iam_role_policy.task_xray) == 1
  }
}
