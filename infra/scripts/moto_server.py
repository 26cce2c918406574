#!/usr/bin/env python3
"""moto's server for infra/scripts/apply-test.sh, with gaps of the pinned moto filled.

    moto_server.py [moto_server options]

moto 5.2.5
- has no tagging for Application Auto Scaling (TagResource, UntagResource,
  ListTagsForResource), which the AWS provider calls for every scalable target (the
  provider's default_tags make every target tagged): added here, tags kept by resource ARN
  as AWS does, including the Tags given to RegisterScalableTarget;
- drops EnableKeyRotation's RotationPeriodInDays, so GetKeyRotationStatus never returns
  it and every plan would show the keys' rotation_period_in_days changing: kept and
  returned here, as AWS does;
- describes a security group rule that references another group without its description
  (it keeps the description only for CIDR rules), so every plan would show such rules'
  descriptions changing: read from the rule's group pair here, where the request put it;
- returns a parameter group's parameters without their Source, which the provider reads
  with Source=user, so it would see none of them: marked "user" here (every parameter
  moto holds was set by a caller), and Source=system answers with none;
- forgets a few settings it accepts: an ECS service's health-check grace period and AZ
  rebalancing, a DB instance's Performance Insights settings and network type. Kept from
  the create (and update/modify) request and described back here, as AWS does.
Everything else is moto unchanged. Remove a patch once the pinned moto has it.
"""
import json

from moto.applicationautoscaling.responses import ApplicationAutoScalingResponse
from moto.ec2.models.security_groups import SecurityGroupRule
from moto.kms.responses import KmsResponse
from moto.ecs.responses import EC2ContainerServiceResponse
from moto.rds.responses import RDSResponse
from moto.server import main

_tags: dict[str, dict[str, str]] = {}
_register = ApplicationAutoScalingResponse.register_scalable_target


def _register_with_tags(self):
    response = _register(self)
    tags = self._get_param("Tags") or {}
    arn = json.loads(response)["ScalableTargetARN"]
    _tags.setdefault(arn, {}).update(tags)
    return response


def _tag_resource(self):
    _tags.setdefault(self._get_param("ResourceARN"), {}).update(self._get_param("Tags") or {})
    return json.dumps({})


def _untag_resource(self):
    tags = _tags.get(self._get_param("ResourceARN"), {})
    for key in self._get_param("TagKeys") or []:
        tags.pop(key, None)
    return json.dumps({})


def _list_tags_for_resource(self):
    return json.dumps({"Tags": _tags.get(self._get_param("ResourceARN"), {})})


ApplicationAutoScalingResponse.register_scalable_target = _register_with_tags
ApplicationAutoScalingResponse.tag_resource = _tag_resource
ApplicationAutoScalingResponse.untag_resource = _untag_resource
ApplicationAutoScalingResponse.list_tags_for_resource = _list_tags_for_resource

_rotation_periods: dict[str, int] = {}
_enable_key_rotation = KmsResponse.enable_key_rotation
_get_key_rotation_status = KmsResponse.get_key_rotation_status


def _key_arn(self):
    return self.kms_backend.describe_key(self._get_param("KeyId")).arn


def _enable_key_rotation_with_period(self):
    response = _enable_key_rotation(self)
    _rotation_periods[_key_arn(self)] = self._get_param("RotationPeriodInDays") or 365
    return response


def _get_key_rotation_status_with_period(self):
    status = json.loads(_get_key_rotation_status(self))
    if status.get("KeyRotationEnabled"):
        status["RotationPeriodInDays"] = _rotation_periods.get(_key_arn(self), 365)
    return json.dumps(status)


KmsResponse.enable_key_rotation = _enable_key_rotation_with_period
KmsResponse.get_key_rotation_status = _get_key_rotation_status_with_period

_rule_description = SecurityGroupRule.description.fget


def _rule_description_with_group_pair(self):
    return _rule_description(self) or (self.source_group or {}).get("Description")


SecurityGroupRule.description = property(_rule_description_with_group_pair)

_describe_db_parameters = RDSResponse.describe_db_parameters


def _describe_db_parameters_with_source(self):
    result = _describe_db_parameters(self)
    source = self.params.get("Source")
    parameters = [] if source not in (None, "user") else [dict(p, Source="user") for p in result.result["Parameters"]]
    result.result["Parameters"] = parameters
    return result


RDSResponse.describe_db_parameters = _describe_db_parameters_with_source

ECS_SERVICE_SETTINGS = {
    "healthCheckGracePeriodSeconds": "health_check_grace_period_seconds",
    "availabilityZoneRebalancing": "availability_zone_rebalancing",
}
DB_INSTANCE_SETTINGS = {
    "EnablePerformanceInsights": "performance_insights_enabled",
    "PerformanceInsightsKMSKeyId": "performance_insights_kms_key_id",
    "PerformanceInsightsRetentionPeriod": "performance_insights_retention_period",
    "NetworkType": "network_type",
}


def _keep_ecs_service_settings(action):
    def handler(self):
        response = action(self)
        name = self._get_param("serviceName") or self._get_param("service")
        cluster = self._get_param("cluster", "default")
        services, _ = self.ecs_backend.describe_services(cluster, [name])
        for service in services:
            for param, attribute in ECS_SERVICE_SETTINGS.items():
                value = self._get_param(param)
                if value is not None:
                    setattr(service, attribute, value)
        return response

    return handler


def _keep_db_instance_settings(action):
    def handler(self):
        response = action(self)
        identifier = self.params.get("DBInstanceIdentifier")
        for instance in self.backend.describe_db_instances(identifier):
            for param, attribute in DB_INSTANCE_SETTINGS.items():
                value = self.params.get(param)
                if value is not None:
                    setattr(instance, attribute, value)
        return response

    return handler


for _action in ("create_service", "update_service"):
    setattr(EC2ContainerServiceResponse, _action, _keep_ecs_service_settings(getattr(EC2ContainerServiceResponse, _action)))
for _action in ("create_db_instance", "modify_db_instance"):
    setattr(RDSResponse, _action, _keep_db_instance_settings(getattr(RDSResponse, _action)))

if __name__ == "__main__":
    main()
