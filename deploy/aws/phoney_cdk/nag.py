"""cdk-nag acknowledgements: each names its construct, its full `Pack::Rule[finding]` id and its reason.

scripts/check-cdk.sh compares the validation report's suppressed findings with nag-acknowledgements.json, so an
acknowledgement added here but not there (a reviewed change) fails the check, and so does one that no longer matches.
`{stage}` stands for the stage name.
"""

from __future__ import annotations

from aws_cdk import Acknowledgment, Stack, Validations

ARN = "arn:<AWS::Partition>:{service}:<AWS::Region>:<AWS::AccountId>:{resource}"


def _iam5(service: str, resource: str) -> str:
    return f"AwsSolutions::AwsSolutions-IAM5[Resource::{ARN.format(service=service, resource=resource)}]"


# The export bucket's objects under exports/: cdk-nag names the bucket by its logical id (stable across stages).
EXPORT_OBJECTS = "AwsSolutions::AwsSolutions-IAM5[Resource::<ExportBucketFD42BCED.Arn>/exports/*]"

# (construct path below the stack, id, reason)
STAGE = [
    ("Service/Role/DefaultPolicy/Resource", "AwsSolutions::AwsSolutions-IAM5[Resource::*]",
     "Only xray:PutTraceSegments and xray:PutTelemetryRecords (added by active tracing): X-Ray supports no "
     "resource-level permissions for them."),
    ("Service/Policy/Resource", _iam5("logs", "log-group:/aws/lambda/phoney-{stage}:*"),
     "Log streams of the function's own log group: stream names are made by Lambda at run time."),
    ("Service/Policy/Resource", _iam5("ssm", "parameter/phoney/{stage}/*"),
     "Parameters below the stage's own path /phoney/{stage}/, which the function reads by path at init."),
    ("Service/Credentials/Resource", "AwsSolutions::AwsSolutions-SMG4",
     "SECRET_KEY signs the API's tokens and API_PASSWORD_HASH is set by an operator: rotation is a manual, "
     "announced step (put-secret-value, then a deployment), not a Lambda rotator."),
    ("Http/Api/DefaultRoute/Resource", "AwsSolutions::AwsSolutions-APIG4",
     "Phoney authorises in the app (bearer tokens from /token, API keys) and serves public routes (health, docs); "
     "the optional JWT authorizer guards /api/v1 when jwt_issuer is set."),
    ("DeploymentGroup/ServiceRole/Resource",
     "AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/"
     "AWSCodeDeployRoleForLambdaLimited]",
     "CodeDeploy's own narrowly scoped Lambda policy, which LambdaDeploymentGroup always attaches."),
    ("Service/Function/Resource", "Serverless::Serverless-LambdaDLQ",
     "Invoked synchronously by API Gateway only: a failed request is answered, never retried, so a "
     "dead-letter queue would stay empty."),
    # The export fan-out (phoney_cdk/export.py, docs/export.md).
    ("Service/Policy/Resource", EXPORT_OBJECTS,
     "Objects of export jobs under the bucket's exports/ prefix: job ids, and so keys, are made at run time."),
    ("Service/Policy/Resource", _iam5("states", "execution:phoney-{stage}-export:*"),
     "Executions of the stage's own export state machine (execution names are job ids made at run time), "
     "for GET /api/v1/jobs/{id}."),
    ("Export/StateMachinePolicy/Resource", EXPORT_OBJECTS,
     "The item reader reads exports/<job>/items.json; the job id is the execution's input, made at run time."),
    ("Export/StateMachinePolicy/Resource", _iam5("states", "execution:phoney-{stage}-export:*"),
     "A Distributed Map describes and stops the executions of its own state machine (phoney-<stage>-export)."),
    ("Export/StateMachinePolicy/Resource", _iam5("states", "execution:phoney-{stage}-export/*"),
     "The Distributed Map's child executions (one per shard) are named <state machine>/<map run>:<id>."),
    ("Export/StateMachineRole/DefaultPolicy/Resource", "AwsSolutions::AwsSolutions-IAM5[Resource::*]",
     "Only what StateMachine adds for logging and tracing: the CloudWatch Logs delivery actions and X-Ray "
     "segments and sampling, none of which supports resource-level permissions."),
    ("Export/Bucket/Resource", "AwsSolutions::AwsSolutions-S1",
     "Holds generated fake data only, written and read by the stage's own roles; access logs would add a log "
     "object per request (10,000+ per job). CloudTrail data events are the audit trail where one is needed."),
]

# Only present when the option named first is set: the check's own synth does not make them, the tests' does.
OPTIONAL = [
    ("alarm_email", "Observability/AlarmEmail/Resource", "Serverless::Serverless-SNSRedrivePolicy",
     "An e-mail subscription: SNS retries e-mail delivery itself, and a dead-letter queue of undelivered alarm "
     "e-mails would be one more thing nobody watches; the alarms stay visible in CloudWatch."),
]

OIDC = [
    ("DeployPolicy/Resource",
     "AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:iam::<AWS::AccountId>:role/cdk-hnb659fds-*]",
     "The CDK bootstrap roles (deploy, file publishing, lookup) of this account; cdk deploy assumes them."),
    ("DeployPolicy/Resource", _iam5("cloudformation", "stack/Phoney-*/*"),
     "Reads outputs of the Phoney-<stage> stacks; the stack id suffix is random."),
    ("DeployPolicy/Resource", _iam5("lambda", "function:phoney-*"),
     "The release and rollback scripts act on the phoney-<stage> functions only."),
    ("DeployPolicy/Resource", _iam5("codedeploy", "deploymentgroup:phoney-*/*"),
     "The phoney-<stage> deployment groups, whose deployments the scripts watch and stop."),
    ("DeployPolicy/Resource", _iam5("codedeploy", "application:phoney-*"),
     "The phoney-<stage> CodeDeploy applications."),
    ("DeployPolicy/Resource", _iam5("codedeploy", "deploymentconfig:*"),
     "Reading the predefined CodeDeployDefault.Lambda* configurations, which are AWS-owned."),
    ("DeployPolicy/Resource", _iam5("cloudwatch", "alarm:phoney-*"),
     "Reads the state of the phoney-<stage>-* alarms before and during a release."),
]


def _find(stack: Stack, path: str):
    node = stack
    for part in path.split("/"):
        node = node.node.find_child(part)
    return node


def apply(stack: Stack, table: list[tuple[str, str, str]], stage: str = "", options: set[str] = frozenset()) -> Stack:
    table = table + [entry[1:] for entry in OPTIONAL if entry[0] in options and table is STAGE]
    for path, rule, reason in table:
        Validations.of(_find(stack, path)).acknowledge(
            Acknowledgment(id=rule.replace("{stage}", stage), reason=reason.replace("{stage}", stage))
        )
    return stack
