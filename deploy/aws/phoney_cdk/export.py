"""The export fan-out (docs/export.md): the export bucket, the `phoney-<stage>-export` state machine that renders a
job's shards on the function's `live` alias through a Distributed Map, its role and log group, and what the function
itself needs to start and watch a job.

The definition lives in export-state-machine.asl.tftpl, a template the Terraform twin fills in too, so the two
cannot define different workflows. The function names the state machine by its fixed name, never by reference: the
state machine invokes the function's alias, so a reference back would be a dependency cycle.
"""

from __future__ import annotations

import re
from pathlib import Path

from aws_cdk import ArnFormat, Aws, Duration, RemovalPolicy, Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_stepfunctions as sfn
from constructs import Construct

from .config import EXPORT_MAX_SHARDS, EXPORT_PREFIX, StageConfig
from .function import retention

DEFINITION_TEMPLATE = Path(__file__).resolve().parent.parent / "export-state-machine.asl.tftpl"
_PLACEHOLDER = re.compile(r"\$\{([a-z_]+)\}")


def render_definition(template: str, values: dict[str, str]) -> str:
    """Fills `${name}` placeholders, as Terraform's templatefile() does; refuses unknown or unused names."""
    found = set(_PLACEHOLDER.findall(template))
    if found != set(values):
        raise ValueError(f"{DEFINITION_TEMPLATE.name}: placeholders {sorted(found)}, values for {sorted(values)}")
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], template)


def state_machine_arn(scope: Construct, name: str) -> str:
    return Stack.of(scope).format_arn(
        service="states", resource="stateMachine", resource_name=name, arn_format=ArnFormat.COLON_RESOURCE_NAME
    )


def execution_arn(scope: Construct, resource_name: str) -> str:
    return Stack.of(scope).format_arn(
        service="states", resource="execution", resource_name=resource_name, arn_format=ArnFormat.COLON_RESOURCE_NAME
    )


class PhoneyExport(Construct):
    """Builds `bucket`, `log_group`, `role`, `state_machine`; grants `function_policy` what POST /api/v1/jobs and
    GET /api/v1/jobs/{id} need, and sets the function's PHONEY_EXPORT_* environment."""

    def __init__(
        self, scope: Construct, construct_id: str, config: StageConfig, *, key: kms.IKey, function: lambda_.Function,
        alias: lambda_.IAlias, function_policy: iam.Policy,
    ) -> None:
        super().__init__(scope, construct_id)
        removal = RemovalPolicy.RETAIN if config.retain_data else RemovalPolicy.DESTROY
        name = config.export_state_machine_name
        self.state_machine_arn = state_machine_arn(self, name)

        # Named like the stage's other resources, plus account and region because bucket names are global.
        # The stage key with an S3 Bucket Key: one KMS request per bucket and hour of use rather than one per part.
        self.bucket = s3.Bucket(
            self, "Bucket",
            bucket_name=f"{config.prefix}-exports-{Aws.ACCOUNT_ID}-{Aws.REGION}",
            encryption=s3.BucketEncryption.KMS,
            encryption_key=key,
            bucket_key_enabled=True,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            object_ownership=s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
            enforce_ssl=True,
            lifecycle_rules=[
                s3.LifecycleRule(
                    id="expire-exports", prefix=EXPORT_PREFIX,
                    expiration=Duration.days(config.export_retention_days),
                ),
                s3.LifecycleRule(
                    id="abort-incomplete-uploads", abort_incomplete_multipart_upload_after=Duration.days(1),
                ),
            ],
            # No auto-delete: it would add a custom-resource Lambda. A dev stack deletes only an empty bucket.
            removal_policy=removal,
        )
        self.bucket.node.default_child.add_metadata("checkov", {"skip": [
            {"id": "CKV_AWS_18", "comment": "Server access logs would add a log object per request to a bucket of "
                                            "generated fake data; CloudTrail data events are the audit trail where "
                                            "one is needed (docs/export.md, Security)."},
            {"id": "CKV_AWS_21", "comment": "Parts are rewritten idempotently (same key, same bytes) and expire with "
                                            "the lifecycle rule: versions would only keep duplicate copies."},
        ]})
        objects = self.bucket.arn_for_objects(f"{EXPORT_PREFIX}*")

        self.log_group = logs.LogGroup(
            self, "StateMachineLogs",
            # /aws/vendedlogs/: Step Functions' recommended prefix (keeps the Logs resource policy small); still
            # inside the stage key's /aws/*/phoney-<stage>* encryption-context grant.
            log_group_name=f"/aws/vendedlogs/states/{name}",
            retention=retention(config.log_retention_days),
            encryption_key=key,
            removal_policy=removal,
        )

        self.role = iam.Role(
            self, "StateMachineRole",
            role_name=name,
            assumed_by=iam.ServicePrincipal("states.amazonaws.com"),
            description=f"Phoney {config.stage} export state machine: its shards, the live alias, its items",
        )
        via_s3 = {"StringEquals": {"kms:ViaService": f"s3.{Aws.REGION}.amazonaws.com"}}
        policy = iam.Policy(self, "StateMachinePolicy", policy_name=name, roles=[self.role], statements=[
            iam.PolicyStatement(
                sid="InvokeLiveAlias", actions=["lambda:InvokeFunction"], resources=[alias.function_arn],
            ),
            iam.PolicyStatement(sid="ReadJobItems", actions=["s3:GetObject"], resources=[objects]),
            iam.PolicyStatement(
                sid="DecryptJobItems", actions=["kms:Decrypt"], resources=[key.key_arn], conditions=via_s3,
            ),
            # What a Distributed Map does with its own child executions, on this state machine only.
            iam.PolicyStatement(
                sid="StartShardExecutions", actions=["states:StartExecution"], resources=[self.state_machine_arn],
            ),
            iam.PolicyStatement(
                sid="WatchShardExecutions",
                actions=["states:DescribeExecution", "states:StopExecution"],
                resources=[execution_arn(self, f"{name}/*"), execution_arn(self, f"{name}:*")],
            ),
        ])

        definition = render_definition(DEFINITION_TEMPLATE.read_text(), {
            "partition": Aws.PARTITION,
            "function_arn": alias.function_arn,
            "max_concurrency": str(config.export_map_concurrency),
        })
        self.state_machine = sfn.StateMachine(
            self, "StateMachine",
            state_machine_name=name,
            state_machine_type=sfn.StateMachineType.STANDARD,
            definition_body=sfn.DefinitionBody.from_string(definition),
            role=self.role,
            # ALL with execution data: the payloads are S3 keys and record ranges (the template stays in job.json),
            # and the shards' EXPRESS executions have no history but these logs.
            logs=sfn.LogOptions(destination=self.log_group, level=sfn.LogLevel.ALL, include_execution_data=True),
            tracing_enabled=True,
            removal_policy=removal,
        )
        self.state_machine.node.add_dependency(policy)

        self._grant_function(config, key, function, function_policy, objects)

    def _grant_function(
        self, config: StageConfig, key: kms.IKey, function: lambda_.Function, policy: iam.Policy, objects: str,
    ) -> None:
        name = config.export_state_machine_name
        policy.add_statements(
            iam.PolicyStatement(
                sid="ExportObjects",
                actions=["s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
                resources=[objects],
            ),
            iam.PolicyStatement(
                sid="ListExports", actions=["s3:ListBucket"], resources=[self.bucket.bucket_arn],
                conditions={"StringLike": {"s3:prefix": f"{EXPORT_PREFIX}*"}},
            ),
            # kms:Decrypt is already granted on the key (DecryptWithStageKey); writing through S3 also needs this.
            iam.PolicyStatement(
                sid="EncryptExports", actions=["kms:GenerateDataKey"], resources=[key.key_arn],
                conditions={"StringEquals": {"kms:ViaService": f"s3.{Aws.REGION}.amazonaws.com"}},
            ),
            iam.PolicyStatement(sid="StartExport", actions=["states:StartExecution"], resources=[self.state_machine_arn]),
            iam.PolicyStatement(
                sid="WatchExport", actions=["states:DescribeExecution"], resources=[execution_arn(self, f"{name}:*")],
            ),
        )
        for variable, value in {
            "PHONEY_EXPORT_BUCKET": self.bucket.bucket_name,
            "PHONEY_EXPORT_PREFIX": EXPORT_PREFIX,
            "PHONEY_EXPORT_STATE_MACHINE_ARN": self.state_machine_arn,
            "PHONEY_EXPORT_MAX_RECORDS": str(config.export_max_records),
            "PHONEY_EXPORT_MAX_SHARDS": str(EXPORT_MAX_SHARDS),
        }.items():
            function.add_environment(variable, value)
