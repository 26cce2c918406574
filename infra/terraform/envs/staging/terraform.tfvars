# staging: production topology (Multi-AZ, NAT per AZ, deletion protection) at
# smaller sizes and shorter retention; it holds only synthetic data.
environment    = "staging"
aws_account_id = "222222222222" # replace with the staging account ID

route53_zone_name = "staging.patients.example.com"
domain_name       = "api.staging.patients.example.com"

single_nat_gateway = false

min_count   = 2
max_count   = 4
task_cpu    = 512
task_memory = 1024

db_instance_class              = "db.t4g.large"
db_allocated_storage_gb        = 50
db_max_allocated_storage_gb    = 200
db_multi_az                    = true
db_backup_retention_days       = 14
db_connections_alarm_threshold = 150
db_max_connections             = 200

deletion_protection = true
log_retention_days  = 365

enable_waf              = true
slo_p95_latency_seconds = 0.5
alarm_email_addresses   = []
