# Root configuration of the staging stage, the twin of the CDK stack Phoney-staging: the module with the settings of
# deploy/aws/stages.json ("staging"). The optional features are variables here as they are `cdk -c` context there.
# State lives wherever your team keeps it; add a backend block here (e.g. S3 with a lock table).
#
#   scripts/package-lambda.sh --arch arm64
#   terraform -chdir=deploy/aws/terraform/stages/staging init
#   terraform -chdir=deploy/aws/terraform/stages/staging apply
#
# The first apply creates the function, version 1 and the live alias on it. Later releases go through CodeDeploy:
# see ../../README.md ("Releasing with Terraform").

terraform {
  required_version = ">= 1.11.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.90.0, < 7.0.0"
    }
    random = {
      source  = "hashicorp/random"
      version = ">= 3.7.0"
    }
  }
}

provider "aws" {
  default_tags {
    tags = {
      ManagedBy = "terraform"
    }
  }
}

variable "alarm_email" {
  description = "Optional e-mail address for the alarm topic."
  type        = string
  default     = null
}

variable "jwt_issuer" {
  description = "Optional JWT issuer for /api/v1 (with jwt_audience)."
  type        = string
  default     = null
}

variable "jwt_audience" {
  description = "Audiences of the optional JWT authorizer."
  type        = list(string)
  default     = []
}

variable "domain_name" {
  description = "Optional custom domain (with certificate_arn)."
  type        = string
  default     = null
}

variable "certificate_arn" {
  description = "ACM certificate ARN for domain_name."
  type        = string
  default     = null
}

variable "ignore_alarms" {
  description = "Deploy while an alarm fires (to ship its fix)."
  type        = bool
  default     = false
}

module "phoney" {
  source = "../.."

  stage           = "staging"
  alarm_email     = var.alarm_email
  jwt_issuer      = var.jwt_issuer
  jwt_audience    = var.jwt_audience
  domain_name     = var.domain_name
  certificate_arn = var.certificate_arn
  ignore_alarms   = var.ignore_alarms
}

output "api_url" {
  value = module.phoney.api_url
}

output "function_name" {
  value = module.phoney.function_name
}

output "function_arn" {
  value = module.phoney.function_arn
}

output "alias_name" {
  value = module.phoney.alias_name
}

output "alias_arn" {
  value = module.phoney.alias_arn
}

output "dashboard_name" {
  value = module.phoney.dashboard_name
}

output "alarm_topic_arn" {
  value = module.phoney.alarm_topic_arn
}

output "application_name" {
  value = module.phoney.application_name
}

output "deployment_group_name" {
  value = module.phoney.deployment_group_name
}

output "log_group_name" {
  value = module.phoney.log_group_name
}

output "secret_name" {
  value = module.phoney.secret_name
}

output "parameter_path" {
  value = module.phoney.parameter_path
}

output "export_bucket_name" {
  value = module.phoney.export_bucket_name
}

output "export_state_machine_arn" {
  value = module.phoney.export_state_machine_arn
}
