# prod: real PHI. Multi-AZ, NAT per AZ, deletion protection, 35-day PITR and
# 6-year (HIPAA) log retention.
environment    = "prod"
aws_account_id = "333333333333" # replace with the prod account ID

route53_zone_name = "patients.example.com"
domain_name       = "api.patients.example.com"

single_nat_gateway = false

min_count   = 3
max_count   = 12
task_cpu    = 1024
task_memory = 2048

db_instance_class              = "db.r6g.large"
db_allocated_storage_gb        = 100
db_max_allocated_storage_gb    = 500
db_multi_az                    = true
db_backup_retention_days       = 35
db_connections_alarm_threshold = 400
db_max_connections             = 500

deletion_protection = true
log_retention_days  = 2192

enable_waf              = true
slo_p95_latency_seconds = 0.5
alarm_email_addresses   = ["oncall@example.com"]
