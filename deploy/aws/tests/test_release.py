"""The release steps (scripts/release.py) and the scripts around them, against a moto server on loopback.

The real scripts run as subprocesses (scripts/rollback.sh, scripts/release.py, scripts/deploy.sh) with
AWS_ENDPOINT_URL pointing at `python -m moto.server` on 127.0.0.1, so every boto3 call they make goes to moto and
nothing can reach AWS. moto serves Lambda versions and (weighted) aliases, CodeDeploy applications, groups and
deployments (which stay `Created`: it has no deployment engine) and CloudFormation stacks with literal outputs; it does
not serve CodeDeploy StopDeployment (it answers 500), which is how the "deployment under way" refusal is exercised.

Run: python3 -m pytest deploy/aws/tests/test_release.py (scripts/check-release.sh does, with moto installed).
"""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

if os.environ.get("PHONEY_RELEASE_TESTS_REQUIRE_MOTO"):
    import boto3
    import moto  # noqa: F401
else:  # another suite's virtualenv without moto skips this file instead of failing it
    boto3 = pytest.importorskip("boto3")
    pytest.importorskip("moto")
    pytest.importorskip("flask")  # moto.server's dependency

REPO = Path(__file__).resolve().parents[3]
SCRIPTS = REPO / "scripts"
REGION = "eu-west-1"
ROLE_POLICY = json.dumps({"Version": "2012-10-17", "Statement": []})


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def moto_endpoint():
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=1)
                break
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError("moto.server exited") from None
                time.sleep(0.1)
        else:
            raise RuntimeError("moto.server did not start")
        yield endpoint
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture()
def env(moto_endpoint, tmp_path):
    """An environment that reaches only the moto server: fake keys, no profile files, no instance metadata."""
    urllib.request.urlopen(urllib.request.Request(f"{moto_endpoint}/moto-api/reset", method="POST"), timeout=5)
    clean = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    clean.update(
        AWS_ENDPOINT_URL=moto_endpoint,
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_REGION=REGION,
        AWS_DEFAULT_REGION=REGION,
        AWS_CONFIG_FILE=str(tmp_path / "no-config"),
        AWS_SHARED_CREDENTIALS_FILE=str(tmp_path / "no-credentials"),
        AWS_EC2_METADATA_DISABLED="true",
        PHONEY_RELEASE_MAX_ATTEMPTS="1",
        PHONEY_PYTHON=sys.executable,
    )
    return clean


def clients(env):
    session = boto3.session.Session(
        aws_access_key_id="testing", aws_secret_access_key="testing", region_name=REGION
    )
    endpoint = env["AWS_ENDPOINT_URL"]
    return {name: session.client(name, endpoint_url=endpoint) for name in ("lambda", "codedeploy", "cloudformation", "iam")}


def code(marker: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("bootstrap", f"#!/bin/sh\n# {marker}\n")
    return buffer.getvalue()


def make_stage(env, stage="dev", versions=2, alias_version="2", weights=None, codedeploy=True, stack=True):
    """A function phoney-<stage>-api with `versions` published versions, `live` on `alias_version` (optionally
    weighted), a CodeDeploy application and group, and a stub stack Phoney-<stage> with the CDK stack's outputs."""
    aws = clients(env)
    role = aws["iam"].create_role(RoleName=f"phoney-{stage}-fn", AssumeRolePolicyDocument=ROLE_POLICY)["Role"]["Arn"]
    name = f"phoney-{stage}-api"
    fn = aws["lambda"].create_function(
        FunctionName=name, Runtime="provided.al2023", Role=role, Handler="bootstrap",
        Code={"ZipFile": code("v1")}, Architectures=["arm64"],
    )
    aws["lambda"].publish_version(FunctionName=name)
    for number in range(2, versions + 1):
        aws["lambda"].update_function_code(FunctionName=name, ZipFile=code(f"v{number}"))
        aws["lambda"].publish_version(FunctionName=name)
    routing = {"AdditionalVersionWeights": weights} if weights else {}
    alias = aws["lambda"].create_alias(FunctionName=name, Name="live", FunctionVersion=alias_version, RoutingConfig=routing)
    outputs = {
        "FunctionName": name,
        "FunctionArn": fn["FunctionArn"],
        "AliasName": "live",
        "AliasArn": alias["AliasArn"],
        "ApiUrl": f"https://api-{stage}.example.invalid",
    }
    if codedeploy:
        aws["codedeploy"].create_application(applicationName=f"phoney-{stage}", computePlatform="Lambda")
        aws["codedeploy"].create_deployment_group(
            applicationName=f"phoney-{stage}", deploymentGroupName=f"phoney-{stage}", serviceRoleArn=role,
            deploymentConfigName="CodeDeployDefault.LambdaCanary10Percent5Minutes",
            deploymentStyle={"deploymentType": "BLUE_GREEN", "deploymentOption": "WITH_TRAFFIC_CONTROL"},
        )
        outputs["ApplicationName"] = f"phoney-{stage}"
        outputs["DeploymentGroupName"] = f"phoney-{stage}"
    if stack:
        template = {
            "Resources": {"Placeholder": {"Type": "AWS::CloudFormation::WaitConditionHandle"}},
            "Outputs": {key: {"Value": value} for key, value in outputs.items()},
        }
        aws["cloudformation"].create_stack(StackName=f"Phoney-{stage}", TemplateBody=json.dumps(template))
    return aws, name


def start_canary(aws, stage, name, current, target):
    """What CodeDeploy leaves mid-canary: the alias weighted and a deployment not yet finished."""
    aws["lambda"].update_alias(
        FunctionName=name, Name="live", FunctionVersion=current,
        RoutingConfig={"AdditionalVersionWeights": {target: 0.1}},
    )
    appspec = {"version": 0.0, "Resources": [{"fn": {"Type": "AWS::Lambda::Function", "Properties": {
        "Name": name, "Alias": "live", "CurrentVersion": current, "TargetVersion": target}}}]}
    return aws["codedeploy"].create_deployment(
        applicationName=f"phoney-{stage}", deploymentGroupName=f"phoney-{stage}",
        revision={"revisionType": "AppSpecContent", "appSpecContent": {"content": json.dumps(appspec)}},
    )["deploymentId"]


def run(env, *args, timeout=120):
    result = subprocess.run(
        [str(a) for a in args], env=env, cwd=REPO, capture_output=True, text=True, timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    result.output = result.stdout + result.stderr
    return result


def alias_of(aws, name):
    alias = aws["lambda"].get_alias(FunctionName=name, Name="live")
    return alias["FunctionVersion"], (alias.get("RoutingConfig") or {}).get("AdditionalVersionWeights") or {}


# ---------------------------------------------------------------------------------------------------------------------
# rollback.sh


def test_rollback_to_the_previous_version(env):
    aws, name = make_stage(env, versions=2, alias_version="2")
    result = run(env, SCRIPTS / "rollback.sh", "dev")
    assert result.returncode == 0, result.output
    assert alias_of(aws, name) == ("1", {})
    # It says what it did: function ARN, version, alias target, URL.
    assert f"function:{name}" in result.stdout
    assert "version      1 " in result.stdout
    assert "live -> version 1 (100%)" in result.stdout
    assert "https://api-dev.example.invalid" in result.stdout


def test_rollback_to_a_given_version(env):
    aws, name = make_stage(env, versions=3, alias_version="3")
    result = run(env, SCRIPTS / "rollback.sh", "dev", "1")
    assert result.returncode == 0, result.output
    assert alias_of(aws, name) == ("1", {})


def test_rollback_mid_canary_removes_the_new_versions_weight(env):
    aws, name = make_stage(env, versions=2, alias_version="1", weights={"2": 0.1})
    assert alias_of(aws, name) == ("1", {"2": 0.1})
    result = run(env, SCRIPTS / "rollback.sh", "dev")
    assert result.returncode == 0, result.output
    assert "mid-shift" in result.stdout
    assert alias_of(aws, name) == ("1", {})


def test_rollback_refuses_a_version_that_does_not_exist(env):
    aws, name = make_stage(env, versions=2, alias_version="2")
    result = run(env, SCRIPTS / "rollback.sh", "dev", "7")
    assert result.returncode == 2, result.output
    assert "version 7" in result.stderr and "does not exist" in result.stderr
    assert "published versions: 1, 2" in result.stderr
    assert alias_of(aws, name) == ("2", {})


def test_rollback_refuses_what_is_not_a_version_number(env):
    aws, name = make_stage(env)
    for bad in ("$LATEST", "0", "two", "-1x"):
        result = run(env, SCRIPTS / "rollback.sh", "dev", bad)
        assert result.returncode == 2, (bad, result.output)
    assert alias_of(aws, name) == ("2", {})


def test_rollback_refuses_when_there_is_no_earlier_version(env):
    aws, name = make_stage(env, versions=1, alias_version="1")
    result = run(env, SCRIPTS / "rollback.sh", "dev")
    assert result.returncode == 2, result.output
    assert "no version before 1" in result.stderr
    assert alias_of(aws, name) == ("1", {})


def test_rollback_with_a_deployment_under_way_that_cannot_be_stopped_changes_nothing(env):
    aws, name = make_stage(env, versions=2, alias_version="1")
    deployment = start_canary(aws, "dev", name, "1", "2")
    result = run(env, SCRIPTS / "rollback.sh", "dev")
    assert result.returncode == 3, result.output
    assert deployment in result.stdout  # it names the deployment under way
    assert f"stop-deployment {deployment} failed" in result.stderr
    assert "Nothing was changed" in result.stderr
    assert alias_of(aws, name) == ("1", {"2": 0.1})


def test_rollback_refuses_a_missing_version_before_touching_a_running_deployment(env):
    aws, name = make_stage(env, versions=2, alias_version="1")
    start_canary(aws, "dev", name, "1", "2")
    result = run(env, SCRIPTS / "rollback.sh", "dev", "5", "--force")
    assert result.returncode == 2, result.output
    assert "version 5" in result.stderr and "does not exist" in result.stderr
    assert "stop-deployment" not in result.output
    assert alias_of(aws, name) == ("1", {"2": 0.1})


def test_rollback_force_moves_the_alias_and_warns(env):
    aws, name = make_stage(env, versions=2, alias_version="1")
    start_canary(aws, "dev", name, "1", "2")
    result = run(env, SCRIPTS / "rollback.sh", "dev", "--force")
    assert result.returncode == 0, result.output
    assert "WARNING" in result.stderr and "--force" in result.stderr
    assert alias_of(aws, name) == ("1", {})


def test_rollback_finds_the_stage_by_its_stack(env):
    make_stage(env, stage="prod", versions=2, alias_version="2")
    result = run(env, SCRIPTS / "rollback.sh", "staging")
    assert result.returncode == 2, result.output
    assert "stack Phoney-staging does not exist" in result.stderr
    result = run(env, SCRIPTS / "rollback.sh", "prod")
    assert result.returncode == 0, result.output


def test_rollback_error_paths(env):
    result = run(env, SCRIPTS / "rollback.sh", "qa")
    assert result.returncode == 2 and "unknown stage 'qa'" in result.stderr
    result = run(env, SCRIPTS / "rollback.sh")
    assert result.returncode == 2 and "STAGE is required" in result.stderr
    make_stage(env)
    no_keys = {k: v for k, v in env.items() if k not in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")}
    result = run(no_keys, SCRIPTS / "rollback.sh", "dev")
    assert result.returncode == 2 and "no AWS credentials" in result.stderr, result.output


# ---------------------------------------------------------------------------------------------------------------------
# release.py release / status


def test_release_publishes_and_starts_a_codedeploy_deployment(env):
    """Terraform-style: the function has new code and live is on the old version; release publishes version 2 and
    asks CodeDeploy to move live from 1 to 2 (moto never runs it, so the wait ends in its timeout, exit 4)."""
    aws, name = make_stage(env, versions=1, alias_version="1")
    aws["lambda"].update_function_code(FunctionName=name, ZipFile=code("v2"))
    result = run(env, sys.executable, SCRIPTS / "release.py", "release", "--stage", "dev",
                 "--wait-timeout", "1", "--poll", "0.2", "--description", "test release")
    assert result.returncode == 4, result.output
    assert "published version 2" in result.stdout
    assert "still Created" in result.stderr
    versions = [v["Version"] for v in aws["lambda"].list_versions_by_function(FunctionName=name)["Versions"]]
    assert versions == ["$LATEST", "1", "2"]
    ids = aws["codedeploy"].list_deployments(applicationName="phoney-dev", deploymentGroupName="phoney-dev")["deployments"]
    assert len(ids) == 1
    info = aws["codedeploy"].get_deployment(deploymentId=ids[0])["deploymentInfo"]
    appspec = json.loads(info["revision"]["appSpecContent"]["content"])
    properties = appspec["Resources"][0]["phoney"]["Properties"]
    assert properties == {"Name": name, "Alias": "live", "CurrentVersion": "1", "TargetVersion": "2"}
    assert alias_of(aws, name) == ("1", {})  # CodeDeploy, not the script, moves it


def test_release_ignore_alarms_is_sent_with_the_deployment(env):
    aws, name = make_stage(env, versions=1, alias_version="1")
    aws["lambda"].update_function_code(FunctionName=name, ZipFile=code("v2"))
    result = run(env, sys.executable, SCRIPTS / "release.py", "release", "--stage", "dev", "--ignore-alarms",
                 "--wait-timeout", "1", "--poll", "0.2")
    assert result.returncode == 4, result.output  # moto accepted the request; its deployment never runs
    assert "--ignore-alarms" in result.stderr and "does not stop or roll back" in result.stderr
    assert "CodeDeploy deployment" in result.stdout


def test_release_after_cloudformation_moved_the_alias_only_reports(env):
    """CDK-style: cdk deploy published version 2 and CloudFormation moved live through CodeDeploy."""
    aws, name = make_stage(env, versions=2, alias_version="2")
    result = run(env, sys.executable, SCRIPTS / "release.py", "release", "--stage", "dev", "--poll", "0.2")
    assert result.returncode == 0, result.output
    assert "already published version 2" in result.stdout
    assert "already points at version 2" in result.stdout
    assert aws["codedeploy"].list_deployments(
        applicationName="phoney-dev", deploymentGroupName="phoney-dev")["deployments"] == []
    assert [v["Version"] for v in aws["lambda"].list_versions_by_function(FunctionName=name)["Versions"]] == [
        "$LATEST", "1", "2"]


def test_release_waits_for_a_deployment_already_under_way(env):
    aws, name = make_stage(env, versions=2, alias_version="1")
    deployment = start_canary(aws, "dev", name, "1", "2")
    result = run(env, sys.executable, SCRIPTS / "release.py", "release", "--stage", "dev",
                 "--wait-timeout", "1", "--poll", "0.2")
    assert result.returncode == 4, result.output
    assert f"waiting for the deployment already under way: {deployment}" in result.stdout
    assert "version 1 -> 2" in result.stdout


def test_release_without_codedeploy_moves_the_alias_at_once(env):
    aws, name = make_stage(env, versions=1, alias_version="1", codedeploy=False, stack=False)
    aws["lambda"].update_function_code(FunctionName=name, ZipFile=code("v2"))
    result = run(env, sys.executable, SCRIPTS / "release.py", "release", "--stage", "dev", "--function", name,
                 "--url", "http://127.0.0.1:9")
    assert result.returncode == 0, result.output
    assert "no CodeDeploy deployment group" in result.stdout
    assert alias_of(aws, name) == ("2", {})


def test_status_reports_alias_deployment_and_url(env):
    aws, name = make_stage(env, versions=2, alias_version="1")
    deployment = start_canary(aws, "dev", name, "1", "2")
    result = run(env, sys.executable, SCRIPTS / "release.py", "status", "--stage", "dev")
    assert result.returncode == 0, result.output
    assert "version 1 (90%), version 2 (10%)" in result.stdout
    assert f"deployment   {deployment} Created" in result.stdout
    assert "https://api-dev.example.invalid" in result.stdout


# ---------------------------------------------------------------------------------------------------------------------
# deploy.sh: refused before anything changes


def fake_zip(path: Path, machine: int, executable: bool = True) -> Path:
    header = b"\x7fELF\x02\x01\x01" + bytes(9) + (2).to_bytes(2, "little") + machine.to_bytes(2, "little")
    info = zipfile.ZipInfo("bootstrap")
    info.create_system = 3
    info.external_attr = (0o755 if executable else 0o644) << 16
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(info, header + bytes(64))
    return path


def test_deploy_refuses_an_unknown_stage(env):
    result = run(env, SCRIPTS / "deploy.sh", "qa", "--dry-run")
    assert result.returncode == 2 and "unknown stage 'qa'" in result.stderr, result.output
    result = run(env, SCRIPTS / "deploy.sh")
    assert result.returncode == 2 and "STAGE is required" in result.stderr, result.output


def test_deploy_refuses_a_missing_zip(env, tmp_path):
    for dry in ([], ["--dry-run"]):
        result = run(env, SCRIPTS / "deploy.sh", "dev", *dry, "--zip", tmp_path / "nope.zip")
        assert result.returncode == 2, result.output
        assert "no zip at" in result.stderr and "nope.zip" in result.stderr
        assert "step 1" not in result.stdout


def test_deploy_refuses_a_zip_without_an_executable_bootstrap(env, tmp_path):
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("README", "no bootstrap")
    result = run(env, SCRIPTS / "deploy.sh", "dev", "--dry-run", "--zip", empty)
    assert result.returncode == 2 and "no bootstrap at its root" in result.stderr, result.output
    mode = fake_zip(tmp_path / "mode.zip", 0xB7, executable=False)
    result = run(env, SCRIPTS / "deploy.sh", "dev", "--dry-run", "--zip", mode)
    assert result.returncode == 2 and "not executable" in result.stderr, result.output


def test_deploy_refuses_a_zip_that_is_not_arm64(env, tmp_path):
    x86 = fake_zip(tmp_path / "x86.zip", 0x3E)
    result = run(env, SCRIPTS / "deploy.sh", "prod", "--zip", x86)
    assert result.returncode == 2, result.output
    assert "x86_64 bootstrap" in result.stderr and "arm64" in result.stderr
    assert "step 1" not in result.stdout


def test_deploy_refuses_missing_credentials(env, tmp_path):
    arm = fake_zip(tmp_path / "arm.zip", 0xB7)
    no_keys = {k: v for k, v in env.items() if k not in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")}
    result = run(no_keys, SCRIPTS / "deploy.sh", "dev", "--zip", arm)
    assert result.returncode == 2, result.output
    assert "no AWS credentials" in result.stderr and "nothing was changed" in result.stderr
    assert "step 1" not in result.stdout
    no_region = {k: v for k, v in env.items() if k not in ("AWS_REGION", "AWS_DEFAULT_REGION")}
    result = run(no_region, SCRIPTS / "deploy.sh", "dev", "--zip", arm)
    assert result.returncode == 2 and "no AWS region" in result.stderr, result.output


# ---------------------------------------------------------------------------------------------------------------------
# release.py helpers, in process


def load_release():
    import importlib.util

    spec = importlib.util.spec_from_file_location("phoney_release", SCRIPTS / "release.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_appspec_versions_reads_json_and_yaml():
    release = load_release()
    as_json = {"revision": {"appSpecContent": {"content": json.dumps({"Resources": [{"f": {"Properties": {
        "Name": "f", "Alias": "live", "CurrentVersion": "4", "TargetVersion": "5"}}}]})}}}
    assert release.appspec_versions(as_json) == ("4", "5")
    as_yaml = {"revision": {"string": {"content": "Resources:\n- f:\n    Properties:\n      CurrentVersion: 7\n"
                                                  "      TargetVersion: '8'\n"}}}
    assert release.appspec_versions(as_yaml) == ("7", "8")
    assert release.appspec_versions({}) == (None, None)


def test_plan_reads_a_synthesised_template(tmp_path):
    release = load_release()
    template = {"Resources": {
        "Fn": {"Type": "AWS::Lambda::Function", "Properties": {
            "Handler": "bootstrap", "Runtime": "provided.al2023", "Architectures": ["arm64"]}},
        "Ver": {"Type": "AWS::Lambda::Version", "Properties": {}},
        "Live": {"Type": "AWS::Lambda::Alias", "Properties": {"Name": "live"},
                 "UpdatePolicy": {"CodeDeployLambdaAliasUpdate": {"ApplicationName": "a"}}},
        "Group": {"Type": "AWS::CodeDeploy::DeploymentGroup", "Properties": {
            "DeploymentConfigName": "CodeDeployDefault.LambdaCanary10Percent5Minutes"}},
    }}
    path = tmp_path / "t.json"
    path.write_text(json.dumps(template))
    assert release.main(["plan", "--stage", "prod", "--template", str(path)]) == 0
    template["Resources"]["Fn"]["Properties"]["Architectures"] = ["x86_64"]
    template["Resources"]["Group"]["Properties"]["DeploymentConfigName"] = "CodeDeployDefault.LambdaAllAtOnce"
    path.write_text(json.dumps(template))
    assert release.main(["plan", "--stage", "prod", "--template", str(path)]) == 2
