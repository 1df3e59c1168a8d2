# CodeDeploy moves `live` from the current to the new version (canary in prod, all at once in dev) and rolls it
# back when a rollback alarm fires, or the deployment fails or is stopped. Unlike the CDK stack, where
# CloudFormation starts that deployment itself (the alias's CodeDeployLambdaAliasUpdate policy), nothing here starts
# one: a release is `scripts/release.py release` (aws deploy create-deployment with an AppSpec). See README.md.

resource "aws_codedeploy_app" "this" {
  name             = local.prefix
  compute_platform = "Lambda"
  tags             = local.tags
}

data "aws_iam_policy_document" "codedeploy_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["codedeploy.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "codedeploy" {
  name               = "${local.prefix}-codedeploy"
  assume_role_policy = data.aws_iam_policy_document.codedeploy_assume.json
  tags               = local.tags
}

resource "aws_iam_role_policy_attachment" "codedeploy" {
  role       = aws_iam_role.codedeploy.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited"
}

resource "aws_codedeploy_deployment_group" "this" {
  app_name               = aws_codedeploy_app.this.name
  deployment_group_name  = local.prefix
  service_role_arn       = aws_iam_role.codedeploy.arn
  deployment_config_name = local.deployment_config

  deployment_style {
    deployment_type   = "BLUE_GREEN"
    deployment_option = "WITH_TRAFFIC_CONTROL"
  }

  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_REQUEST", "DEPLOYMENT_STOP_ON_ALARM"]
  }

  # ignore_alarms = true is the documented way to ship the fix for an alarm that is already firing.
  alarm_configuration {
    enabled = !var.ignore_alarms
    alarms = concat(
      [aws_cloudwatch_metric_alarm.api_5xx_rate.alarm_name],
      [for key, alarm in local.alarms : alarm.alarm_name if alarm.rollback],
    )
  }

  tags = local.tags
}
