# Stage settings: the stage configuration file shared with the CDK app (deploy/aws/stages.json), with any variable
# that is set taking precedence. Physical names are the CDK stack's (phoney_cdk/config.py: prefix phoney-<stage>).

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

locals {
  config_path = var.stage_config_file != null ? var.stage_config_file : "${path.module}/../stages.json"
  from_file   = jsondecode(file(local.config_path))[var.stage]

  overrides = {
    memory_mb                = var.memory_mb
    timeout_seconds          = var.timeout_seconds
    reserved_concurrency     = var.reserved_concurrency
    env_state                = var.env_state
    log_retention_days       = var.log_retention_days
    retain_data              = var.retain_data
    throttle_rate_per_second = var.throttle_rate_per_second
    throttle_burst           = var.throttle_burst
    cors_origins             = var.cors_origins
    deployment               = var.deployment
    alarm_5xx_percent        = var.alarm_5xx_percent
    alarm_p99_latency_ms     = var.alarm_p99_latency_ms
    alarm_errors_per_minute  = var.alarm_errors_per_minute
    export_retention_days    = var.export_retention_days
    export_map_concurrency   = var.export_map_concurrency
    export_max_records       = var.export_max_records
  }
  settings = merge(local.from_file, { for key, value in local.overrides : key => value if value != null })

  # CDK's LambdaDeploymentConfig names -> CodeDeploy's predefined configurations.
  deployment_configs = {
    ALL_AT_ONCE                      = "CodeDeployDefault.LambdaAllAtOnce"
    CANARY_10PERCENT_5MINUTES        = "CodeDeployDefault.LambdaCanary10Percent5Minutes"
    CANARY_10PERCENT_10MINUTES       = "CodeDeployDefault.LambdaCanary10Percent10Minutes"
    CANARY_10PERCENT_15MINUTES       = "CodeDeployDefault.LambdaCanary10Percent15Minutes"
    CANARY_10PERCENT_30MINUTES       = "CodeDeployDefault.LambdaCanary10Percent30Minutes"
    LINEAR_10PERCENT_EVERY_1MINUTE   = "CodeDeployDefault.LambdaLinear10PercentEvery1Minute"
    LINEAR_10PERCENT_EVERY_2MINUTES  = "CodeDeployDefault.LambdaLinear10PercentEvery2Minutes"
    LINEAR_10PERCENT_EVERY_3MINUTES  = "CodeDeployDefault.LambdaLinear10PercentEvery3Minutes"
    LINEAR_10PERCENT_EVERY_10MINUTES = "CodeDeployDefault.LambdaLinear10PercentEvery10Minutes"
  }

  memory_mb                = local.settings.memory_mb
  timeout_seconds          = local.settings.timeout_seconds
  reserved_concurrency     = local.settings.reserved_concurrency
  env_state                = local.settings.env_state
  log_retention_days       = local.settings.log_retention_days
  retain_data              = local.settings.retain_data
  throttle_rate_per_second = local.settings.throttle_rate_per_second
  throttle_burst           = local.settings.throttle_burst
  cors_origins             = local.settings.cors_origins
  deployment_config        = local.deployment_configs[local.settings.deployment]
  alarm_5xx_percent        = local.settings.alarm_5xx_percent
  alarm_p99_latency_ms     = local.settings.alarm_p99_latency_ms
  alarm_errors_per_minute  = local.settings.alarm_errors_per_minute
  export_retention_days    = local.settings.export_retention_days
  export_map_concurrency   = local.settings.export_map_concurrency
  export_max_records       = local.settings.export_max_records

  jwt_enabled    = var.jwt_issuer != null && length(var.jwt_audience) > 0
  domain_enabled = var.domain_name != null && var.certificate_arn != null
  email_enabled  = var.alarm_email != null

  lambda_zip = var.lambda_zip != null ? var.lambda_zip : "${path.module}/../../../lambda.zip"

  # Physical names, the same as the CDK stack's (phoney_cdk/config.py: prefix phoney-<stage>).
  prefix            = "phoney-${var.stage}"
  function_name     = local.prefix
  alias_name        = "live"
  parameter_path    = "/phoney/${var.stage}"
  secret_name       = "phoney/${var.stage}/credentials"
  service_name      = local.prefix
  metrics_namespace = "Phoney"
  image_repository  = "phoney"

  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name
  partition  = data.aws_partition.current.partition

  tags = merge({
    project = "phoney"
    stage   = var.stage
  }, var.tags)
}
