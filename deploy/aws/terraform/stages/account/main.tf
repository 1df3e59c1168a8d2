# Once per account, before any stage: the twins of the CDK stacks PhoneyGitHubOidc and PhoneyImages.
#
#   terraform -chdir=deploy/aws/terraform/stages/account init
#   terraform -chdir=deploy/aws/terraform/stages/account apply -var github_repo=OWNER/NAME

terraform {
  required_version = ">= 1.11.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.90.0, < 7.0.0"
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

variable "github_repo" {
  description = "GitHub repository OWNER/NAME whose workflows deploy Phoney."
  type        = string
}

variable "github_oidc_provider_arn" {
  description = "The account's existing GitHub OIDC provider, if any."
  type        = string
  default     = null
}

variable "create_image_repository" {
  description = "Create the ECR repository for the container-image variant."
  type        = bool
  default     = false
}

module "github_oidc" {
  source = "../../github-oidc"

  repository   = var.github_repo
  provider_arn = var.github_oidc_provider_arn
}

module "images" {
  source = "../../images"
  count  = var.create_image_repository ? 1 : 0
}

output "deploy_role_arn" {
  value = module.github_oidc.deploy_role_arn
}

output "repository_uri" {
  value = try(module.images[0].repository_uri, "")
}
