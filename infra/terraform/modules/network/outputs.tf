output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_cidr_block" {
  description = "IPv4 CIDR of the VPC."
  value       = aws_vpc.this.cidr_block
}

output "public_subnet_ids" {
  description = "IDs of the public subnets (ALB, NAT gateways), one per AZ."
  value       = aws_subnet.public[*].id
}

output "private_subnet_ids" {
  description = "IDs of the private subnets (ECS tasks, RDS), one per AZ."
  value       = aws_subnet.private[*].id
}

output "nat_public_ips" {
  description = "Public IPs of the NAT gateways (the service's egress addresses)."
  value       = aws_eip.nat[*].public_ip
}

output "flow_log_group_name" {
  description = "Name of the CloudWatch log group receiving VPC flow logs."
  value       = aws_cloudwatch_log_group.flow_logs.name
}

output "settings" {
  description = "Availability and retention as planned, read back from the resources (for reviews and callers' tests): azs, nat_gateways (1 = shared, not zone-redundant), interface_endpoints (services reached privately), flow_log_retention_days, flow_log_kms_key_arn."
  value = {
    azs                     = aws_subnet.private[*].availability_zone
    nat_gateways            = length(aws_nat_gateway.this)
    interface_endpoints     = sort([for e in aws_vpc_endpoint.interface : trimprefix(e.service_name, "com.amazonaws.${data.aws_region.current.name}.")])
    flow_log_retention_days = aws_cloudwatch_log_group.flow_logs.retention_in_days
    flow_log_kms_key_arn    = aws_cloudwatch_log_group.flow_logs.kms_key_id
  }
}
