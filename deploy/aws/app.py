#!/usr/bin/env python3
"""Phoney on AWS: the CDK app (run from deploy/aws/).

    cdk synth -c stage=dev -c lambda_zip=PATH            # one stage: stack Phoney-dev (plus the two bootstrap stacks)
    cdk deploy Phoney-dev -c stage=dev -c lambda_zip=PATH
    cdk synth -c lambda_zip=PATH                          # every stage: Phoney-dev, Phoney-staging, Phoney-prod
    cdk deploy PhoneyGitHubOidc -c github_repo=OWNER/NAME # once per account, before CI deploys
    cdk deploy PhoneyImages                               # once, only for the container-image variant

Stacks: `Phoney-<stage>` (function, `live` alias, CodeDeploy, HTTP API, dashboard, alarms, queries, export bucket and
state machine),
`PhoneyGitHubOidc` (GitHub Actions deploy role `phoney-github-deploy`), `PhoneyImages` (ECR repository `phoney`).
Outputs of Phoney-<stage>: ApiUrl, FunctionName, FunctionArn, AliasName, AliasArn, DashboardName, AlarmTopicArn,
ApplicationName, DeploymentGroupName, LogGroupName, SecretName, ParameterPath, ExportBucketName,
ExportStateMachineArn (the export fan-out: docs/export.md).

Context (`-c key=value`; blank clears):
  stage            dev | staging | prod; absent = all three
  lambda_zip       the zip from scripts/package-lambda.sh (bootstrap at its root); or env PHONEY_LAMBDA_ZIP
  image_tag        container variant instead of the zip: a tag or sha256:digest already pushed to ECR `phoney`
  cors_origins     comma-separated; overrides stages.json
  jwt_issuer, jwt_audience (comma-separated)   JWT authorizer on /api/v1/{proxy+}
  domain_name, certificate_arn                 custom domain (ACM certificate in the stack's region)
  alarm_email      e-mail subscription to the alarm topic
  ignore_alarms    true: CodeDeploy ignores the rollback alarms for this deployment (to ship a fix while one fires)
  github_repo (OWNER/NAME), github_branches (default main), github_environments (default dev,staging,prod),
  github_oidc_provider_arn (reuse the account's provider), cdk_qualifier (default hnb659fds)

Memory, timeout, concurrency, throttling, CORS, retention, deployment style, alarm thresholds and the export limits
per stage live in stages.json. Every synth runs cdk-nag (AwsSolutions, Serverless) as a validation plugin: an unacknowledged finding
fails it. WAF cannot attach to an HTTP API: put CloudFront + WAF in front of the custom domain if one is needed.
"""

from __future__ import annotations

import sys

from aws_cdk import App, Validations
from cdk_nag import AwsSolutionsChecks, ServerlessChecks

from phoney_cdk.bootstrap import GitHubOidcStack, ImagesStack
from phoney_cdk.config import STAGES, stage_config
from phoney_cdk import nag
from phoney_cdk.stack import PhoneyStack


def _list(app: App, key: str, default: str) -> list[str]:
    value = app.node.try_get_context(key)
    return [part.strip() for part in str(default if value is None else value).split(",") if part.strip()]


def build(app: App) -> App:
    """Adds every stack the context asks for to `app` (also used in-process by the tests)."""
    get = app.node.try_get_context
    stage = get("stage")
    stages = STAGES if stage in (None, "", "all") else (stage,)
    for name in stages:
        config = stage_config(name, get)
        options = {option for option in ("alarm_email",) if getattr(config, option)}
        nag.apply(PhoneyStack(app, config), nag.STAGE, name, options)

    repository = get("github_repo") or "OWNER/phoney"
    if "OWNER" in repository:
        print("app.py: github_repo not set; PhoneyGitHubOidc trusts the placeholder OWNER/phoney", file=sys.stderr)
    nag.apply(GitHubOidcStack(
        app, repository=repository, branches=_list(app, "github_branches", "main"),
        environments=_list(app, "github_environments", ",".join(STAGES)),
        provider_arn=get("github_oidc_provider_arn") or None, cdk_qualifier=get("cdk_qualifier") or "hnb659fds",
    ), nag.OIDC)
    ImagesStack(app)

    Validations.of(app).add_plugins(AwsSolutionsChecks(app), ServerlessChecks(app))
    return app


if __name__ == "__main__":
    build(App()).synth()
