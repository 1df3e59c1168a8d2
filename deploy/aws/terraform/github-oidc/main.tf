# Twin of the CDK stack PhoneyGitHubOidc (phoney_cdk/bootstrap.py): the role GitHub Actions assumes by OIDC to run
# `cdk deploy` and the release scripts, with no long-lived keys. Trusted only for tokens of `repository` whose
# subject is one of the given branches or GitHub environments. Deployed once per account.

terraform {
  required_version = ">= 1.11.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.90.0, < 7.0.0"
    }
  }
}

variable "repository" {
  description = "GitHub repository OWNER/NAME whose workflows may assume the role (CDK context github_repo)."
  type        = string
  default     = "OWNER/phoney"
}

variable "branches" {
  description = "Branches whose workflows may assume the role (github_branches)."
  type        = list(string)
  default     = ["main"]
}

variable "environments" {
  description = "GitHub environments whose jobs may assume the role (github_environments)."
  type        = list(string)
  default     = ["dev", "staging", "prod"]
}

variable "provider_arn" {
  description = "ARN of the account's existing GitHub OIDC provider (an account has at most one per URL); null creates it."
  type        = string
  default     = null
}

variable "cdk_qualifier" {
  description = "Qualifier of the CDK bootstrap roles the deploy role may assume."
  type        = string
  default     = "hnb659fds"
}

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

locals {
  issuer     = "token.actions.githubusercontent.com"
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name
  account_id = data.aws_caller_identity.current.account_id
  subjects = concat(
    [for branch in var.branches : "repo:${var.repository}:ref:refs/heads/${branch}"],
    [for env in var.environments : "repo:${var.repository}:environment:${env}"],
  )
  provider_arn = var.provider_arn != null ? var.provider_arn : aws_iam_openid_connect_provider.github[0].arn
}

resource "aws_iam_openid_connect_provider" "github" {
  count = var.provider_arn == null ? 1 : 0

  url            = "https://${local.issuer}"
  client_id_list = ["sts.amazonaws.com"]
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "${local.issuer}:sub"
      values   = local.subjects
    }
  }
}

resource "aws_iam_role" "deploy" {
  name                 = "phoney-github-deploy"
  description          = "GitHub Actions deploys of ${var.repository}"
  max_session_duration = 3600
  assume_role_policy   = data.aws_iam_policy_document.trust.json
}

data "aws_iam_policy_document" "deploy" {
  statement {
    sid       = "UseCdkBootstrapRoles"
    actions   = ["sts:AssumeRole"]
    resources = ["arn:${local.partition}:iam::${local.account_id}:role/cdk-${var.cdk_qualifier}-*"]
  }

  statement {
    sid       = "ReadStackOutputs"
    actions   = ["cloudformation:DescribeStacks", "cloudformation:DescribeStackEvents"]
    resources = ["arn:${local.partition}:cloudformation:${local.region}:${local.account_id}:stack/Phoney-*/*"]
  }

  statement {
    sid = "ReleaseAndRollBack"
    actions = [
      "lambda:GetAlias", "lambda:UpdateAlias", "lambda:ListVersionsByFunction", "lambda:GetFunction",
      "lambda:GetFunctionConfiguration", "lambda:PublishVersion",
    ]
    resources = ["arn:${local.partition}:lambda:${local.region}:${local.account_id}:function:phoney-*"]
  }

  statement {
    sid = "WatchDeployments"
    actions = [
      "codedeploy:GetDeployment", "codedeploy:GetDeploymentGroup", "codedeploy:ListDeployments",
      "codedeploy:StopDeployment", "codedeploy:CreateDeployment", "codedeploy:GetDeploymentConfig",
      "codedeploy:RegisterApplicationRevision",
    ]
    resources = [
      "arn:${local.partition}:codedeploy:${local.region}:${local.account_id}:deploymentgroup:phoney-*/*",
      "arn:${local.partition}:codedeploy:${local.region}:${local.account_id}:application:phoney-*",
      "arn:${local.partition}:codedeploy:${local.region}:${local.account_id}:deploymentconfig:*",
    ]
  }

  statement {
    sid       = "ReadAlarms"
    actions   = ["cloudwatch:DescribeAlarms"]
    resources = ["arn:${local.partition}:cloudwatch:${local.region}:${local.account_id}:alarm:phoney-*"]
  }
}

resource "aws_iam_role_policy" "deploy" {
  name   = "phoney-github-deploy"
  role   = aws_iam_role.deploy.id
  policy = data.aws_iam_policy_document.deploy.json
}

output "deploy_role_arn" {
  description = "Role for aws-actions/configure-aws-credentials (role-to-assume)."
  value       = aws_iam_role.deploy.arn
}
