# dev: no real PHI. Smallest sizes, single-AZ database, one NAT gateway, and
# deletion protection off and disposable so the environment can be torn down and
# rebuilt at once (destroy also deletes its images, logs and API-key secret).
environment    = "dev"
aws_account_id = "111111111111" # replace with the dev account ID

route53_zone_name = "dev.patients.example.com"
domain_name       = "api.dev.patients.example.com"

single_nat_gateway = true

min_count   = 1
max_count   = 2
task_cpu    = 256
task_memory = 512

db_instance_class              = "db.t4g.medium"
db_allocated_storage_gb        = 20
db_max_allocated_storage_gb    = 50
db_multi_az                    = false
db_backup_retention_days       = 7
db_connections_alarm_threshold = 80
db_max_connections             = 100

deletion_protection = false
disposable          = true
log_retention_days  = 365

enable_waf              = true
slo_p95_latency_seconds = 0.5
alarm_email_addresses   = []
