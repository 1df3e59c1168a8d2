# The outputs of the CDK stack Phoney-<stage>, in snake_case: ApiUrl -> api_url, FunctionName -> function_name, ...
# scripts/release.py reads the stack's outputs; for this module pass them as --function, --alias, --application,
# --deployment-group and --url (see README.md).

output "api_url" {
  description = "URL of the API: the custom domain when there is one, else the $default stage's invoke URL."
  value       = local.domain_enabled ? "https://${var.domain_name}/" : "https://${aws_apigatewayv2_api.this.id}.execute-api.${local.region}.${data.aws_partition.current.dns_suffix}/"
}

output "function_name" {
  description = "Name of the Lambda function."
  value       = aws_lambda_function.this.function_name
}

output "function_arn" {
  description = "ARN of the Lambda function."
  value       = aws_lambda_function.this.arn
}

output "alias_name" {
  description = "The alias the HTTP API invokes and CodeDeploy moves."
  value       = aws_lambda_alias.live.name
}

output "alias_arn" {
  description = "ARN of the live alias."
  value       = aws_lambda_alias.live.arn
}

output "dashboard_name" {
  description = "CloudWatch dashboard of the stage."
  value       = aws_cloudwatch_dashboard.this.dashboard_name
}

output "alarm_topic_arn" {
  description = "SNS topic the alarms notify."
  value       = aws_sns_topic.alarms.arn
}

output "application_name" {
  description = "CodeDeploy application that moves the live alias."
  value       = aws_codedeploy_app.this.name
}

output "deployment_group_name" {
  description = "CodeDeploy deployment group of the function."
  value       = aws_codedeploy_deployment_group.this.deployment_group_name
}

output "log_group_name" {
  description = "Log group of the function."
  value       = aws_cloudwatch_log_group.function.name
}

output "secret_name" {
  description = "Secrets Manager secret read at init."
  value       = aws_secretsmanager_secret.credentials.name
}

output "parameter_path" {
  description = "SSM Parameter Store path read at init."
  value       = local.parameter_path
}

output "export_bucket_name" {
  description = "Bucket of the export jobs (objects under exports/)."
  value       = aws_s3_bucket.exports.id
}

output "export_state_machine_arn" {
  description = "The export fan-out's state machine, phoney-<stage>-export."
  value       = aws_sfn_state_machine.export.arn
}
