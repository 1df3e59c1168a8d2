"""The export fan-out's contract (docs/export.md) in the synthesised templates, and its definition accepted by moto.

Each rule is a function over a template returning problems; `test_contract_changes_are_caught` feeds the rules
templates that break one clause of the contract each, so every clause is shown to be able to fail. The last tests
create the state machine from the synthesised definition in moto (in process, nothing leaves the machine) and start
an execution with a job's input. Templates come from PHONEY_CDK_OUT or an in-process synth, as in test_stack.py.
"""

from __future__ import annotations

import copy
import fnmatch
import json
import os
import re
import time

import pytest

from test_stack import SETTINGS, cdk_out, listed, load, one, resources, stages  # noqa: F401 (fixtures)

from phoney_cdk.config import EXPORT_MAX_SHARDS, EXPORT_PREFIX, STAGES
from phoney_cdk.export import DEFINITION_TEMPLATE, render_definition

RETRY = [{
    "ErrorEquals": ["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException",
                    "Lambda.TooManyRequestsException", "States.TaskFailed"],
    "IntervalSeconds": 2, "BackoffRate": 2, "MaxAttempts": 4,
}]
ITEM_SELECTOR = {"phoney": "export-shard", "job.$": "$.job", "bucket.$": "$.bucket", "spec.$": "$.spec",
                 "shard.$": "$$.Map.Item.Value"}
MANIFEST_PAYLOAD = {"phoney": "export-manifest", "job.$": "$.job", "bucket.$": "$.bucket", "spec.$": "$.spec"}
PSEUDO = "arn:<AWS::Partition>:{service}:<AWS::Region>:<AWS::AccountId>:{resource}"


def text(value) -> str:
    """A property as text: Fn::Join flattened, Ref as <Id>, Fn::GetAtt as <Id.Attr>."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and "Fn::Join" in value:
        return value["Fn::Join"][0].join(text(part) for part in value["Fn::Join"][1])
    if isinstance(value, dict) and "Ref" in value:
        return f"<{value['Ref']}>"
    if isinstance(value, dict) and "Fn::GetAtt" in value:
        return "<" + ".".join(value["Fn::GetAtt"]) + ">"
    return f"<{json.dumps(value)}>"


def logical_id(template: dict, kind: str) -> str:
    (found,) = resources(template, kind)
    return found


def definition(template: dict) -> dict:
    """The state machine's DefinitionString with Fn::Join flattened (tokens as <...>), parsed."""
    return json.loads(text(one(template, "AWS::StepFunctions::StateMachine")["DefinitionString"]))


# ---------------------------------------------------------------- rules

def bucket_problems(template: dict, stage: str) -> list[str]:
    problems = []
    name, bucket = next(iter(resources(template, "AWS::S3::Bucket").items()))
    props = bucket["Properties"]
    (sse,) = props["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    key = logical_id(template, "AWS::KMS::Key")
    if sse["ServerSideEncryptionByDefault"] != {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": {"Fn::GetAtt": [key, "Arn"]}}:
        problems.append(f"encryption {sse}")
    if props.get("PublicAccessBlockConfiguration") != dict.fromkeys(
            ("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"), True):
        problems.append("public access not blocked")
    rules = props.get("LifecycleConfiguration", {}).get("Rules", [])
    expiring = [r for r in rules if r.get("Status") == "Enabled" and "ExpirationInDays" in r]
    if [(r.get("Prefix"), r["ExpirationInDays"]) for r in expiring] != [
            (EXPORT_PREFIX, SETTINGS[stage]["export_retention_days"])]:
        problems.append(f"expiration {expiring}")
    if not any(r.get("Status") == "Enabled" and r.get("AbortIncompleteMultipartUpload") == {"DaysAfterInitiation": 1}
               and not r.get("Prefix") for r in rules):
        problems.append("incomplete multipart uploads are not aborted after 1 day")
    if (bucket.get("DeletionPolicy") == "Retain") != SETTINGS[stage]["retain_data"]:
        problems.append(f"deletion policy {bucket.get('DeletionPolicy')} against retain_data")
    ssl = [s for p in resources(template, "AWS::S3::BucketPolicy").values() if p["Properties"]["Bucket"] == {"Ref": name}
           for s in p["Properties"]["PolicyDocument"]["Statement"]
           if s["Effect"] == "Deny" and s.get("Condition") == {"Bool": {"aws:SecureTransport": "false"}}]
    if not ssl or set(map(text, listed(ssl[0]["Resource"]))) != {f"<{name}.Arn>", f"<{name}.Arn>/*"}:
        problems.append("SSL is not enforced on the bucket and its objects")
    return problems


def definition_problems(template: dict, stage: str) -> list[str]:
    problems = []
    machine = one(template, "AWS::StepFunctions::StateMachine")
    if (machine.get("StateMachineName"), machine.get("StateMachineType")) != (f"phoney-{stage}-export", "STANDARD"):
        problems.append(f"name/type {machine.get('StateMachineName')}/{machine.get('StateMachineType')}")
    if machine.get("TracingConfiguration") != {"Enabled": True}:
        problems.append("tracing off")
    if machine.get("LoggingConfiguration", {}).get("Level") not in ("ALL", "ERROR"):
        problems.append("not logging")
    alias = f"<{logical_id(template, 'AWS::Lambda::Alias')}>"
    asl = definition(template)
    states = asl["States"]
    shards, manifest = states.get("Shards", {}), states.get("Manifest", {})
    if asl["StartAt"] != "Shards" or shards.get("Type") != "Map":
        problems.append("does not start with the Map state Shards")
    processor = shards.get("ItemProcessor", {})
    if processor.get("ProcessorConfig", {}).get("Mode") != "DISTRIBUTED":
        problems.append("Shards is not a DISTRIBUTED map")
    if processor.get("ProcessorConfig", {}).get("ExecutionType") not in ("EXPRESS", "STANDARD"):
        problems.append("no child execution type")
    reader = shards.get("ItemReader", {})
    if (not reader.get("Resource", "").endswith(":states:::s3:getObject")
            or reader.get("ReaderConfig") != {"InputType": "JSON"}
            or reader.get("Parameters") != {"Bucket.$": "$.bucket", "Key.$": "$.items"}):
        problems.append(f"item reader {reader}")
    if shards.get("ItemSelector") != ITEM_SELECTOR:
        problems.append(f"item selector {shards.get('ItemSelector')}")
    if shards.get("MaxConcurrency") != SETTINGS[stage]["export_map_concurrency"]:
        problems.append(f"MaxConcurrency {shards.get('MaxConcurrency')}")
    if shards.get("ToleratedFailurePercentage", 0) != 0 or "ToleratedFailurePercentagePath" in shards:
        problems.append("failures tolerated")
    if not ("ResultPath" in shards and shards["ResultPath"] is None) and "ResultWriter" not in shards:
        problems.append("the map's results are kept in the state (256 KB limit)")
    (child,) = processor.get("States", {"?": {}}).values()
    if (child.get("Type"), child.get("Parameters")) != ("Task", {"FunctionName": alias, "Payload.$": "$"}):
        problems.append(f"shard task {child.get('Parameters')}")
    for name, task in (("shard", child), ("Manifest", manifest)):
        if not task.get("Resource", "").endswith(":states:::lambda:invoke"):
            problems.append(f"{name} is not a Lambda invoke")
        if task.get("Retry") != RETRY:
            problems.append(f"{name} retry {task.get('Retry')}")
    if shards.get("Next") != "Manifest":
        problems.append("Manifest does not follow Shards")
    if manifest.get("Parameters") != {"FunctionName": alias, "Payload": MANIFEST_PAYLOAD}:
        problems.append(f"manifest payload {manifest.get('Parameters')}")
    if states.get(manifest.get("Next"), {}).get("Type") != "Succeed":
        problems.append("Manifest is not followed by Succeed")
    caught = [c["Next"] for c in shards.get("Catch", []) if "States.ALL" in c["ErrorEquals"]]
    if caught != ["ExportFailed"] or states.get("ExportFailed", {}).get("Type") != "Fail":
        problems.append("a failed map does not end in the Fail state ExportFailed")
    return problems


def grants(template: dict, role_service: str) -> list[dict]:
    """Every statement granted to the role the service assumes, with resources flattened to text."""
    roles = {name for name, r in resources(template, "AWS::IAM::Role").items()
             if r["Properties"]["AssumeRolePolicyDocument"]["Statement"][0]["Principal"].get("Service") == role_service}
    out = []
    for policy in resources(template, "AWS::IAM::Policy").values():
        if {r.get("Ref") for r in policy["Properties"]["Roles"]} & roles:
            for statement in policy["Properties"]["PolicyDocument"]["Statement"]:
                out.append({**statement, "Action": sorted(listed(statement["Action"])),
                            "Resource": sorted(text(r) for r in listed(statement["Resource"]))})
    return out


def iam_problems(template: dict, stage: str) -> list[str]:
    problems = []
    bucket = logical_id(template, "AWS::S3::Bucket")
    objects = f"<{bucket}.Arn>/{EXPORT_PREFIX}*"
    machine = PSEUDO.format(service="states", resource=f"stateMachine:phoney-{stage}-export")
    executions = PSEUDO.format(service="states", resource=f"execution:phoney-{stage}-export")
    alias = f"<{logical_id(template, 'AWS::Lambda::Alias')}>"
    want = {
        "lambda.amazonaws.com": [
            (["s3:AbortMultipartUpload", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:PutObject"], [objects]),
            (["s3:ListBucket"], [f"<{bucket}.Arn>"]),
            (["states:StartExecution"], [machine]),
            (["states:DescribeExecution"], [f"{executions}:*"]),
        ],
        "states.amazonaws.com": [
            (["lambda:InvokeFunction"], [alias]),
            (["s3:GetObject"], [objects]),
            (["states:StartExecution"], [machine]),
            (["states:DescribeExecution", "states:StopExecution"], [f"{executions}/*", f"{executions}:*"]),
        ],
    }
    for service, expected in want.items():
        statements = grants(template, service)
        for actions, scope in expected:
            if not any(s["Action"] == actions and s["Resource"] == scope for s in statements):
                problems.append(f"{service}: no {actions} on exactly {scope}")
        for s in statements:  # nothing else reaches the bucket, the alias or a state machine
            for action in s["Action"]:
                if action.split(":")[0] in ("s3", "states", "lambda") and (s["Action"], s["Resource"]) not in expected:
                    problems.append(f"{service}: unexpected {s['Action']} on {s['Resource']}")
                    break
        listing = [s for s in statements if s["Action"] == ["s3:ListBucket"]]
        if service == "lambda.amazonaws.com" and (not listing or listing[0].get("Condition") != {
                "StringLike": {"s3:prefix": f"{EXPORT_PREFIX}*"}}):
            problems.append("ListBucket is not limited to the export prefix")
    return problems


def environment_problems(template: dict, stage: str) -> list[str]:
    env = one(template, "AWS::Lambda::Function")["Environment"]["Variables"]
    want = {
        "PHONEY_EXPORT_BUCKET": f"<{logical_id(template, 'AWS::S3::Bucket')}>",
        "PHONEY_EXPORT_PREFIX": EXPORT_PREFIX,
        "PHONEY_EXPORT_STATE_MACHINE_ARN": PSEUDO.format(service="states",
                                                         resource=f"stateMachine:phoney-{stage}-export"),
        "PHONEY_EXPORT_MAX_RECORDS": str(SETTINGS[stage]["export_max_records"]),
        "PHONEY_EXPORT_MAX_SHARDS": str(EXPORT_MAX_SHARDS),
    }
    return [f"{key}: {text(env.get(key))!r} != {value!r}" for key, value in want.items()
            if key not in env or text(env[key]) != value]


RULES = (bucket_problems, definition_problems, iam_problems, environment_problems)


# ---------------------------------------------------------------- the synthesised stacks

@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.__name__)
@pytest.mark.parametrize("stage", STAGES)
def test_export_contract(stages, stage, rule):
    assert rule(stages[stage], stage) == []


def test_outputs_name_the_bucket_and_the_state_machine(stages):
    for template in stages.values():
        outputs = template["Outputs"]
        assert outputs["ExportBucketName"]["Value"] == {"Ref": logical_id(template, "AWS::S3::Bucket")}
        assert outputs["ExportStateMachineArn"]["Value"] == {
            "Ref": logical_id(template, "AWS::StepFunctions::StateMachine")}


def test_state_machine_logs_to_its_own_encrypted_group(stages):
    for stage, template in stages.items():
        logging = one(template, "AWS::StepFunctions::StateMachine")["LoggingConfiguration"]
        (destination,) = logging["Destinations"]
        group = template["Resources"][destination["CloudWatchLogsLogGroup"]["LogGroupArn"]["Fn::GetAtt"][0]]
        assert group["Properties"]["LogGroupName"] == f"/aws/vendedlogs/states/phoney-{stage}-export"
        assert "KmsKeyId" in group["Properties"]


def test_map_concurrency_fits_the_reserved_concurrency():
    """Shards run on the API's function: the map may not ask for more than the function can ever run."""
    for stage in STAGES:
        assert SETTINGS[stage]["export_map_concurrency"] <= SETTINGS[stage]["reserved_concurrency"], stage


def test_definition_template_refuses_unknown_placeholders():
    template = DEFINITION_TEMPLATE.read_text()
    with pytest.raises(ValueError):
        render_definition(template, {"partition": "aws", "function_arn": "x"})
    with pytest.raises(ValueError):
        render_definition(template + "${extra}", {"partition": "aws", "function_arn": "x", "max_concurrency": "1"})


# ---------------------------------------------------------------- each clause can fail

def _state(asl: dict, *path: str) -> dict:
    node = asl
    for part in path:
        node = node[part]
    return node


def _edit_definition(change):
    def edit(template: dict) -> None:
        machine = one(template, "AWS::StepFunctions::StateMachine")
        asl = definition(template)
        change(asl)
        machine["DefinitionString"] = json.dumps(asl)
    return edit


def _edit(kind: str, change):
    def edit(template: dict) -> None:
        for r in template["Resources"].values():
            if r["Type"] == kind:
                change(r)
    return edit


def _widen_objects(policy: dict) -> None:
    for statement in policy["Properties"]["PolicyDocument"]["Statement"]:
        if "s3:PutObject" in listed(statement["Action"]):
            statement["Resource"] = {"Fn::Join": ["", [statement["Resource"]["Fn::Join"][1][0], "/*"]]}


SHARD_TASK = ("States", "Shards", "ItemProcessor", "States", "Shard")
BREAKS = {
    "item selector key renamed": _edit_definition(
        lambda asl: _state(asl, "States", "Shards", "ItemSelector").update({"item.$": "$$.Map.Item.Value"})),
    "inline map": _edit_definition(
        lambda asl: _state(asl, "States", "Shards", "ItemProcessor", "ProcessorConfig").update(Mode="INLINE")),
    "concurrency": _edit_definition(lambda asl: _state(asl, "States", "Shards").update(MaxConcurrency=7)),
    "tolerated failures": _edit_definition(
        lambda asl: _state(asl, "States", "Shards").update(ToleratedFailurePercentage=5)),
    "results kept": _edit_definition(lambda asl: _state(asl, "States", "Shards").pop("ResultPath")),
    "retry interval": _edit_definition(lambda asl: _state(asl, *SHARD_TASK)["Retry"][0].update(IntervalSeconds=1)),
    "payload wrapped": _edit_definition(
        lambda asl: _state(asl, *SHARD_TASK)["Parameters"].update({"Payload.$": "$.shard"})),
    "manifest payload": _edit_definition(
        lambda asl: _state(asl, "States", "Manifest", "Parameters", "Payload").update(phoney="manifest")),
    "item reader key": _edit_definition(
        lambda asl: _state(asl, "States", "Shards", "ItemReader", "Parameters").update({"Key.$": "$.spec"})),
    "express parent": _edit("AWS::StepFunctions::StateMachine",
                            lambda r: r["Properties"].update(StateMachineType="EXPRESS")),
    "retention": _edit("AWS::S3::Bucket", lambda r: r["Properties"]["LifecycleConfiguration"]["Rules"][0].update(
        ExpirationInDays=400)),
    "public": _edit("AWS::S3::Bucket", lambda r: r["Properties"]["PublicAccessBlockConfiguration"].update(
        BlockPublicPolicy=False)),
    "no ssl": _edit("AWS::S3::BucketPolicy", lambda r: r["Properties"]["PolicyDocument"].update(Statement=[])),
    "objects beyond exports/": _edit("AWS::IAM::Policy", _widen_objects),
    "env renamed": _edit("AWS::Lambda::Function", lambda r: r["Properties"]["Environment"]["Variables"].update(
        PHONEY_EXPORT_BUCKET_NAME=r["Properties"]["Environment"]["Variables"].pop("PHONEY_EXPORT_BUCKET"))),
    "max records": _edit("AWS::Lambda::Function", lambda r: r["Properties"]["Environment"]["Variables"].update(
        PHONEY_EXPORT_MAX_RECORDS="1")),
}


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_contract_changes_are_caught(stages, name):
    broken = copy.deepcopy(stages["prod"])
    BREAKS[name](broken)
    assert any(rule(broken, "prod") for rule in RULES), f"breaking '{name}' went unnoticed"


# ---------------------------------------------------------------- moto accepts the definition

REGION, ACCOUNT = "us-east-1", "123456789012"


def deployable(template: dict, stage: str) -> str:
    """The definition as CloudFormation would pass it: pseudo parameters and the alias replaced by real values."""
    alias = f"<{logical_id(template, 'AWS::Lambda::Alias')}>"
    body = text(one(template, "AWS::StepFunctions::StateMachine")["DefinitionString"])
    body = body.replace(alias, f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:phoney-{stage}:live")
    body = body.replace("<AWS::Partition>", "aws")
    assert not re.search(r"<[A-Za-z:]+[^>]*>", body.replace("<job>", "")), "an unresolved token is left"
    return body


def _moto(monkeypatch, *modules: str):
    if os.environ.get("PHONEY_EXPORT_TESTS_REQUIRE_MOTO"):
        loaded = [__import__(name) for name in ("boto3", "moto", *modules)]
    else:  # a virtualenv without moto (e.g. an older .build-tools/cdk-venv) skips these instead of failing
        loaded = [pytest.importorskip(name) for name in ("boto3", "moto", *modules)]
    for name, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                        "AWS_SESSION_TOKEN": "testing", "AWS_DEFAULT_REGION": REGION}.items():
        monkeypatch.setenv(name, value)
    for name in ("AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"):
        monkeypatch.delenv(name, raising=False)
    return loaded[0], loaded[1]


@pytest.fixture
def moto_aws(monkeypatch):
    boto3, moto = _moto(monkeypatch)
    with moto.mock_aws():
        yield boto3


@pytest.mark.parametrize("stage", STAGES)
def test_moto_creates_the_state_machine_and_starts_a_job(stages, stage, moto_aws):
    template = stages[stage]
    boto3 = moto_aws
    body = deployable(template, stage)
    json.loads(body)  # valid JSON once CloudFormation has filled in the tokens

    s3 = boto3.client("s3", region_name=REGION)
    bucket = f"phoney-{stage}-exports-{ACCOUNT}-{REGION}"
    s3.create_bucket(Bucket=bucket)
    job = "0190b3c4-7d1e-7a2b-9c3d-4e5f6a7b8c9d"
    items = [{"index": i, "first": i * 1_000_000, "count": 1_000_000,
              "key": f"{EXPORT_PREFIX}{job}/part-{i:06d}.ndjson"} for i in range(3)]
    s3.put_object(Bucket=bucket, Key=f"{EXPORT_PREFIX}{job}/items.json", Body=json.dumps(items).encode())
    s3.put_object(Bucket=bucket, Key=f"{EXPORT_PREFIX}{job}/job.json", Body=b'{"count": 3000000}')

    sfn = boto3.client("stepfunctions", region_name=REGION)
    machine = one(template, "AWS::StepFunctions::StateMachine")
    created = sfn.create_state_machine(
        name=machine["StateMachineName"], definition=body, type=machine["StateMachineType"],
        roleArn=f"arn:aws:iam::{ACCOUNT}:role/phoney-{stage}-export",
        loggingConfiguration={"level": "ALL", "includeExecutionData": True, "destinations": [
            {"cloudWatchLogsLogGroup": {"logGroupArn": f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:"
                                                      f"/aws/vendedlogs/states/phoney-{stage}-export:*"}}]},
        tracingConfiguration={"enabled": True},
    )
    # The ARN the function's environment and policy build from the fixed name is the one AWS assigns.
    env_arn = text(one(template, "AWS::Lambda::Function")["Environment"]["Variables"]["PHONEY_EXPORT_STATE_MACHINE_ARN"])
    real = lambda value: value.replace("<AWS::Partition>", "aws").replace("<AWS::Region>", REGION).replace(  # noqa: E731
        "<AWS::AccountId>", ACCOUNT)
    assert created["stateMachineArn"] == real(env_arn)
    assert json.loads(sfn.describe_state_machine(stateMachineArn=created["stateMachineArn"])["definition"]) == \
        json.loads(body)

    execution_input = {"job": job, "bucket": bucket, "spec": f"{EXPORT_PREFIX}{job}/job.json",
                       "items": f"{EXPORT_PREFIX}{job}/items.json"}
    started = sfn.start_execution(stateMachineArn=created["stateMachineArn"], name=job,
                                  input=json.dumps(execution_input))
    described = sfn.describe_execution(executionArn=started["executionArn"])
    assert described["status"] == "RUNNING" and json.loads(described["input"]) == execution_input
    assert described["name"] == job
    # GET /api/v1/jobs/{id} describes it: the execution's ARN is inside the function's DescribeExecution grant.
    (watch,) = [s for s in grants(template, "lambda.amazonaws.com") if s["Action"] == ["states:DescribeExecution"]]
    assert any(fnmatch.fnmatchcase(started["executionArn"], real(pattern)) for pattern in watch["Resource"])
    # The same job id again is refused by Step Functions itself (client_token → same job is the function's part).
    with pytest.raises(sfn.exceptions.ExecutionAlreadyExists):
        sfn.start_execution(stateMachineArn=created["stateMachineArn"], name=job, input=json.dumps({"other": 1}))


# moto's own ASL parser (LocalStack's grammar, needs antlr4: moto[stepfunctions]) lags AWS in two places this
# definition uses. Each is patched out for the parser only, and the test says when moto no longer needs it.
MOTO_GRAMMAR_GAPS = {
    '"ExecutionType": "EXPRESS"': '"ExecutionType": "STANDARD"',  # its grammar knows only STANDARD children
    '"ToleratedFailurePercentage": 0,': "",  # it lexes 0 as an integer where it wants a number
}


def test_moto_asl_parser_reads_the_definition_as_a_distributed_map(stages, monkeypatch):
    boto3, moto = _moto(monkeypatch, "antlr4")
    body = deployable(stages["dev"], "dev")
    with moto.mock_aws(config={"stepfunctions": {"execute_state_machine": True}}):
        s3 = boto3.client("s3", region_name=REGION)
        bucket = f"phoney-dev-exports-{ACCOUNT}-{REGION}"
        s3.create_bucket(Bucket=bucket)
        s3.put_object(Bucket=bucket, Key="exports/j1/items.json", Body=b'[{"index": 0, "first": 0, "count": 5, '
                                                                        b'"key": "exports/j1/part-000000.ndjson"}]')
        sfn = boto3.client("stepfunctions", region_name=REGION)
        role = f"arn:aws:iam::{ACCOUNT}:role/phoney-dev-export"
        with pytest.raises(sfn.exceptions.ClientError) as refused:
            sfn.create_state_machine(name="phoney-dev-export", definition=body, roleArn=role)
        message = str(refused.value)
        assert "EXPRESS" in message and "ToleratedFailurePercentage" in message, (
            f"moto's ASL grammar changed: drop what it now accepts from MOTO_GRAMMAR_GAPS ({message})")
        patched = body
        for gap, stand_in in MOTO_GRAMMAR_GAPS.items():
            assert gap in patched
            patched = patched.replace(gap, stand_in)
        arn = sfn.create_state_machine(name="phoney-dev-export", definition=patched, roleArn=role)["stateMachineArn"]
        job_input = {"job": "j1", "bucket": bucket, "spec": "exports/j1/job.json", "items": "exports/j1/items.json"}
        execution = sfn.start_execution(stateMachineArn=arn, name="j1", input=json.dumps(job_input))["executionArn"]
        events: list[str] = []
        for _ in range(50):  # its engine runs in a thread; it gets as far as the map run (Lambda needs Docker)
            events = [e["type"] for e in sfn.get_execution_history(executionArn=execution)["events"]]
            if "MapRunStarted" in events or "ExecutionFailed" in events:
                break
            time.sleep(0.1)
        assert events[:2] == ["ExecutionStarted", "MapStateEntered"] and "MapRunStarted" in events, events
