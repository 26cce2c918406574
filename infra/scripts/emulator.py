#!/usr/bin/env python3
"""The AWS side of infra/scripts/apply-test.sh, run with the moto virtualenv's python.

    emulator.py bootstrap BACKEND_FILE ZONE_NAME
        Creates what exists before Terraform runs in a real account: the remote state
        (the KMS key alias, versioned S3 bucket and DynamoDB lock table named in the env's
        backend.tf) and the public Route 53 hosted zone the stack looks up.
    emulator.py check-outputs OUTPUTS_JSON
        Holds `terraform output -json` to what the emulator reports, through the AWS API.
    emulator.py check-empty BACKEND_FILE NAME
        After destroy: nothing the stack NAME created is left (only the bootstrap resources
        and the database's final snapshot), and the state holds no resources.

AWS_ENDPOINT_URL, AWS_REGION and the credentials come from the environment.
"""
import json
import re
import sys

import boto3

failures = []


def check(condition, message):
    if condition:
        print(f"ok: {message}")
    else:
        failures.append(message)
        print(f"FAIL: {message}", file=sys.stderr)


def backend_settings(path):
    text = open(path, encoding="utf-8").read()
    return dict(re.findall(r'^\s*(\w+)\s*=\s*"([^"]*)"', text, re.M))


def bootstrap(backend_file, zone_name):
    backend = backend_settings(backend_file)
    kms = boto3.client("kms")
    key_id = kms.create_key(Description="Terraform state")["KeyMetadata"]["KeyId"]
    kms.create_alias(AliasName=backend["kms_key_id"], TargetKeyId=key_id)
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket=backend["bucket"])
    s3.put_bucket_versioning(Bucket=backend["bucket"], VersioningConfiguration={"Status": "Enabled"})
    boto3.client("dynamodb").create_table(
        TableName=backend["dynamodb_table"],
        AttributeDefinitions=[{"AttributeName": "LockID", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "LockID", "KeyType": "HASH"}],
        BillingMode="PAY_PER_REQUEST",
    )
    boto3.client("route53").create_hosted_zone(Name=zone_name, CallerReference="apply-test")
    print(f"bootstrapped: state bucket {backend['bucket']}, lock table {backend['dynamodb_table']}, zone {zone_name}")


def value(outputs, name):
    return outputs[name]["value"]


def check_outputs(path):
    """The outputs name real objects, with the properties the stack promises."""
    outputs = json.load(open(path, encoding="utf-8"))
    settings = value(outputs, "settings")
    name = settings["name"]
    deploy = value(outputs, "deploy")

    # Database: the endpoint is the instance's, encrypted with the stack's key, private,
    # Multi-AZ (the prod tier's flag), its master secret the RDS-managed one.
    db = boto3.client("rds").describe_db_instances(DBInstanceIdentifier=name)["DBInstances"][0]
    check(value(outputs, "db_endpoint") == f"{db['Endpoint']['Address']}:{db['Endpoint']['Port']}",
          "db_endpoint is the RDS instance's endpoint")
    check(db["StorageEncrypted"] and db["KmsKeyId"] == settings["database"]["kms_key_arn"],
          "the database is encrypted with the stack's database key")
    check(not db["PubliclyAccessible"], "the database is not publicly accessible")
    check(db["MultiAZ"], "the database is Multi-AZ")
    check(not db["DeletionProtection"], "deletion protection is off (only for this test)")
    secrets = value(outputs, "secret_arns")
    check(db.get("MasterUserSecret", {}).get("SecretArn") == secrets["db_master_password"],
          "secret_arns.db_master_password is the RDS-managed master secret")
    sm = boto3.client("secretsmanager")
    check(sm.describe_secret(SecretId=secrets["api_keys"])["ARN"] == secrets["api_keys"],
          "secret_arns.api_keys exists in Secrets Manager")

    # Edge: the DNS name points at the ALB, which has the WAF and an HTTPS listener.
    lb = boto3.client("elbv2").describe_load_balancers(Names=[name])["LoadBalancers"][0]
    domain = value(outputs, "endpoint_url").removeprefix("https://")
    r53 = boto3.client("route53")
    zone_id = r53.list_hosted_zones()["HostedZones"][0]["Id"]
    records = r53.list_resource_record_sets(HostedZoneId=zone_id)["ResourceRecordSets"]
    alias = [r for r in records if r["Name"].rstrip(".") == domain and r["Type"] == "A"]
    check(len(alias) == 1 and alias[0]["AliasTarget"]["DNSName"].rstrip(".").lower() == lb["DNSName"].lower(),
          "endpoint_url's name is an alias of the ALB")
    listeners = boto3.client("elbv2").describe_listeners(LoadBalancerArn=lb["LoadBalancerArn"])["Listeners"]
    check(sorted((l["Port"], l["Protocol"]) for l in listeners) == [(80, "HTTP"), (443, "HTTPS")],
          "the ALB listens on 443 (HTTPS) and 80 (redirect) only")
    acl = boto3.client("wafv2").get_web_acl_for_resource(ResourceArn=lb["LoadBalancerArn"]).get("WebACL")
    check(acl is not None and acl["Name"] == name, "the WAF web ACL is associated with the ALB")

    # Network: a NAT gateway per AZ (the prod tier's flag), subnets in every AZ.
    ec2 = boto3.client("ec2")
    vpc_id = lb["VpcId"]
    nats = ec2.describe_nat_gateways(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}])["NatGateways"]
    nats = [n for n in nats if n["State"] == "available"]
    azs = settings["network"]["azs"]
    check(len(nats) == len(azs) == settings["network"]["nat_gateways"] and len(azs) >= 2,
          f"one NAT gateway per AZ ({len(nats)} in {len(azs)} AZs)")
    endpoints = ec2.describe_vpc_endpoints(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}])["VpcEndpoints"]
    prefix = f"com.amazonaws.{boto3.session.Session().region_name}."
    services = sorted(e["ServiceName"].removeprefix(prefix) for e in endpoints if e["VpcEndpointType"] == "Interface")
    check(services == sorted(settings["network"]["interface_endpoints"]) and services,
          f"interface VPC endpoints: {', '.join(services)}")

    # Runtime: the repository, the cluster (ephemeral storage under our key) and service,
    # the service's scaling range, the alert topic.
    repo = boto3.client("ecr").describe_repositories(repositoryNames=[name])["repositories"][0]
    check(value(outputs, "ecr_repository_url") == repo["repositoryUri"], "ecr_repository_url is the repository's URI")
    ecs = boto3.client("ecs")
    cluster = ecs.describe_clusters(clusters=[deploy["cluster"]])["clusters"][0]
    check(cluster["status"] == "ACTIVE", "deploy.cluster is an active ECS cluster")
    service = ecs.describe_services(cluster=deploy["cluster"], services=[deploy["service"]])["services"][0]
    check(service["status"] == "ACTIVE" and service["launchType"] == "FARGATE", "deploy.service is an active Fargate service")
    targets = boto3.client("application-autoscaling").describe_scalable_targets(
        ServiceNamespace="ecs", ResourceIds=[f"service/{deploy['cluster']}/{deploy['service']}"])["ScalableTargets"]
    app = settings["app"]
    check(len(targets) == 1 and (targets[0]["MinCapacity"], targets[0]["MaxCapacity"]) == (app["min_count"], app["max_count"]),
          f"the service scales between {app['min_count']} and {app['max_count']} tasks")
    topic = boto3.client("sns").get_topic_attributes(TopicArn=value(outputs, "alerts_topic_arn"))["Attributes"]
    check(topic.get("KmsMasterKeyId"), "alerts_topic_arn is a KMS-encrypted SNS topic")


def check_empty(backend_file, name):
    """After destroy only the bootstrap resources (and the final DB snapshot) are left."""
    backend = backend_settings(backend_file)
    state = json.loads(boto3.client("s3").get_object(Bucket=backend["bucket"], Key=backend["key"])["Body"].read())
    managed = [r for r in state.get("resources", []) if r.get("mode") == "managed"]
    check(not managed, f"the state holds no resources ({len(managed)} left)")

    ec2 = boto3.client("ec2")
    vpcs = [v["VpcId"] for v in ec2.describe_vpcs()["Vpcs"] if not v.get("IsDefault")]
    check(not vpcs, f"no VPC left ({vpcs})")
    eips = ec2.describe_addresses()["Addresses"]
    check(not eips, f"no Elastic IP left ({len(eips)})")
    rds = boto3.client("rds")
    check(not rds.describe_db_instances()["DBInstances"], "no database instance left")
    snapshots = [s["DBSnapshotIdentifier"] for s in rds.describe_db_snapshots(SnapshotType="manual")["DBSnapshots"]]
    check(len(snapshots) == 1 and snapshots[0].startswith(f"{name}-final-"),
          f"destroy left exactly one final snapshot with a unique name ({snapshots})")
    check(not boto3.client("elbv2").describe_load_balancers()["LoadBalancers"], "no load balancer left")
    check(not boto3.client("elbv2").describe_target_groups()["TargetGroups"], "no target group left")
    check(not boto3.client("ecr").describe_repositories()["repositories"], "no ECR repository left")
    clusters = boto3.client("ecs").describe_clusters(clusters=boto3.client("ecs").list_clusters()["clusterArns"] or ["none"])["clusters"]
    check(not [c for c in clusters if c["status"] == "ACTIVE"], "no ECS cluster left")
    secrets = boto3.client("secretsmanager").list_secrets()["SecretList"]
    check(not secrets, f"no secret left, none pending deletion (dev's recovery window is 0): {[s['Name'] for s in secrets]}")
    buckets = [b["Name"] for b in boto3.client("s3").list_buckets()["Buckets"]]
    check(buckets == [backend["bucket"]], f"only the state bucket is left ({buckets})")
    groups = boto3.client("logs").describe_log_groups()["logGroups"]
    check(not groups, f"no log group left ({[g['logGroupName'] for g in groups]})")
    check(not boto3.client("sns").list_topics()["Topics"], "no SNS topic left")
    check(not boto3.client("cloudwatch").describe_alarms()["MetricAlarms"], "no alarm left")
    roles = [r["RoleName"] for r in boto3.client("iam").list_roles()["Roles"] if r["RoleName"].startswith(name)]
    check(not roles, f"no IAM role left ({roles})")
    check(not boto3.client("wafv2").list_web_acls(Scope="REGIONAL")["WebACLs"], "no web ACL left")
    kms = boto3.client("kms")
    live = []
    for key in kms.list_keys()["Keys"]:
        meta = kms.describe_key(KeyId=key["KeyId"])["KeyMetadata"]
        if meta["KeyState"] != "PendingDeletion" and meta["Description"] != "Terraform state":
            live.append(meta["Description"])
    check(not live, f"every stack KMS key is scheduled for deletion ({live})")
    targets = boto3.client("application-autoscaling").describe_scalable_targets(ServiceNamespace="ecs")["ScalableTargets"]
    check(not targets, "no scalable target left")


def main():
    command, *args = sys.argv[1:]
    {"bootstrap": bootstrap, "check-outputs": check_outputs, "check-empty": check_empty}[command](*args)
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
