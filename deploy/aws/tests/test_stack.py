"""What cdk-nag, cfn-lint and checkov do not check in the synthesised templates of deploy/aws/app.py.

Templates come from PHONEY_CDK_OUT (scripts/check-cdk.sh points it at the cdk.out it just synthesised), or else from
an in-process synth with a placeholder zip. Each rule is a function over a template; the `*_detects_*` tests feed it
a broken template, so every rule is shown to be able to fail.
"""

from __future__ import annotations

import copy
import json
import os
import re
import sys
import zipfile
from pathlib import Path

import pytest

AWS_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AWS_DIR))

from checks import nag_allowlist  # noqa: E402
from phoney_cdk.config import MAX_MEMORY_MB, MAX_TIMEOUT_SECONDS, STAGES, load_stages  # noqa: E402

SETTINGS = load_stages()
# Actions AWS gives no resource-level permission for: only these may carry "Resource": "*".
UNSCOPABLE = {"xray:PutTraceSegments", "xray:PutTelemetryRecords", "ecr:GetAuthorizationToken",
              # What a state machine needs to log to CloudWatch Logs and trace (the export fan-out).
              "xray:GetSamplingRules", "xray:GetSamplingTargets", "logs:CreateLogDelivery", "logs:GetLogDelivery",
              "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries",
              "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups"}
DEPLOYMENT = {"ALL_AT_ONCE": "CodeDeployDefault.LambdaAllAtOnce",
              "CANARY_10PERCENT_5MINUTES": "CodeDeployDefault.LambdaCanary10Percent5Minutes"}


# ---------------------------------------------------------------- loading

def _synth(out: Path, **context) -> Path:
    import aws_cdk as cdk  # imported late: reading cdk.out needs no CDK

    import app as phoney_app

    zip_path = out / "placeholder.zip"
    with zipfile.ZipFile(zip_path, "w") as archive:
        archive.writestr("bootstrap", "#!/bin/sh\n")
    context.setdefault("lambda_zip", str(zip_path))
    phoney_app.build(cdk.App(outdir=str(out / "cdk.out"), context=context)).synth()
    return out / "cdk.out"


@pytest.fixture(scope="session")
def cdk_out(tmp_path_factory) -> Path:
    given = os.environ.get("PHONEY_CDK_OUT")
    return Path(given) if given else _synth(tmp_path_factory.mktemp("synth"))


def load(out: Path, stack: str) -> dict:
    return json.loads((out / f"{stack}.template.json").read_text())


@pytest.fixture(scope="session")
def stages(cdk_out) -> dict[str, dict]:
    return {stage: load(cdk_out, f"Phoney-{stage}") for stage in STAGES}


def resources(template: dict, kind: str) -> dict[str, dict]:
    return {name: r for name, r in template["Resources"].items() if r["Type"] == kind}


def one(template: dict, kind: str) -> dict:
    found = list(resources(template, kind).values())
    assert len(found) == 1, f"expected one {kind}, found {len(found)}"
    return found[0]["Properties"]


def text(value) -> str:
    """A property as text, with Fn::Join flattened and other tokens shown as <...>."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and "Fn::Join" in value:
        return "".join(text(part) for part in value["Fn::Join"][1])
    if isinstance(value, dict) and "Ref" in value:
        return f"<{value['Ref']}>"
    return f"<{json.dumps(value)}>"


# ---------------------------------------------------------------- rules (each returns a list of problems)

def function_problems(template: dict, stage: str) -> list[str]:
    fn, want, problems = one(template, "AWS::Lambda::Function"), SETTINGS[stage], []
    if fn.get("Architectures") != ["arm64"]:
        problems.append(f"architectures {fn.get('Architectures')}")
    if fn.get("PackageType") != "Image":
        if fn.get("Runtime") != "provided.al2023" or fn.get("Handler") != "bootstrap":
            problems.append(f"runtime/handler {fn.get('Runtime')}/{fn.get('Handler')}")
    if not 1 <= fn.get("Timeout", 3) <= MAX_TIMEOUT_SECONDS:
        problems.append(f"timeout {fn.get('Timeout')}")
    if not fn.get("MemorySize", 128) <= MAX_MEMORY_MB:
        problems.append(f"memory {fn.get('MemorySize')}")
    if (fn.get("MemorySize"), fn.get("Timeout"), fn.get("ReservedConcurrentExecutions")) != (
            want["memory_mb"], want["timeout_seconds"], want["reserved_concurrency"]):
        problems.append("memory/timeout/concurrency differ from stages.json")
    if fn.get("TracingConfig") != {"Mode": "Active"}:
        problems.append("X-Ray tracing not active")
    if fn.get("FunctionName") != f"phoney-{stage}":
        problems.append(f"function name {fn.get('FunctionName')}")
    return problems


def alias_problems(template: dict) -> list[str]:
    """The API's integrations and invoke permissions must name the `live` alias, never the function itself."""
    aliases = resources(template, "AWS::Lambda::Alias")
    live = [name for name, r in aliases.items() if r["Properties"]["Name"] == "live"]
    if len(live) != 1:
        return ["no single alias named live"]
    problems = []
    for name, integration in resources(template, "AWS::ApiGatewayV2::Integration").items():
        props = integration["Properties"]
        if props.get("IntegrationUri") != {"Ref": live[0]}:
            problems.append(f"integration {name} invokes {text(props.get('IntegrationUri'))}, not the alias")
        if props.get("PayloadFormatVersion") != "2.0":
            problems.append(f"integration {name} payload {props.get('PayloadFormatVersion')}")
    for name, permission in resources(template, "AWS::Lambda::Permission").items():
        if permission["Properties"]["FunctionName"] != {"Ref": live[0]}:
            problems.append(f"permission {name} is not on the alias")
    if not resources(template, "AWS::ApiGatewayV2::Integration"):
        problems.append("no integration")
    return problems


def policy_documents(template: dict):
    for name, r in template["Resources"].items():
        props = r.get("Properties", {})
        if r["Type"] in ("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"):
            yield name, props["PolicyDocument"]
        if r["Type"] == "AWS::IAM::Role":
            for policy in props.get("Policies", []):
                yield name, policy["PolicyDocument"]


def listed(value) -> list:
    return value if isinstance(value, list) else [value]


def iam_problems(template: dict) -> list[str]:
    problems = []
    for name, document in policy_documents(template):
        for statement in document["Statement"]:
            actions = set(listed(statement.get("Action", [])))
            if any(action == "*" or action.endswith(":*") for action in actions):
                problems.append(f"{name}: wildcard action {sorted(actions)}")
            if "*" in listed(statement.get("Resource", [])) and not actions <= UNSCOPABLE:
                problems.append(f"{name}: Resource * for {sorted(actions - UNSCOPABLE)}")
            if "NotAction" in statement or "NotResource" in statement:
                problems.append(f"{name}: NotAction/NotResource")
    return problems


def function_grants(template: dict) -> dict[str, set[str]]:
    """Action -> resources (as text) granted by the function's own policy."""
    grants: dict[str, set[str]] = {}
    for name, policy in resources(template, "AWS::IAM::Policy").items():
        if not policy["Properties"]["PolicyName"].endswith("-function"):
            continue
        for statement in policy["Properties"]["PolicyDocument"]["Statement"]:
            for action in listed(statement["Action"]):
                grants.setdefault(action, set()).update(text(r) for r in listed(statement["Resource"]))
    return grants


SECRET_KEYS = re.compile(r"SECRET_KEY|PASSWORD|API_KEY|TOKEN|PRIVATE|CREDENTIAL_VALUE", re.I)


def secret_problems(template: dict) -> list[str]:
    """No secret value in environment variables, parameters, SSM parameters or the secret's definition."""
    problems = []
    for name, fn in resources(template, "AWS::Lambda::Function").items():
        for key, value in fn["Properties"].get("Environment", {}).get("Variables", {}).items():
            if SECRET_KEYS.search(key) or (isinstance(value, str) and re.fullmatch(r"[A-Za-z0-9+/=_-]{32,}", value)):
                problems.append(f"{name}: environment {key} looks like a secret value")
            if isinstance(value, str) and value.startswith("eyJ"):
                problems.append(f"{name}: environment {key} holds a JWT")
    for name, secret in resources(template, "AWS::SecretsManager::Secret").items():
        if "SecretString" in secret["Properties"]:
            problems.append(f"{name}: SecretString in the template")
        template_text = secret["Properties"].get("GenerateSecretString", {}).get("SecretStringTemplate", "{}")
        if json.loads(template_text):
            problems.append(f"{name}: values in SecretStringTemplate")
    for name, parameter in template.get("Parameters", {}).items():
        if SECRET_KEYS.search(name) and "Default" in parameter:
            problems.append(f"parameter {name} has a default")
    if resources(template, "AWS::SSM::Parameter"):
        problems.append("the stack writes SSM parameters (their values would be in the template)")
    return problems


# ---------------------------------------------------------------- the synthesised stacks

@pytest.mark.parametrize("stage", STAGES)
def test_function_settings(stages, stage):
    assert function_problems(stages[stage], stage) == []


@pytest.mark.parametrize("stage", STAGES)
def test_api_invokes_the_live_alias(stages, stage):
    assert alias_problems(stages[stage]) == []


@pytest.mark.parametrize("stack", [f"Phoney-{s}" for s in STAGES] + ["PhoneyGitHubOidc", "PhoneyImages"])
def test_iam_resources_scoped(cdk_out, stack):
    assert iam_problems(load(cdk_out, stack)) == []


@pytest.mark.parametrize("stage", STAGES)
def test_function_reads_exactly_its_stage(stages, stage):
    grants = function_grants(stages[stage])
    prefix = "arn:<AWS::Partition>:ssm:<AWS::Region>:<AWS::AccountId>:parameter"
    assert grants["ssm:GetParametersByPath"] == {f"{prefix}/phoney/{stage}", f"{prefix}/phoney/{stage}/*"}
    assert grants["secretsmanager:GetSecretValue"] == {
        f"arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:phoney/{stage}/credentials-??????"}
    key = next(iter(resources(stages[stage], "AWS::KMS::Key")))
    assert grants["kms:Decrypt"] == {f'<{{"Fn::GetAtt": ["{key}", "Arn"]}}>'}
    env = one(stages[stage], "AWS::Lambda::Function")["Environment"]["Variables"]
    assert env["PARAMETER_STORE_PREFIX"] == f"/phoney/{stage}" and env["SECRET_NAME"] == f"phoney/{stage}/credentials"
    assert env["USE_PARAMETER_STORE"] == env["USE_SECRETS_MANAGER"] == "true"
    assert env["ENV_STATE"] == SETTINGS[stage]["env_state"] and (stage != "prod" or env["ENV_STATE"] == "prod")
    assert env["POWERTOOLS_SERVICE_NAME"] == f"phoney-{stage}" and env["POWERTOOLS_METRICS_NAMESPACE"] == "Phoney"


@pytest.mark.parametrize("stage", STAGES)
def test_no_secret_values(stages, stage):
    assert secret_problems(stages[stage]) == []


@pytest.mark.parametrize("stage", STAGES)
def test_stage_throttling_and_cors(stages, stage):
    want = SETTINGS[stage]
    api_stage = one(stages[stage], "AWS::ApiGatewayV2::Stage")
    route = api_stage["DefaultRouteSettings"]
    assert (route["ThrottlingRateLimit"], route["ThrottlingBurstLimit"]) == (
        want["throttle_rate_per_second"], want["throttle_burst"])
    assert json.loads(api_stage["AccessLogSettings"]["Format"])["status"] == "$context.status"  # JSON access log
    cors = one(stages[stage], "AWS::ApiGatewayV2::Api").get("CorsConfiguration", {})
    assert cors.get("AllowOrigins", []) == want["cors_origins"]


@pytest.mark.parametrize("stage", STAGES)
def test_codedeploy_per_stage_and_rollback_alarms(stages, stage):
    template = stages[stage]
    group = one(template, "AWS::CodeDeploy::DeploymentGroup")
    assert group["DeploymentConfigName"] == DEPLOYMENT[SETTINGS[stage]["deployment"]]
    assert group["DeploymentGroupName"] == f"phoney-{stage}"
    assert "DEPLOYMENT_STOP_ON_ALARM" in group["AutoRollbackConfiguration"]["Events"]
    assert group["AlarmConfiguration"]["Enabled"] is True
    wired = {alarm["Name"]["Ref"] for alarm in group["AlarmConfiguration"]["Alarms"]}
    alarms = resources(template, "AWS::CloudWatch::Alarm")
    names = {alarms[ref]["Properties"]["AlarmName"] for ref in wired}
    assert names == {f"phoney-{stage}-{n}" for n in
                     ("api-5xx-rate", "api-p99-latency", "alias-errors", "alias-duration-near-timeout")}
    alias = next(iter(resources(template, "AWS::Lambda::Alias")))
    fn = next(iter(resources(template, "AWS::Lambda::Function")))
    for ref in wired:  # the function alarms watch the alias (its Resource dimension), not the whole function
        props = alarms[ref]["Properties"]
        if props.get("Namespace") == "AWS/Lambda":
            dims = {d["Name"]: text(d["Value"]) for d in props["Dimensions"]}
            assert dims["Resource"] == f"<{fn}>:live", dims
    assert "UpdatePolicy" in template["Resources"][alias]  # CloudFormation hands the alias shift to CodeDeploy


def test_prod_is_a_canary_and_dev_all_at_once(stages):
    assert one(stages["prod"], "AWS::CodeDeploy::DeploymentGroup")["DeploymentConfigName"].endswith("Canary10Percent5Minutes")
    assert one(stages["dev"], "AWS::CodeDeploy::DeploymentGroup")["DeploymentConfigName"].endswith("AllAtOnce")


@pytest.mark.parametrize("stage", STAGES)
def test_log_groups_have_retention_and_kms(stages, stage):
    template = stages[stage]
    groups = resources(template, "AWS::Logs::LogGroup")
    assert {g["Properties"]["LogGroupName"] for g in groups.values()} == {
        f"/aws/lambda/phoney-{stage}", f"/aws/apigateway/phoney-{stage}",
        f"/aws/vendedlogs/states/phoney-{stage}-export"}
    for group in groups.values():
        assert group["Properties"]["RetentionInDays"] == SETTINGS[stage]["log_retention_days"]
        assert "KmsKeyId" in group["Properties"]
    assert not resources(template, "Custom::LogRetention")
    assert len(resources(template, "AWS::Lambda::Function")) == 1  # no hidden helper functions
    fn = one(template, "AWS::Lambda::Function")
    assert fn["LoggingConfig"]["LogGroup"] == {"Ref": next(n for n, g in groups.items()
                                                           if "lambda" in g["Properties"]["LogGroupName"])}


@pytest.mark.parametrize("stage", STAGES)
def test_alarms_notify_an_encrypted_topic(stages, stage):
    template = stages[stage]
    topic_name, topic = next(iter(resources(template, "AWS::SNS::Topic").items()))
    assert "KmsMasterKeyId" in topic["Properties"]
    alarms = resources(template, "AWS::CloudWatch::Alarm")
    assert len(alarms) == 5
    for alarm in alarms.values():
        assert {"Ref": topic_name} in alarm["Properties"]["AlarmActions"]
    near_timeout = next(a["Properties"] for a in alarms.values() if a["Properties"]["AlarmName"].endswith("timeout"))
    assert near_timeout["Threshold"] == 0.8 * 1000 * SETTINGS[stage]["timeout_seconds"]


@pytest.mark.parametrize("stage", STAGES)
def test_dashboard_and_queries_follow_the_log_contract(stages, stage):
    template = stages[stage]
    body = text(one(template, "AWS::CloudWatch::Dashboard")["DashboardBody"])
    for needle in ('"Phoney","RecordsGenerated","service","phoney-' + stage, "EstimatedCostUSD", "ConcurrentExecutions",
                   "Throttles", "Errors", "@initDuration", '"AWS/ApiGateway","5xx"', '"AWS/ApiGateway","4xx"',
                   '"stat":"p99"', '"stat":"p50"', "ColdStart"):
        assert needle in body, needle
    queries = {q["Properties"]["Name"]: q["Properties"]["QueryString"]
               for q in resources(template, "AWS::Logs::QueryDefinition").values()}
    assert set(queries) == {f"phoney-{stage}/{n}" for n in
                            ("cold-starts", "errors", "slowest-requests", "records-per-template")}
    assert "@initDuration" in queries[f"phoney-{stage}/cold-starts"]
    assert "function_request_id" in queries[f"phoney-{stage}/errors"]
    assert "sort duration_ms desc" in queries[f"phoney-{stage}/slowest-requests"]
    assert "by template_id" in queries[f"phoney-{stage}/records-per-template"]


@pytest.mark.parametrize("stage", STAGES)
def test_outputs(stages, stage):
    outputs = stages[stage]["Outputs"]
    for name in ("ApiUrl", "FunctionName", "FunctionArn", "AliasArn", "AliasName", "DashboardName", "AlarmTopicArn",
                 "DeploymentGroupName", "ApplicationName", "ExportBucketName", "ExportStateMachineArn"):
        assert name in outputs, name
    assert outputs["AliasName"]["Value"] == "live"


def test_github_oidc_trust_is_narrow(cdk_out):
    role = one(load(cdk_out, "PhoneyGitHubOidc"), "AWS::IAM::Role")
    (statement,) = role["AssumeRolePolicyDocument"]["Statement"]
    assert statement["Action"] == "sts:AssumeRoleWithWebIdentity"
    conditions = statement["Condition"]
    assert conditions["StringEquals"] == {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}
    subjects = listed(conditions["StringLike"]["token.actions.githubusercontent.com:sub"])
    assert subjects and all(re.fullmatch(r"repo:[\w.-]+/[\w.-]+:(ref:refs/heads/[\w./-]+|environment:[\w-]+)", s)
                            for s in subjects), subjects


def test_image_repository(cdk_out):
    repo = one(load(cdk_out, "PhoneyImages"), "AWS::ECR::Repository")
    assert repo["ImageScanningConfiguration"] == {"ScanOnPush": True}
    rules = json.loads(repo["LifecyclePolicy"]["LifecyclePolicyText"])["rules"]
    assert any(r["selection"].get("countType") == "imageCountMoreThan" for r in rules)


def test_checkov_skips_carry_reasons(stages):
    for template in stages.values():
        for r in template["Resources"].values():
            for skip in r.get("Metadata", {}).get("checkov", {}).get("skip", []):
                assert len(skip.get("comment", "")) > 20, skip


def test_image_variant(tmp_path):
    """The container variant synthesises without Docker: an ECR image by digest, still arm64 and in limits."""
    out = _synth(tmp_path, stage="dev", image_tag="sha256:" + "0" * 64)
    template = load(out, "Phoney-dev")
    fn = one(template, "AWS::Lambda::Function")
    assert fn["PackageType"] == "Image" and "Runtime" not in fn
    assert function_problems(template, "dev") == [] and iam_problems(template) == []
    assert "@sha256:" + "0" * 64 in text(fn["Code"]["ImageUri"])
    assert not list(out.glob("asset.*"))  # no asset: nothing copied, nothing built


# ---------------------------------------------------------------- each rule can fail

def mutated(template: dict, kind: str, change) -> dict:
    broken = copy.deepcopy(template)
    for r in broken["Resources"].values():
        if r["Type"] == kind:
            change(r["Properties"])
    return broken


def test_function_rule_detects_x86_and_long_timeout(stages):
    broken = mutated(stages["prod"], "AWS::Lambda::Function",
                     lambda p: p.update(Architectures=["x86_64"], Timeout=60, Runtime="provided.al2"))
    assert len(function_problems(broken, "prod")) >= 3


def test_alias_rule_detects_a_direct_function_integration(stages):
    template = stages["dev"]
    fn = next(iter(resources(template, "AWS::Lambda::Function")))
    broken = mutated(template, "AWS::ApiGatewayV2::Integration",
                     lambda p: p.update(IntegrationUri={"Fn::GetAtt": [fn, "Arn"]}, PayloadFormatVersion="1.0"))
    assert len(alias_problems(broken)) == 2


def test_iam_rule_detects_unscoped_statements(stages):
    broken = mutated(stages["dev"], "AWS::IAM::Policy", lambda p: p["PolicyDocument"]["Statement"].append(
        {"Effect": "Allow", "Action": "ssm:GetParameter", "Resource": "*"}))
    assert any("ssm:GetParameter" in p for p in iam_problems(broken))
    broken = mutated(stages["dev"], "AWS::IAM::Policy", lambda p: p["PolicyDocument"]["Statement"].append(
        {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::x"}))
    assert iam_problems(broken)


def test_secret_rule_detects_values(stages):
    broken = mutated(stages["dev"], "AWS::Lambda::Function",
                     lambda p: p["Environment"]["Variables"].update(SECRET_KEY="x" * 40))
    assert secret_problems(broken)
    broken = mutated(stages["dev"], "AWS::SecretsManager::Secret",
                     lambda p: p.update(SecretString='{"SECRET_KEY":"hunter2hunter2"}'))
    assert secret_problems(broken)


def _report(suppressed: list[dict], violations=()) -> dict:
    return {"pluginReports": [{"pluginName": "AwsSolutions", "violations": list(violations),
                               "suppressedViolations": suppressed}]}


def test_nag_allowlist_detects_new_unprefixed_and_stale(tmp_path, capsys):
    allow = tmp_path / "allow.json"
    reason = "A reason long enough to count as one."
    allow.write_text(json.dumps({"acknowledgements": [
        {"at": "Phoney-{stage}/X/Resource", "id": "AwsSolutions::AwsSolutions-SMG4", "reason": reason}]}))
    ack = {"acknowledgedId": "AwsSolutions::AwsSolutions-SMG4", "reason": reason,
           "violatingConstructs": [{"constructPath": "Phoney-prod/X/Resource"}]}
    report = tmp_path / "report.json"
    cases = {
        0: _report([ack]),
        1: _report([ack, {**ack, "acknowledgedId": "AwsSolutions-IAM5"}]),  # unprefixed and new
    }
    for expected, content in cases.items():
        report.write_text(json.dumps(content))
        assert nag_allowlist.main(["x", str(report), str(allow)]) == expected
    report.write_text(json.dumps(_report([])))  # stale allow-list entry
    assert nag_allowlist.main(["x", str(report), str(allow)]) == 1
    report.write_text(json.dumps(_report([ack], [{"ruleName": "AwsSolutions-L1",
                                                  "violatingConstructs": [{"constructPath": "Phoney-dev/F"}]}])))
    assert nag_allowlist.main(["x", str(report), str(allow)]) == 1
    assert "unacknowledged AwsSolutions-L1" in capsys.readouterr().out


def test_committed_allowlist_has_full_ids_and_reasons():
    entries = json.loads((AWS_DIR / "nag-acknowledgements.json").read_text())["acknowledgements"]
    assert entries
    for entry in entries:
        assert re.match(r"(AwsSolutions::AwsSolutions|Serverless::Serverless)-", entry["id"]), entry
        assert len(entry["reason"]) > 30, entry


def test_optional_features(tmp_path):
    """JWT authorizer on /api/v1, custom domain, e-mail subscription and ignore_alarms, all from context."""
    out = _synth(tmp_path, stage="prod", jwt_issuer="https://issuer.example.com/", jwt_audience="phoney,phoney-cli",
                 domain_name="api.example.com", alarm_email="ops@example.com", ignore_alarms="true",
                 certificate_arn="arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000")
    template = load(out, "Phoney-prod")
    authorizer = one(template, "AWS::ApiGatewayV2::Authorizer")
    assert authorizer["AuthorizerType"] == "JWT"
    assert authorizer["JwtConfiguration"] == {"Issuer": "https://issuer.example.com/",
                                              "Audience": ["phoney", "phoney-cli"]}
    routes = {r["Properties"]["RouteKey"]: r["Properties"] for r in
              resources(template, "AWS::ApiGatewayV2::Route").values()}
    assert routes["ANY /api/v1/{proxy+}"]["AuthorizationType"] == "JWT"
    assert routes["$default"].get("AuthorizationType", "NONE") == "NONE"
    assert one(template, "AWS::ApiGatewayV2::DomainName")["DomainName"] == "api.example.com"
    assert resources(template, "AWS::ApiGatewayV2::ApiMapping")
    assert one(template, "AWS::SNS::Subscription")["Endpoint"] == "ops@example.com"
    assert one(template, "AWS::CodeDeploy::DeploymentGroup")["AlarmConfiguration"]["Enabled"] is False
    assert template["Outputs"]["ApiUrl"]["Value"] == "https://api.example.com/"
    assert alias_problems(template) == [] and iam_problems(template) == []
    # The optional path's acknowledgements are reviewed too: they must be in the committed allow-list.
    assert nag_allowlist.main(["x", str(out / "validation-report.json"), str(AWS_DIR / "nag-acknowledgements.json")]) == 0


def test_memory_sizes_come_from_the_memory_report():
    """Each stage's memory is the one the Lambda memory and cost report recommends (Benchmarks/memory-report.md):
    a new report changes the stack, and a hand-edited size that drifts from the report fails here."""
    repository = Path(__file__).resolve().parents[3]
    recommendation = json.loads((repository / "Benchmarks" / "memory-recommendation.json").read_text())
    stages = load_stages()
    for stage in STAGES:
        assert stages[stage]["memory_mb"] == recommendation[stage], (
            f"{stage}: stages.json has {stages[stage]['memory_mb']} MB, the memory report recommends "
            f"{recommendation[stage]} MB")
