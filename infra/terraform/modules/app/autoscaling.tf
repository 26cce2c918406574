# Horizontal scaling of the service: Application Auto Scaling keeps the task count
# between min_count and max_count, tracking two targets (whichever asks for more tasks
# wins): average CPU, and ALB requests per task. ECS spreads the tasks of a service over
# the AZs of its subnets, so min_count >= 2 means at least two AZs serve at all times.
#
# Scale-in is suspended while a deploy rolls out (scripts/deploy/scale-in.sh, called by
# the deploy workflow), so the rollout never races a scale-in; Terraform leaves that
# suspended state to the pipeline (ignore_changes).

resource "aws_appautoscaling_target" "service" {
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.this.name}"
  min_capacity       = var.min_count
  max_capacity       = var.max_count

  tags = var.tags

  lifecycle {
    ignore_changes = [suspended_state]
  }
}

resource "aws_appautoscaling_policy" "cpu" {
  name               = "${var.name}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.service.service_namespace
  scalable_dimension = aws_appautoscaling_target.service.scalable_dimension
  resource_id        = aws_appautoscaling_target.service.resource_id

  target_tracking_scaling_policy_configuration {
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
    target_value       = var.autoscaling_cpu_target_percent
    scale_out_cooldown = var.autoscaling_scale_out_cooldown_seconds
    scale_in_cooldown  = var.autoscaling_scale_in_cooldown_seconds
  }
}

resource "aws_appautoscaling_policy" "requests" {
  name               = "${var.name}-requests-per-task"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.service.service_namespace
  scalable_dimension = aws_appautoscaling_target.service.scalable_dimension
  resource_id        = aws_appautoscaling_target.service.resource_id

  target_tracking_scaling_policy_configuration {
    predefined_metric_specification {
      predefined_metric_type = "ALBRequestCountPerTarget"
      resource_label         = "${aws_lb.this.arn_suffix}/${aws_lb_target_group.this.arn_suffix}"
    }
    target_value       = var.autoscaling_requests_per_task_target
    scale_out_cooldown = var.autoscaling_scale_out_cooldown_seconds
    scale_in_cooldown  = var.autoscaling_scale_in_cooldown_seconds
  }
}
