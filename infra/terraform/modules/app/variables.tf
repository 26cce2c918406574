# --- Identity and placement -------------------------------------------------

variable "name" {
  description = "Name prefix for every resource, e.g. \"patient-service-prod\"."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,40}$", var.name))
    error_message = "name must be 3-41 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "vpc_id" {
  description = "ID of the VPC."
  type        = string
}

variable "public_subnet_ids" {
  description = "Public subnets for the ALB, in at least two AZs."
  type        = list(string)

  validation {
    condition     = length(var.public_subnet_ids) >= 2
    error_message = "public_subnet_ids must contain at least two subnets."
  }
}

variable "private_subnet_ids" {
  description = "Private subnets for the Fargate tasks, in at least two AZs."
  type        = list(string)

  validation {
    condition     = length(var.private_subnet_ids) >= 2
    error_message = "private_subnet_ids must contain at least two subnets."
  }
}

# --- DNS and TLS ------------------------------------------------------------

variable "domain_name" {
  description = "Public host name of the service, e.g. \"patients.example.com\". An ACM certificate is issued for it and a Route 53 alias record points it at the ALB."
  type        = string
}

variable "route53_zone_id" {
  description = "ID of the public Route 53 hosted zone that holds domain_name (used for the alias record and ACM DNS validation)."
  type        = string
}

variable "ssl_policy" {
  description = "TLS policy of the HTTPS listener. Only TLS 1.2+ policies are accepted; the default also offers TLS 1.3."
  type        = string
  default     = "ELBSecurityPolicy-TLS13-1-2-2021-06"

  validation {
    condition = contains([
      "ELBSecurityPolicy-TLS13-1-2-2021-06",
      "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
      "ELBSecurityPolicy-TLS13-1-3-2021-06",
      "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
      "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
      "ELBSecurityPolicy-FS-1-2-Res-2020-10",
      "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
    ], var.ssl_policy)
    error_message = "ssl_policy must be an ELB security policy that refuses TLS < 1.2."
  }
}

variable "hsts_header_value" {
  description = "Strict-Transport-Security header the ALB adds to every HTTPS response."
  type        = string
  default     = "max-age=63072000; includeSubDomains"

  validation {
    condition     = can(regex("^max-age=[0-9]{7,}", var.hsts_header_value))
    error_message = "hsts_header_value must start with max-age of at least 1000000 seconds."
  }
}

# --- Load balancer ----------------------------------------------------------

variable "alb_deletion_protection" {
  description = "Protect the ALB from deletion."
  type        = bool
  default     = true
}

variable "alb_idle_timeout_seconds" {
  description = "ALB idle connection timeout."
  type        = number
  default     = 60
}

variable "access_log_retention_days" {
  description = "Days ALB access logs are kept in S3 before expiring. Defaults to 6 years (HIPAA)."
  type        = number
  default     = 2192

  validation {
    condition     = var.access_log_retention_days >= 365
    error_message = "access_log_retention_days must be at least 365."
  }
}

variable "access_log_reader_arns" {
  description = "IAM role ARNs (wildcards allowed) that may read the ALB access logs, which carry PHI in query strings. Nobody else can, administrators included. Empty: only a role named <name>-access-log-reader."
  type        = list(string)
  default     = []
}

variable "health_check_path" {
  description = "Target group health check path: the service's readiness endpoint (200 when the DB is reachable and migrations are current)."
  type        = string
  default     = "/readyz"
}

variable "deregistration_delay_seconds" {
  description = "Time the ALB keeps draining in-flight requests to a task before ECS stops it."
  type        = number
  default     = 30
}

# --- WAF --------------------------------------------------------------------

variable "enable_waf" {
  description = "Attach a WAFv2 web ACL (AWS managed rule groups + per-IP rate limit) to the ALB."
  type        = bool
  default     = true
}

variable "waf_rate_limit_per_5min" {
  description = "Requests per 5 minutes from one IP before WAF blocks it."
  type        = number
  default     = 2000
}

variable "log_kms_key_arn" {
  description = "Customer-managed KMS key for the WAF log group."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:", var.log_kms_key_arn))
    error_message = "log_kms_key_arn must be a KMS key ARN."
  }
}

variable "waf_log_retention_days" {
  description = "Retention of the WAF log group in days (a CloudWatch Logs retention value). Request URIs can identify patients, so the default is 6 years."
  type        = number
  default     = 2192

  validation {
    condition     = contains([365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.waf_log_retention_days)
    error_message = "waf_log_retention_days must be a CloudWatch Logs retention value of at least 365 days."
  }
}

# --- Container image --------------------------------------------------------

variable "image_tag" {
  description = "Tag of the service image in this module's ECR repository (tags are immutable: use the git SHA)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", var.image_tag)) && var.image_tag != "latest"
    error_message = "image_tag must be a valid, immutable image tag (not \"latest\")."
  }
}

variable "ecr_kms_key_arn" {
  description = "Customer-managed KMS key encrypting the ECR repository."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:", var.ecr_kms_key_arn))
    error_message = "ecr_kms_key_arn must be a KMS key ARN."
  }
}

variable "ecr_untagged_expiry_days" {
  description = "Days after which untagged images are removed from ECR."
  type        = number
  default     = 14
}

# --- Task -------------------------------------------------------------------

variable "container_port" {
  description = "Port the service listens on (its PORT env var)."
  type        = number
  default     = 8080
}

variable "metrics_port" {
  description = "Port of the service's Prometheus /metrics listener (its METRICS_PORT). Never routed through the ALB; reachable only from metrics_ingress_cidr."
  type        = number
  default     = 9090

  validation {
    condition     = var.metrics_port >= 1024 && var.metrics_port <= 65535 && var.metrics_port != var.container_port
    error_message = "metrics_port must be an unprivileged port other than the service port."
  }
}

variable "metrics_ingress_cidr" {
  description = "IPv4 CIDR allowed to scrape metrics_port: the VPC's own CIDR, so a scraper inside the VPC (Prometheus, an Amazon Managed Prometheus scraper) can reach it and nothing outside can."
  type        = string

  validation {
    condition     = can(cidrhost(var.metrics_ingress_cidr, 0)) && !startswith(var.metrics_ingress_cidr, "0.0.0.0/")
    error_message = "metrics_ingress_cidr must be an IPv4 CIDR inside the VPC, never 0.0.0.0/0."
  }
}

variable "container_user" {
  description = "uid:gid the container runs as. Must be non-root."
  type        = string
  default     = "10001:10001"

  validation {
    condition     = can(regex("^[1-9][0-9]*(:[1-9][0-9]*)?$", var.container_user))
    error_message = "container_user must be a non-zero numeric uid[:gid] (never root)."
  }
}

variable "cpu" {
  description = "Fargate task CPU units."
  type        = number
  default     = 512
}

variable "memory" {
  description = "Fargate task memory in MiB."
  type        = number
  default     = 1024
}

variable "cpu_architecture" {
  description = "Task CPU architecture: X86_64 or ARM64 (must match the image)."
  type        = string
  default     = "X86_64"

  validation {
    condition     = contains(["X86_64", "ARM64"], var.cpu_architecture)
    error_message = "cpu_architecture must be X86_64 or ARM64."
  }
}

variable "min_count" {
  description = "Fewest service tasks (Application Auto Scaling's minimum; a new service starts with this many). Two or more spreads them across AZs; 0 only while bootstrapping an environment."
  type        = number
  default     = 2

  validation {
    condition     = var.min_count >= 0 && floor(var.min_count) == var.min_count
    error_message = "min_count must be a whole number >= 0."
  }
}

variable "max_count" {
  description = "Most service tasks autoscaling may run. With db_pool_size it bounds the database connections: max_count * db_pool_size must stay below the database's max_connections (checked by the stack)."
  type        = number
  default     = 6

  validation {
    condition     = var.max_count >= 1 && var.max_count >= var.min_count
    error_message = "max_count must be >= 1 and >= min_count."
  }
}

variable "autoscaling_cpu_target_percent" {
  description = "Target average CPU utilisation of the service's tasks, in percent."
  type        = number
  default     = 60

  validation {
    condition     = var.autoscaling_cpu_target_percent >= 10 && var.autoscaling_cpu_target_percent <= 90
    error_message = "autoscaling_cpu_target_percent must be between 10 and 90."
  }
}

variable "autoscaling_requests_per_task_target" {
  description = "Target ALB requests per task per minute (ALBRequestCountPerTarget)."
  type        = number
  default     = 1000

  validation {
    condition     = var.autoscaling_requests_per_task_target > 0
    error_message = "autoscaling_requests_per_task_target must be positive."
  }
}

variable "autoscaling_scale_out_cooldown_seconds" {
  description = "Seconds after a scale-out before another one."
  type        = number
  default     = 60
}

variable "autoscaling_scale_in_cooldown_seconds" {
  description = "Seconds after a scale-in before another one (longer than scale-out: shed capacity slowly)."
  type        = number
  default     = 300
}

variable "db_pool_size" {
  description = "Connections each task's pool may open (DB_MAX_CONNECTIONS, 1-1000)."
  type        = number
  default     = 10

  validation {
    condition     = var.db_pool_size >= 1 && var.db_pool_size <= 1000
    error_message = "db_pool_size must be between 1 and 1000 (the service's DB_MAX_CONNECTIONS range)."
  }
}

variable "ephemeral_storage_kms_key_arn" {
  description = "Customer-managed KMS key for the cluster's Fargate ephemeral storage (its policy must allow fargate.amazonaws.com; see modules/secrets)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:", var.ephemeral_storage_kms_key_arn))
    error_message = "ephemeral_storage_kms_key_arn must be a KMS key ARN."
  }
}

variable "disposable" {
  description = "A destroy may delete data with the environment (dev only): the ECR repository with its images and the ALB access-log bucket with its logs. Off: destroy stops at a non-empty repository or bucket."
  type        = bool
  default     = false
}

variable "stop_timeout_seconds" {
  description = "Time between SIGTERM and SIGKILL, for the service's graceful shutdown (Fargate maximum 120)."
  type        = number
  default     = 30

  validation {
    condition     = var.stop_timeout_seconds >= 2 && var.stop_timeout_seconds <= 120
    error_message = "stop_timeout_seconds must be between 2 and 120."
  }
}

variable "health_check_grace_period_seconds" {
  description = "Time ECS ignores failing ALB health checks after a task starts (covers the service's start-up; migrations run before the deploy, as their own task)."
  type        = number
  default     = 60
}

variable "log_group_name" {
  description = "CloudWatch log group the container logs to (from the observability module)."
  type        = string
}

variable "log_group_arn" {
  description = "ARN of log_group_name; the execution role may write only there."
  type        = string
}

variable "log_level" {
  description = "LOG_LEVEL for the service."
  type        = string
  default     = "info"

  validation {
    condition     = contains(["error", "warn", "info", "debug", "trace"], var.log_level)
    error_message = "log_level must be one of error, warn, info, debug, trace."
  }
}

variable "log_format" {
  description = "LOG_FORMAT for the service; json is what CloudWatch Logs Insights queries expect."
  type        = string
  default     = "json"

  validation {
    condition     = contains(["json", "text"], var.log_format)
    error_message = "log_format must be json or text."
  }
}

# --- Traces (optional X-Ray path) --------------------------------------------

variable "enable_xray" {
  description = "Export traces to AWS X-Ray: an AWS Distro for OpenTelemetry collector sidecar receives the service's OTLP/HTTP spans on localhost and forwards them; the task role may write to X-Ray. Off: the service exports no traces."
  type        = bool
  default     = false
}

variable "xray_sampling_ratio" {
  description = "With enable_xray: share of new traces sampled (OTEL_TRACES_SAMPLER=parentbased_traceidratio); a caller's sampled traceparent is always followed."
  type        = number
  default     = 0.1

  validation {
    condition     = var.xray_sampling_ratio >= 0 && var.xray_sampling_ratio <= 1
    error_message = "xray_sampling_ratio must be between 0 and 1."
  }
}

variable "otel_collector_image" {
  description = "Image of the ADOT collector sidecar, pinned to a version."
  type        = string
  default     = "public.ecr.aws/aws-observability/aws-otel-collector:v0.42.0"

  validation {
    condition     = can(regex(":v[0-9]+\\.[0-9]+\\.[0-9]+$", var.otel_collector_image))
    error_message = "otel_collector_image must be pinned to a version tag (vX.Y.Z)."
  }
}

# --- Database and secrets ---------------------------------------------------

variable "db_host" {
  description = "Database host name (DB_HOST)."
  type        = string
}

variable "db_port" {
  description = "Database port (DB_PORT)."
  type        = number
  default     = 5432
}

variable "db_name" {
  description = "Database name (DB_NAME)."
  type        = string
}

variable "db_username" {
  description = "Database user (DB_USER)."
  type        = string
}

variable "db_sslmode" {
  description = "DB_SSLMODE for the service and the migrations. The database rejects non-TLS connections, so only require/verify-ca/verify-full are accepted; verify-full checks the server's certificate and name against db_ssl_root_cert."
  type        = string
  default     = "verify-full"

  validation {
    condition     = contains(["require", "verify-ca", "verify-full"], var.db_sslmode)
    error_message = "db_sslmode must be require, verify-ca or verify-full."
  }
}

variable "db_ssl_root_cert" {
  description = "DB_SSLROOTCERT: the CA bundle in the image that verify-ca/verify-full check the database's certificate against (the image carries RDS's)."
  type        = string
  default     = "/etc/ssl/certs/rds-ca-bundle.pem"
}

variable "db_iam_auth" {
  description = "Sign the service in with IAM authentication tokens (DB_IAM_AUTH) as db_username, with no DB_PASSWORD; needs db_iam_auth_resource_id. A plain flag, so that what is created is known at plan time even when the instance does not exist yet."
  type        = bool
  default     = false
}

variable "db_iam_auth_resource_id" {
  description = "The RDS instance's resource id (db-...), for db_iam_auth. With it, the service signs in as db_username with IAM authentication tokens (DB_IAM_AUTH), gets no DB_PASSWORD, and its task role may rds-db:connect as that user only. null: DB_PASSWORD from db_password_secret_arn."
  type        = string
  default     = null

  validation {
    condition     = var.db_iam_auth_resource_id == null || length(coalesce(var.db_iam_auth_resource_id, "-")) > 0
    error_message = "db_iam_auth_resource_id must be an RDS resource id (db-...) or null."
  }
}

variable "db_password_secret_arn" {
  description = "ARN of the RDS-managed master user secret; its \"password\" JSON key is injected as DB_PASSWORD."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:secretsmanager:", var.db_password_secret_arn))
    error_message = "db_password_secret_arn must be a Secrets Manager secret ARN."
  }
}

variable "db_security_group_id" {
  description = "Security group of the database; tasks may egress to it on db_port only."
  type        = string
}

variable "api_keys_secret_arn" {
  description = "ARN of the Secrets Manager secret injected as API_KEYS."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:secretsmanager:", var.api_keys_secret_arn))
    error_message = "api_keys_secret_arn must be a Secrets Manager secret ARN."
  }
}

variable "secrets_kms_key_arns" {
  description = "KMS keys encrypting the injected secrets; the execution role may decrypt with these only."
  type        = list(string)

  validation {
    condition     = length(var.secrets_kms_key_arns) > 0 && alltrue([for k in var.secrets_kms_key_arns : can(regex("^arn:aws[a-z-]*:kms:", k))])
    error_message = "secrets_kms_key_arns must be a non-empty list of KMS key ARNs."
  }
}

# --- Migration task ----------------------------------------------------------

variable "migration_cpu" {
  description = "Fargate CPU units of the one-off migration task."
  type        = number
  default     = 256
}

variable "migration_memory" {
  description = "Fargate memory (MiB) of the one-off migration task."
  type        = number
  default     = 512
}

variable "migration_db_username" {
  description = "Database user the migrations run as (DB_USER); null: db_username. It must own the schema."
  type        = string
  default     = null
}

variable "migration_db_password_secret_arn" {
  description = "Secrets Manager secret whose \"password\" JSON key is the migration user's password; null: db_password_secret_arn."
  type        = string
  default     = null

  validation {
    condition     = var.migration_db_password_secret_arn == null || can(regex("^arn:aws[a-z-]*:secretsmanager:", var.migration_db_password_secret_arn))
    error_message = "migration_db_password_secret_arn must be a Secrets Manager secret ARN."
  }
}

# --- Deploys ----------------------------------------------------------------

variable "wait_for_steady_state" {
  description = "Make terraform apply wait until the service's deployment is steady (and fail when it does not become so), instead of returning as soon as ECS accepted it."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags added to every resource (on top of the provider's default_tags)."
  type        = map(string)
  default     = {}
}
