"""The function, its key, log group, role, secret and release machinery (version, `live` alias, CodeDeploy)."""

from __future__ import annotations

import json

from aws_cdk import Aws, Duration, RemovalPolicy
from aws_cdk import aws_ecr as ecr
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct

from .config import ALIAS_NAME, METRICS_NAMESPACE, StageConfig

IMAGE_REPOSITORY = "phoney"


def arn(service: str, resource: str) -> str:
    """An ARN in this stack's partition, region and account (tokens, so the template stays environment-agnostic)."""
    return f"arn:{Aws.PARTITION}:{service}:{Aws.REGION}:{Aws.ACCOUNT_ID}:{resource}"


_RETENTION = {1: "ONE_DAY", 3: "THREE_DAYS", 5: "FIVE_DAYS", 7: "ONE_WEEK", 14: "TWO_WEEKS", 30: "ONE_MONTH",
              60: "TWO_MONTHS", 90: "THREE_MONTHS", 180: "SIX_MONTHS", 365: "ONE_YEAR"}


def retention(days: int) -> logs.RetentionDays:
    """stages.json's log_retention_days as CloudWatch's enum (the Python enum holds names, not day counts)."""
    if days not in _RETENTION:
        raise ValueError(f"log_retention_days must be one of {sorted(_RETENTION)}")
    return getattr(logs.RetentionDays, _RETENTION[days])


class PhoneyFunction(Construct):
    """Builds `key`, `log_group`, `role`, `secret`, `function`, `alias` for one stage."""

    def __init__(self, scope: Construct, construct_id: str, config: StageConfig) -> None:
        super().__init__(scope, construct_id)
        removal = RemovalPolicy.RETAIN if config.retain_data else RemovalPolicy.DESTROY
        log_group_name = f"/aws/lambda/{config.prefix}"

        # One customer-managed key per stage encrypts the logs, the secret and the alarm topic, so one kms:Decrypt
        # grant (and one key policy) covers what the function reads.
        self.key = kms.Key(
            self, "Key",
            alias=f"alias/{config.prefix}",
            description=f"Phoney {config.stage}: logs, credentials secret, alarm topic",
            enable_key_rotation=True,
            removal_policy=removal,
        )
        # CloudWatch Logs encrypts with the key only for log groups named in the encryption context.
        self.key.add_to_resource_policy(iam.PolicyStatement(
            principals=[iam.ServicePrincipal(f"logs.{Aws.REGION}.amazonaws.com")],
            actions=["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            resources=["*"],  # in a key policy "*" means this key
            conditions={"ArnLike": {"kms:EncryptionContext:aws:logs:arn": arn("logs", f"log-group:/aws/*/{config.prefix}*")}},
        ))
        # CloudWatch alarms publish to the KMS-encrypted SNS topic.
        self.key.add_to_resource_policy(iam.PolicyStatement(
            principals=[iam.ServicePrincipal("cloudwatch.amazonaws.com")],
            actions=["kms:Decrypt", "kms:GenerateDataKey*"],
            resources=["*"],
        ))

        self.log_group = logs.LogGroup(
            self, "LogGroup",
            log_group_name=log_group_name,
            retention=retention(config.log_retention_days),
            encryption_key=self.key,
            removal_policy=removal,
        )

        # The stack creates the secret with a generated SECRET_KEY (the template holds only the generator's
        # settings, never a value); the operator adds API_PASSWORD_HASH with put-secret-value. Retained always:
        # deleting a stack must not delete credentials.
        self.secret = secretsmanager.Secret(
            self, "Credentials",
            secret_name=config.secret_name,
            description=f"Phoney {config.stage} settings read at init (JSON object: SECRET_KEY, API_PASSWORD_HASH, ...)",
            encryption_key=self.key,
            generate_secret_string=secretsmanager.SecretStringGenerator(
                secret_string_template=json.dumps({}),
                generate_string_key="SECRET_KEY",
                password_length=64,
                exclude_punctuation=True,
            ),
            removal_policy=RemovalPolicy.RETAIN,
        )

        self.role = self._role(config, log_group_name)
        self.function = self._function(config)
        # Every deployment that changes code or configuration publishes a new version (current_version hashes both);
        # the alias moves to it through CodeDeploy, and old versions are kept so a rollback has somewhere to go.
        self.alias = lambda_.Alias(
            self, "Live",
            alias_name=ALIAS_NAME,
            version=self.function.current_version,
            description=f"What the {config.stage} HTTP API invokes; moved by CodeDeploy",
        )

    def _role(self, config: StageConfig, log_group_name: str) -> iam.Role:
        # An own role rather than CDK's default: AWSLambdaBasicExecutionRole allows logs on every log group.
        role = iam.Role(
            self, "Role",
            role_name=f"{config.prefix}-function",
            assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
            description=f"Phoney {config.stage} function: its log group, its SSM path, its secret, its key",
        )
        statements = [
            iam.PolicyStatement(
                sid="WriteOwnLogs",
                actions=["logs:CreateLogStream", "logs:PutLogEvents"],
                resources=[arn("logs", f"log-group:{log_group_name}:*")],
            ),
            iam.PolicyStatement(
                sid="ReadStageParameters",
                actions=["ssm:GetParametersByPath", "ssm:GetParameter", "ssm:GetParameters"],
                resources=[
                    arn("ssm", f"parameter{config.parameter_path}"),
                    arn("ssm", f"parameter{config.parameter_path}/*"),
                ],
            ),
            iam.PolicyStatement(
                sid="ReadStageSecret",
                actions=["secretsmanager:GetSecretValue"],
                # Secrets Manager appends six random characters to a secret's ARN.
                resources=[arn("secretsmanager", f"secret:{config.secret_name}-??????")],
            ),
            iam.PolicyStatement(
                sid="DecryptWithStageKey",
                actions=["kms:Decrypt"],
                resources=[self.key.key_arn],
            ),
        ]
        # Kept: the export fan-out adds its statements to this same policy (phoney_cdk/export.py).
        self.policy = iam.Policy(
            self, "Policy", policy_name=f"{config.prefix}-function", roles=[role], statements=statements
        )
        return role

    def _environment(self, config: StageConfig) -> dict[str, str]:
        # Names only: the values themselves come from SSM and Secrets Manager at init.
        env = {
            "ENV_STATE": config.env_state,
            "USE_PARAMETER_STORE": "true",
            "PARAMETER_STORE_PREFIX": config.parameter_path,
            "USE_SECRETS_MANAGER": "true",
            "SECRET_NAME": config.secret_name,
            "POWERTOOLS_SERVICE_NAME": config.service_name,
            "POWERTOOLS_METRICS_NAMESPACE": METRICS_NAMESPACE,
        }
        if config.cors_origins:
            env["CORS_ORIGINS"] = ",".join(config.cors_origins)
        return env

    def _function(self, config: StageConfig) -> lambda_.Function:
        common = dict(
            function_name=config.prefix,
            description=f"Phoney fake-data API ({config.stage})",
            architecture=lambda_.Architecture.ARM_64,
            memory_size=config.memory_mb,
            timeout=Duration.seconds(config.timeout_seconds),
            reserved_concurrent_executions=config.reserved_concurrency,
            tracing=lambda_.Tracing.ACTIVE,
            log_group=self.log_group,  # explicit: no LogRetention custom resource
            role=self.role,
            environment=self._environment(config),
            environment_encryption=self.key,
        )
        if config.image_tag:
            return self._skip_checkov(self._image_function(config, common))
        if not config.lambda_zip:
            raise ValueError("no code: pass -c lambda_zip=PATH (or PHONEY_LAMBDA_ZIP), or -c image_tag=TAG")
        return self._skip_checkov(lambda_.Function(
            self, "Function",
            runtime=lambda_.Runtime.PROVIDED_AL2023,
            handler="bootstrap",
            code=lambda_.Code.from_asset(config.lambda_zip),
            **common,
        ))

    def _image_function(self, config: StageConfig, common: dict) -> lambda_.Function:
        # The container variant: an image already pushed to the shared ECR repository (stack PhoneyImages), by tag
        # or sha256 digest, so synth never needs Docker nor copies the work tree (with its .build*) as an asset.
        repository = ecr.Repository.from_repository_name(self, "Repository", IMAGE_REPOSITORY)
        return lambda_.DockerImageFunction(
            self, "Function",
            code=lambda_.DockerImageCode.from_ecr(repository, tag_or_digest=config.image_tag),
            **common,
        )

    @staticmethod
    def _skip_checkov(function: lambda_.Function) -> lambda_.Function:
        """checkov reads skips, with their reasons, from the resource's Metadata."""
        function.node.default_child.add_metadata("checkov", {"skip": [
            {"id": "CKV_AWS_116", "comment": "Invoked synchronously by API Gateway only: no async events to dead-letter."},
            {"id": "CKV_AWS_117", "comment": "Reaches only AWS APIs (SSM, Secrets Manager, X-Ray) and no private "
                                             "resource: a VPC would add NAT cost and cold-start time for nothing."},
        ]})
        return function
