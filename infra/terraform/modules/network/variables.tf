variable "name" {
  description = "Name prefix for every resource, e.g. \"patient-service-prod\"."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,40}$", var.name))
    error_message = "name must be 3-41 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "cidr_block" {
  description = "IPv4 CIDR of the VPC. Public subnets are /24s carved from its first /20, private subnets the following /20s (sized for Fargate ENIs)."
  type        = string
  default     = "10.0.0.0/16"

  validation {
    condition     = can(cidrhost(var.cidr_block, 0)) && tonumber(split("/", var.cidr_block)[1]) <= 16
    error_message = "cidr_block must be a valid IPv4 CIDR of /16 or larger."
  }
}

variable "azs" {
  description = "Availability zones to spread subnets across, e.g. [\"us-east-1a\", \"us-east-1b\"]. At least two, so the ALB and a Multi-AZ database survive the loss of a zone."
  type        = list(string)

  validation {
    condition     = length(var.azs) >= 2 && length(var.azs) <= 6 && length(distinct(var.azs)) == length(var.azs)
    error_message = "azs must list 2 to 6 distinct availability zones."
  }
}

variable "single_nat_gateway" {
  description = "Use one NAT gateway for all private subnets instead of one per AZ. Cheaper, but private subnets lose egress if that AZ fails: only for non-production."
  type        = bool
  default     = false
}

variable "flow_log_kms_key_arn" {
  description = "ARN of the customer-managed KMS key that encrypts the VPC flow log group."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:", var.flow_log_kms_key_arn))
    error_message = "flow_log_kms_key_arn must be a KMS key ARN."
  }
}

variable "flow_log_retention_days" {
  description = "Retention of the VPC flow log group, in days (a CloudWatch Logs retention value). Defaults to 6 years (HIPAA documentation retention)."
  type        = number
  default     = 2192

  validation {
    condition     = contains([365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.flow_log_retention_days)
    error_message = "flow_log_retention_days must be a CloudWatch Logs retention value of at least 365 days."
  }
}

variable "flow_log_traffic_type" {
  description = "Traffic recorded by the VPC flow log: ALL, ACCEPT or REJECT."
  type        = string
  default     = "ALL"

  validation {
    condition     = contains(["ALL", "ACCEPT", "REJECT"], var.flow_log_traffic_type)
    error_message = "flow_log_traffic_type must be ALL, ACCEPT or REJECT."
  }
}

variable "interface_endpoint_services" {
  description = "AWS services reached through interface VPC endpoints in the private subnets (service name suffixes: com.amazonaws.<region>.<suffix>)."
  type        = list(string)
  default     = ["ecr.api", "ecr.dkr", "secretsmanager", "logs", "kms"]
}

variable "tags" {
  description = "Tags added to every resource (on top of the provider's default_tags)."
  type        = map(string)
  default     = {}
}
