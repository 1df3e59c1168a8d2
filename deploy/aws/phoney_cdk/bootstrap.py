"""Stacks deployed once per account, before any stage: `PhoneyGitHubOidc` (the CI deploy role) and `PhoneyImages`
(the ECR repository of the container-image variant)."""

from __future__ import annotations

from aws_cdk import Aws, CfnOutput, Duration, RemovalPolicy, Stack
from aws_cdk import aws_ecr as ecr
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from constructs import Construct

from .function import IMAGE_REPOSITORY, arn

GITHUB_ISSUER = "token.actions.githubusercontent.com"


class GitHubOidcStack(Stack):
    """The role GitHub Actions assumes by OIDC to run `cdk deploy` and the release scripts; no long-lived keys.

    Trusted only for tokens of `repository` whose subject is one of the given branches or GitHub environments.
    Its permissions are to assume the CDK bootstrap roles (which do the CloudFormation work) and the few release
    calls the scripts make directly (alias, versions, CodeDeploy, alarms, stack outputs) on `phoney-*` only.
    """

    def __init__(self, scope: Construct, *, repository: str, branches: list[str], environments: list[str],
                 provider_arn: str | None, cdk_qualifier: str, **kwargs) -> None:
        super().__init__(scope, "PhoneyGitHubOidc", stack_name="PhoneyGitHubOidc",
                         description="GitHub Actions OIDC deploy role for Phoney (deploy/aws/app.py)", **kwargs)
        if provider_arn is None:
            # An account has at most one provider per URL: pass -c github_oidc_provider_arn=... to reuse one.
            provider = iam.CfnOIDCProvider(
                self, "GitHubProvider", url=f"https://{GITHUB_ISSUER}", client_id_list=["sts.amazonaws.com"],
            )
            provider_arn = provider.attr_arn
        subjects = [f"repo:{repository}:ref:refs/heads/{branch}" for branch in branches]
        subjects += [f"repo:{repository}:environment:{env}" for env in environments]
        role = iam.Role(
            self, "DeployRole",
            role_name="phoney-github-deploy",
            max_session_duration=Duration.hours(1),
            assumed_by=iam.FederatedPrincipal(
                provider_arn,
                conditions={
                    "StringEquals": {f"{GITHUB_ISSUER}:aud": "sts.amazonaws.com"},
                    "StringLike": {f"{GITHUB_ISSUER}:sub": subjects},
                },
                assume_role_action="sts:AssumeRoleWithWebIdentity",
            ),
            description=f"GitHub Actions deploys of {repository}",
        )
        policy = iam.Policy(self, "DeployPolicy", policy_name="phoney-github-deploy", roles=[role], statements=[
            iam.PolicyStatement(
                sid="UseCdkBootstrapRoles",
                actions=["sts:AssumeRole"],
                resources=[f"arn:{Aws.PARTITION}:iam::{Aws.ACCOUNT_ID}:role/cdk-{cdk_qualifier}-*"],
            ),
            iam.PolicyStatement(
                sid="ReadStackOutputs",
                actions=["cloudformation:DescribeStacks", "cloudformation:DescribeStackEvents"],
                resources=[arn("cloudformation", "stack/Phoney-*/*")],
            ),
            iam.PolicyStatement(
                sid="ReleaseAndRollBack",
                actions=["lambda:GetAlias", "lambda:UpdateAlias", "lambda:ListVersionsByFunction",
                         "lambda:GetFunction", "lambda:GetFunctionConfiguration", "lambda:PublishVersion"],
                resources=[arn("lambda", "function:phoney-*")],
            ),
            iam.PolicyStatement(
                sid="WatchDeployments",
                actions=["codedeploy:GetDeployment", "codedeploy:GetDeploymentGroup", "codedeploy:ListDeployments",
                         "codedeploy:StopDeployment", "codedeploy:CreateDeployment",
                         "codedeploy:GetDeploymentConfig", "codedeploy:RegisterApplicationRevision"],
                resources=[arn("codedeploy", "deploymentgroup:phoney-*/*"), arn("codedeploy", "application:phoney-*"),
                           arn("codedeploy", "deploymentconfig:*")],
            ),
            iam.PolicyStatement(
                sid="ReadAlarms",
                actions=["cloudwatch:DescribeAlarms"],
                resources=[arn("cloudwatch", "alarm:phoney-*")],
            ),
        ])
        self.role, self.policy = role, policy
        CfnOutput(self, "DeployRoleArn", value=role.role_arn)


class ImagesStack(Stack):
    """The ECR repository of the container-image variant, shared by the stages (one image is promoted by digest)."""

    def __init__(self, scope: Construct, **kwargs) -> None:
        super().__init__(scope, "PhoneyImages", stack_name="PhoneyImages",
                         description="ECR repository for Phoney's Lambda container image (deploy/aws/app.py)", **kwargs)
        key = kms.Key(self, "Key", alias="alias/phoney-images", enable_key_rotation=True,
                      description="Phoney ECR images", removal_policy=RemovalPolicy.RETAIN)
        self.repository = ecr.Repository(
            self, "Repository",
            repository_name=IMAGE_REPOSITORY,
            image_scan_on_push=True,
            image_tag_mutability=ecr.TagMutability.IMMUTABLE,
            encryption=ecr.RepositoryEncryption.KMS,
            encryption_key=key,
            removal_policy=RemovalPolicy.RETAIN,
            lifecycle_rules=[
                ecr.LifecycleRule(description="Drop untagged layers after a week", rule_priority=1,
                                  tag_status=ecr.TagStatus.UNTAGGED, max_image_age=Duration.days(7)),
                ecr.LifecycleRule(description="Keep the 30 newest images", rule_priority=2,
                                  tag_status=ecr.TagStatus.ANY, max_image_count=30),
            ],
        )
        # Lambda pulls with its service principal; only Phoney's functions may.
        self.repository.add_to_resource_policy(iam.PolicyStatement(
            sid="LambdaPull",
            principals=[iam.ServicePrincipal("lambda.amazonaws.com")],
            actions=["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
            conditions={"StringLike": {"aws:sourceArn": arn("lambda", "function:phoney-*")}},
        ))
        CfnOutput(self, "RepositoryUri", value=self.repository.repository_uri)
