#!/usr/bin/env python3
"""The release steps of Phoney on AWS Lambda, shared by scripts/deploy.sh and scripts/rollback.sh.

    release.py credentials [--verify]           are there AWS credentials and a region (--verify: sts get-caller-identity)
    release.py status   --stage S               what `live` points at, the latest CodeDeploy deployment, the alarms
    release.py release  --stage S               publish a version of $LATEST and move `live` to it through CodeDeploy
    release.py rollback --stage S [--version V] point `live` back to the previous (or the given) version
    release.py plan     --stage S --template T  offline: what a release of this synthesised template would do
    release.py url      --stage S               the stage's API URL (stack output ApiUrl)
    release.py inspect-zip PATH                 offline: is this a Lambda zip with an executable ELF bootstrap; its arch

The function, alias, CodeDeploy application and deployment group come from the outputs of the CloudFormation stack
`Phoney-<stage>` (FunctionName, FunctionArn, AliasArn, ApplicationName, DeploymentGroupName, ApiUrl); --function, --alias, --application,
--deployment-group and --url override them (for the Terraform module, whose outputs have other names).

`release` is idempotent. When `cdk deploy` has already published the version and CloudFormation has moved the alias
through CodeDeploy (the CDK stack's update policy), it finds `live` on the new version and only reports. When the alias
is still on an older version (the Terraform module, where CodeDeploy owns the alias, or a stack that does not shift
it), it creates the CodeDeploy deployment itself with an AppSpec (current -> target version) and waits for it, so the
deployment group's traffic-shifting config (canary in prod, all at once in dev) and its alarms apply either way.

Exit codes: 0 done; 1 an AWS call or the environment failed; 2 refused (unknown stage, missing version, nothing to roll
back to, no credentials); 3 a CodeDeploy deployment is in progress and could not be stopped (rollback without
--force); 4 the deployment failed, was stopped or rolled back, or did not finish within --wait-timeout.

All AWS access goes through boto3, so AWS_ENDPOINT_URL (a moto server in the tests) redirects every call.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from dataclasses import dataclass, field
from typing import Any

STAGES = ("dev", "staging", "prod")
DEFAULT_ALIAS = "live"
ACTIVE_STATUSES = ["Created", "Queued", "InProgress", "Baking", "Ready"]
FAILED_STATUSES = ("Failed", "Stopped")


class ReleaseError(Exception):
    """A failure with a message for the operator and an exit code."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def say(message: str = "") -> None:
    print(f"release: {message}" if message else "", flush=True)


def warn(message: str) -> None:
    print(f"release: WARNING: {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------------------------------
# AWS session


def session(region: str | None):
    try:
        import boto3
    except ImportError as error:  # pragma: no cover - the scripts install boto3 first
        raise ReleaseError(f"boto3 is not installed ({error}); `python3 -m pip install boto3`") from error
    # botocore reads AWS_DEFAULT_REGION and profiles; AWS_REGION (what Lambda, the CDK CLI and GitHub's
    # configure-aws-credentials set) only in newer releases, so it is passed on explicitly.
    region = region or os.environ.get("AWS_REGION") or None
    return boto3.session.Session(region_name=region) if region else boto3.session.Session()


def client(sess, service: str):
    from botocore.config import Config

    config = Config(
        retries={"mode": "standard", "max_attempts": int(os.environ.get("PHONEY_RELEASE_MAX_ATTEMPTS", "3"))},
        connect_timeout=5,
        read_timeout=60,
    )
    return sess.client(service, config=config)


def error_code(error: Exception) -> str:
    response = getattr(error, "response", None) or {}
    return str(response.get("Error", {}).get("Code", type(error).__name__))


def check_credentials(sess, verify: bool) -> dict[str, str]:
    """Offline check that credentials and a region resolve; with verify, one sts:GetCallerIdentity call."""
    if not sess.region_name:
        raise ReleaseError("no AWS region: set AWS_REGION (or AWS_DEFAULT_REGION, or a profile's region)", 2)
    try:
        credentials = sess.get_credentials()
    except Exception as error:  # a broken profile or credential_process
        raise ReleaseError(f"AWS credentials could not be loaded: {error}", 2) from error
    if credentials is None:
        raise ReleaseError(
            "no AWS credentials: set AWS_PROFILE (after `aws sso login`), or AWS_ACCESS_KEY_ID and "
            "AWS_SECRET_ACCESS_KEY, or run in GitHub Actions after aws-actions/configure-aws-credentials",
            2,
        )
    info = {"region": sess.region_name, "method": getattr(credentials, "method", "unknown")}
    if verify:
        try:
            identity = client(sess, "sts").get_caller_identity()
        except Exception as error:
            raise ReleaseError(f"the AWS credentials do not work ({error_code(error)}): {error}", 2) from error
        info["account"] = identity["Account"]
        info["arn"] = identity["Arn"]
    return info


# --------------------------------------------------------------------------------------------------------------------
# What is being released


@dataclass
class Target:
    stage: str
    stack: str
    function_name: str
    alias: str
    function_arn: str = ""
    url: str = ""
    application: str | None = None
    deployment_group: str | None = None
    outputs: dict[str, str] = field(default_factory=dict)


def stack_outputs(sess, stack: str) -> dict[str, str]:
    cfn = client(sess, "cloudformation")
    try:
        stacks = cfn.describe_stacks(StackName=stack)["Stacks"]
    except Exception as error:
        if "does not exist" in str(error):
            raise ReleaseError(
                f"stack {stack} does not exist in {sess.region_name}: deploy it first (scripts/deploy.sh STAGE)", 2
            ) from error
        raise ReleaseError(f"describe-stacks {stack} failed ({error_code(error)}): {error}") from error
    return {o["OutputKey"]: o["OutputValue"] for o in stacks[0].get("Outputs", [])}


def find_application(sess, deployment_group: str) -> str | None:
    """The CodeDeploy application holding `deployment_group` (the CDK stack outputs only the group's name)."""
    codedeploy = client(sess, "codedeploy")
    names: list[str] = []
    for page in codedeploy.get_paginator("list_applications").paginate():
        names.extend(page.get("applications", []))
    # Phoney's applications first, to keep the number of calls small in a busy account.
    names.sort(key=lambda name: (not name.lower().startswith("phoney"), name))
    for name in names:
        groups: list[str] = []
        for page in codedeploy.get_paginator("list_deployment_groups").paginate(applicationName=name):
            groups.extend(page.get("deploymentGroups", []))
        if deployment_group in groups:
            return name
    return None


def resolve(sess, args) -> Target:
    stage = args.stage
    if stage not in STAGES:
        raise ReleaseError(f"unknown stage '{stage}' (one of {', '.join(STAGES)})", 2)
    stack = args.stack or f"Phoney-{stage}"
    outputs: dict[str, str] = {}
    if not args.function:
        outputs = stack_outputs(sess, stack)
        if "FunctionName" not in outputs:
            raise ReleaseError(f"stack {stack} has no FunctionName output (outputs: {', '.join(sorted(outputs))})")
    alias = args.alias or outputs.get("AliasArn", "").rsplit(":", 1)[-1] or DEFAULT_ALIAS
    target = Target(
        stage=stage,
        stack=stack,
        function_name=args.function or outputs["FunctionName"],
        alias=alias,
        function_arn=outputs.get("FunctionArn", ""),
        url=args.url or outputs.get("ApiUrl", ""),
        deployment_group=args.deployment_group or outputs.get("DeploymentGroupName") or None,
        application=args.application or outputs.get("ApplicationName") or None,
        outputs=outputs,
    )
    if target.deployment_group and not target.application:
        target.application = find_application(sess, target.deployment_group)
        if not target.application:
            raise ReleaseError(f"no CodeDeploy application holds the deployment group {target.deployment_group}")
    if not target.function_arn:
        lam = client(sess, "lambda")
        target.function_arn = lam.get_function_configuration(FunctionName=target.function_name)["FunctionArn"]
    return target


# --------------------------------------------------------------------------------------------------------------------
# Lambda and CodeDeploy state


def get_alias(lam, target: Target) -> dict[str, Any]:
    try:
        return lam.get_alias(FunctionName=target.function_name, Name=target.alias)
    except Exception as error:
        raise ReleaseError(
            f"alias {target.alias} of {target.function_name} could not be read ({error_code(error)}): {error}"
        ) from error


def weights(alias: dict[str, Any]) -> dict[str, float]:
    return dict((alias.get("RoutingConfig") or {}).get("AdditionalVersionWeights") or {})


def describe_alias(alias: dict[str, Any]) -> str:
    primary = alias["FunctionVersion"]
    extra = weights(alias)
    if not extra:
        return f"{alias['Name']} -> version {primary} (100%)"
    share = 1.0 - sum(extra.values())
    parts = [f"version {primary} ({share:.0%})"] + [f"version {v} ({w:.0%})" for v, w in sorted(extra.items())]
    return f"{alias['Name']} -> " + ", ".join(parts) + "  [weighted: a traffic shift is under way or was interrupted]"


def published_versions(lam, function_name: str) -> list[dict[str, Any]]:
    versions: list[dict[str, Any]] = []
    for page in lam.get_paginator("list_versions_by_function").paginate(FunctionName=function_name):
        versions.extend(v for v in page["Versions"] if v["Version"] != "$LATEST")
    versions.sort(key=lambda v: int(v["Version"]))
    return versions


def deployments(
    codedeploy, target: Target, statuses: list[str] | None = None, limit: int = 20
) -> list[dict[str, Any]]:
    """Deployments of the target's group, newest first (at most `limit`, read one by one with GetDeployment, which the
    GitHub deploy role may call; BatchGetDeployments it may not)."""
    if not target.deployment_group:
        return []
    ids: list[str] = []
    kwargs: dict[str, Any] = {"applicationName": target.application, "deploymentGroupName": target.deployment_group}
    if statuses:
        kwargs["includeOnlyStatuses"] = statuses
    for page in codedeploy.get_paginator("list_deployments").paginate(**kwargs):
        ids.extend(page.get("deployments", []))
    # ListDeployments answers newest first; the sort below does not rely on it.
    infos = [codedeploy.get_deployment(deploymentId=i)["deploymentInfo"] for i in ids[:limit]]
    infos.sort(key=lambda d: d.get("createTime") or 0, reverse=True)
    return infos


def appspec_versions(deployment: dict[str, Any]) -> tuple[str | None, str | None]:
    """CurrentVersion and TargetVersion from a Lambda deployment's AppSpec (JSON or YAML)."""
    revision = deployment.get("revision") or {}
    content = (revision.get("appSpecContent") or {}).get("content") or (revision.get("string") or {}).get("content")
    if not content:
        return None, None
    current = re.search(r"CurrentVersion\"?\s*:\s*[\"']?(\d+)", content)
    target = re.search(r"TargetVersion\"?\s*:\s*[\"']?(\d+)", content)
    return (current.group(1) if current else None, target.group(1) if target else None)


def describe_deployment(deployment: dict[str, Any]) -> str:
    current, target = appspec_versions(deployment)
    moving = f", version {current} -> {target}" if current or target else ""
    text = f"{deployment['deploymentId']} {deployment.get('status')} ({deployment.get('deploymentConfigName', '?')}{moving})"
    info = deployment.get("errorInformation") or {}
    if info.get("message"):
        text += f": {info.get('code', '')} {info['message']}"
    rollback = deployment.get("rollbackInfo") or {}
    if rollback.get("rollbackMessage"):
        text += f"; rollback: {rollback['rollbackMessage']}"
    return text


def alarm_states(sess, codedeploy, target: Target) -> list[tuple[str, str]]:
    if not target.deployment_group:
        return []
    group = codedeploy.get_deployment_group(
        applicationName=target.application, deploymentGroupName=target.deployment_group
    )["deploymentGroupInfo"]
    names = [a["name"] for a in (group.get("alarmConfiguration") or {}).get("alarms", [])]
    if not names:
        return []
    states: list[tuple[str, str]] = []
    cloudwatch = client(sess, "cloudwatch")
    for start in range(0, len(names), 100):
        for alarm in cloudwatch.describe_alarms(AlarmNames=names[start : start + 100]).get("MetricAlarms", []):
            states.append((alarm["AlarmName"], alarm["StateValue"]))
    return states


def report(sess, target: Target, version: dict[str, Any] | None = None, deployment: dict[str, Any] | None = None):
    """The summary every command ends with: function ARN, version, alias target, URL."""
    lam = client(sess, "lambda")
    alias = get_alias(lam, target)
    say("")
    say(f"stage        {target.stage} (stack {target.stack})")
    say(f"function     {target.function_arn}")
    if version:
        say(
            f"version      {version['Version']} (code sha256 {version.get('CodeSha256', '?')}, "
            f"{', '.join(version.get('Architectures', ['?']))})"
        )
    say(f"alias        {describe_alias(alias)}")
    say(f"alias arn    {alias['AliasArn']}")
    if deployment:
        say(f"deployment   {describe_deployment(deployment)}")
    say(f"url          {target.url or '(no ApiUrl output)'}")
    return alias


# --------------------------------------------------------------------------------------------------------------------
# Waiting for CodeDeploy


def wait_for_deployment(
    sess, target: Target, deployment_id: str, timeout: float, poll: float, ends: tuple[str, ...] = ("Succeeded",)
) -> dict[str, Any]:
    """Polls until the deployment reaches one of `ends` (returned) or another final status (an error, exit 4)."""
    codedeploy = client(sess, "codedeploy")
    lam = client(sess, "lambda")
    deadline = time.monotonic() + timeout
    last = None
    while True:
        info = codedeploy.get_deployment(deploymentId=deployment_id)["deploymentInfo"]
        status = info.get("status")
        alias = get_alias(lam, target)
        line = f"{status}; {describe_alias(alias)}"
        if line != last:
            say(f"deployment {deployment_id}: {line}")
            last = line
        if status in ends:
            return info
        if status in FAILED_STATUSES or status == "Succeeded":
            raise ReleaseError(f"CodeDeploy deployment {describe_deployment(info)}", 4)
        if time.monotonic() >= deadline:
            raise ReleaseError(
                f"CodeDeploy deployment {deployment_id} is still {status} after {timeout:.0f} s; it goes on in AWS "
                f"(check with `scripts/release.py status --stage {target.stage}` or the CodeDeploy console)",
                4,
            )
        time.sleep(poll)


def wait_for_function_update(lam, function_name: str, timeout: float, poll: float) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        config = lam.get_function_configuration(FunctionName=function_name)
        status = config.get("LastUpdateStatus") or "Successful"
        if status == "Successful":
            return config
        if status == "Failed":
            raise ReleaseError(f"the last update of {function_name} failed: {config.get('LastUpdateStatusReason')}")
        if time.monotonic() >= deadline:
            raise ReleaseError(f"{function_name} is still being updated ({status}) after {timeout:.0f} s", 4)
        time.sleep(poll)


# --------------------------------------------------------------------------------------------------------------------
# Commands


def cmd_credentials(sess, args) -> int:
    info = check_credentials(sess, args.verify)
    say(f"credentials from {info['method']}, region {info['region']}")
    if "arn" in info:
        say(f"caller {info['arn']} (account {info['account']})")
    return 0


def cmd_url(sess, args) -> int:
    target = resolve(sess, args)
    if not target.url:
        raise ReleaseError(f"stack {target.stack} has no ApiUrl output")
    print(target.url)
    return 0


def cmd_status(sess, args) -> int:
    target = resolve(sess, args)
    codedeploy = client(sess, "codedeploy")
    latest = deployments(codedeploy, target)[:1]
    lam = client(sess, "lambda")
    live = get_alias(lam, target)["FunctionVersion"]
    version = lam.get_function_configuration(FunctionName=target.function_name, Qualifier=live)
    report(sess, target, version, latest[0] if latest else None)
    for name, state in alarm_states(sess, codedeploy, target):
        say(f"alarm        {name}: {state}")
    return 0


def cmd_release(sess, args) -> int:
    target = resolve(sess, args)
    lam = client(sess, "lambda")
    codedeploy = client(sess, "codedeploy")

    # 1. A deployment already running (CloudFormation's, or another release): wait for it rather than race it.
    for running in deployments(codedeploy, target, ACTIVE_STATUSES):
        say(f"waiting for the deployment already under way: {describe_deployment(running)}")
        wait_for_deployment(sess, target, running["deploymentId"], args.wait_timeout, args.poll)

    # 2. Publish. Lambda returns the latest version unchanged when neither code nor configuration changed since it,
    #    which is the case right after `cdk deploy` published one: then this is a read.
    latest = wait_for_function_update(lam, target.function_name, args.wait_timeout, args.poll)
    before = {v["Version"] for v in published_versions(lam, target.function_name)}
    kwargs: dict[str, Any] = {"FunctionName": target.function_name, "CodeSha256": latest["CodeSha256"]}
    if args.description:
        kwargs["Description"] = args.description[:256]
    version = lam.publish_version(**kwargs)
    new = version["Version"]
    fresh = new not in before
    say(
        f"{'published' if fresh else 'already published'} version {new} of {target.function_name} "
        f"(code sha256 {version['CodeSha256']})"
    )
    if "arm64" not in version.get("Architectures", ["arm64"]):
        warn(f"version {new} is {version.get('Architectures')}, not arm64")

    # 3. Shift.
    alias = get_alias(lam, target)
    if alias["FunctionVersion"] == new and not weights(alias):
        say(f"{target.alias} already points at version {new} (CloudFormation moved it through CodeDeploy)")
        recent = deployments(codedeploy, target)[:1]
        report(sess, target, version, recent[0] if recent else None)
        return 0
    current = alias["FunctionVersion"]
    if not target.deployment_group:
        say(f"no CodeDeploy deployment group: moving {target.alias} from {current} to {new} at once")
        lam.update_alias(
            FunctionName=target.function_name,
            Name=target.alias,
            FunctionVersion=new,
            RoutingConfig={"AdditionalVersionWeights": {}},
        )
        report(sess, target, version)
        return 0
    appspec = {
        "version": 0.0,
        "Resources": [
            {
                "phoney": {
                    "Type": "AWS::Lambda::Function",
                    "Properties": {
                        "Name": target.function_name,
                        "Alias": target.alias,
                        "CurrentVersion": current,
                        "TargetVersion": new,
                    },
                }
            }
        ],
    }
    request: dict[str, Any] = {
        "applicationName": target.application,
        "deploymentGroupName": target.deployment_group,
        "revision": {"revisionType": "AppSpecContent", "appSpecContent": {"content": json.dumps(appspec)}},
        "description": (args.description or f"phoney {target.stage}: {target.alias} {current} -> {new}")[:512],
    }
    if args.ignore_alarms:
        warn("--ignore-alarms: this deployment does not stop or roll back on the group's alarms")
        request["overrideAlarmConfiguration"] = {"enabled": False, "alarms": []}
    deployment_id = codedeploy.create_deployment(**request)["deploymentId"]
    say(
        f"CodeDeploy deployment {deployment_id} moves {target.alias} from version {current} to {new} "
        f"(application {target.application}, group {target.deployment_group})"
    )
    info = wait_for_deployment(sess, target, deployment_id, args.wait_timeout, args.poll)
    alias = report(sess, target, version, info)
    if alias["FunctionVersion"] != new or weights(alias):
        raise ReleaseError(f"the deployment succeeded but {describe_alias(alias)}", 4)
    return 0


def previous_version(lam, codedeploy, target: Target, current: str) -> str | None:
    """The version `live` was on before `current`: from the last successful deployment to `current`, else the
    highest published version below it."""
    for deployment in deployments(codedeploy, target, ["Succeeded"]):
        source, destination = appspec_versions(deployment)
        if destination == current and source and source != current:
            return source
    lower = [v["Version"] for v in published_versions(lam, target.function_name) if int(v["Version"]) < int(current)]
    return lower[-1] if lower else None


def cmd_rollback(sess, args) -> int:
    target = resolve(sess, args)
    lam = client(sess, "lambda")
    codedeploy = client(sess, "codedeploy")

    if args.version is not None and not re.fullmatch(r"[1-9][0-9]*", args.version):
        raise ReleaseError(f"'{args.version}' is not a published version number (1, 2, ...)", 2)

    alias = get_alias(lam, target)
    say(f"now: {describe_alias(alias)}")
    if args.version is not None:  # refused before anything else happens, a running deployment included
        try:
            lam.get_function_configuration(FunctionName=target.function_name, Qualifier=args.version)
        except Exception as error:
            if error_code(error) != "ResourceNotFoundException":
                raise
            known = ", ".join(v["Version"] for v in published_versions(lam, target.function_name)) or "none"
            raise ReleaseError(
                f"version {args.version} of {target.function_name} does not exist (published versions: {known}); "
                f"{target.alias} is unchanged",
                2,
            ) from error

    # A deployment under way would move the alias again at its next step: stop it first, with CodeDeploy's own
    # rollback, or refuse to touch the alias unless --force.
    for running in deployments(codedeploy, target, ACTIVE_STATUSES):
        deployment_id = running["deploymentId"]
        say(f"a CodeDeploy deployment is under way: {describe_deployment(running)}")
        try:
            codedeploy.stop_deployment(deploymentId=deployment_id, autoRollbackEnabled=True)
        except Exception as error:
            detail = f"stop-deployment {deployment_id} failed ({error_code(error)}): {str(error).splitlines()[0]}"
            if not args.force:
                raise ReleaseError(
                    f"{detail}. Nothing was changed: moving the alias now would be undone by the deployment's next "
                    "traffic step. Stop the deployment (CodeDeploy console, or `aws deploy stop-deployment "
                    f"--deployment-id {deployment_id} --auto-rollback-enabled`) and run this again, or pass --force "
                    "to move the alias anyway.",
                    3,
                ) from error
            warn(f"{detail}; --force: moving the alias anyway. CodeDeploy may still shift it at its next step;")
            warn("check it with `scripts/release.py status` until that deployment has ended.")
            continue
        say(f"stopped {deployment_id} with auto-rollback: CodeDeploy puts {target.alias} back on its original version")
        wait_for_deployment(
            sess, target, deployment_id, args.wait_timeout, args.poll, ends=("Stopped", "Failed", "Succeeded")
        )
        alias = get_alias(lam, target)
        say(f"after the stop: {describe_alias(alias)}")

    current = alias["FunctionVersion"]
    if args.version is not None:
        wanted = args.version
    elif weights(alias):
        # Mid-shift, CodeDeploy keeps the original version as the alias's primary and the new one as the extra
        # weight: rolling back is removing the extra weight.
        wanted = current
        say(f"{target.alias} is mid-shift: rolling back to its primary version {wanted}")
    else:
        found = previous_version(lam, codedeploy, target, current)
        if found is None:
            raise ReleaseError(f"no version before {current} to roll back to; {target.alias} is unchanged", 2)
        wanted = found

    if alias["FunctionVersion"] == wanted and not weights(alias):
        say(f"{target.alias} already points at version {wanted} alone: nothing to do")
    else:
        lam.update_alias(
            FunctionName=target.function_name,
            Name=target.alias,
            FunctionVersion=wanted,
            RoutingConfig={"AdditionalVersionWeights": {}},
            Description=f"rolled back to {wanted} by scripts/rollback.sh",
        )
        say(f"moved {target.alias} to version {wanted}")
    alias = get_alias(lam, target)
    if alias["FunctionVersion"] != wanted or weights(alias):
        raise ReleaseError(f"after the rollback {describe_alias(alias)}, not version {wanted}")
    version = lam.get_function_configuration(FunctionName=target.function_name, Qualifier=wanted)
    report(sess, target, version)
    say("")
    say(
        "note: the stack still names the newer version; the next deploy of new code moves the alias through "
        "CodeDeploy as usual. Re-deploying unchanged code does not move it back."
    )
    return 0


ELF_MACHINES = {0x3E: "x86_64", 0xB7: "arm64"}


def cmd_inspect_zip(_sess, args) -> int:
    """Offline: the zip holds an executable ELF `bootstrap` at its root; prints its architecture (arm64, x86_64)."""
    import zipfile

    path = args.path
    if not os.path.isfile(path):
        raise ReleaseError(f"no zip at {path}", 2)
    try:
        with zipfile.ZipFile(path) as archive:
            try:
                entry = archive.getinfo("bootstrap")
            except KeyError:
                names = archive.namelist()[:5]
                raise ReleaseError(f"{path} has no bootstrap at its root (first entries: {names})", 2) from None
            with archive.open(entry) as handle:
                header = handle.read(20)
    except zipfile.BadZipFile as error:
        raise ReleaseError(f"{path} is not a zip file: {error}", 2) from error
    if header[:4] != b"\x7fELF" or len(header) < 20:
        raise ReleaseError(f"bootstrap in {path} is not an ELF executable", 2)
    mode = (entry.external_attr >> 16) & 0o777
    if entry.create_system == 3 and not mode & 0o111:
        raise ReleaseError(f"bootstrap in {path} is not executable (mode {mode:o}); Lambda could not start it", 2)
    machine = int.from_bytes(header[18:20], "little" if header[5] == 1 else "big")
    arch = ELF_MACHINES.get(machine, f"unknown (e_machine {machine:#x})")
    print(arch)
    return 0


def cmd_plan(_sess, args) -> int:
    """Offline: read the synthesised template and say what a release of it would do, failing on what would break it."""
    if args.stage not in STAGES:
        raise ReleaseError(f"unknown stage '{args.stage}' (one of {', '.join(STAGES)})", 2)
    with open(args.template, encoding="utf-8") as handle:
        template = json.load(handle)
    resources = template.get("Resources", {})

    def of_type(kind: str) -> dict[str, Any]:
        return {name: r for name, r in resources.items() if r.get("Type") == kind}

    problems: list[str] = []
    functions = of_type("AWS::Lambda::Function")
    api_functions = {
        name: r for name, r in functions.items() if (r.get("Properties") or {}).get("Handler") == "bootstrap"
    }
    if len(api_functions) != 1:
        problems.append(f"expected one function with handler bootstrap, found {sorted(api_functions) or 'none'}")
    for name, fn in api_functions.items():
        props = fn.get("Properties", {})
        say(
            f"function     {name}: {props.get('Runtime')}, {props.get('Architectures')}, "
            f"{props.get('MemorySize')} MB, timeout {props.get('Timeout')} s"
        )
        if props.get("Architectures") != ["arm64"]:
            problems.append(f"function {name} is not arm64: {props.get('Architectures')}")
    aliases = {n: r for n, r in of_type("AWS::Lambda::Alias").items() if r.get("Properties", {}).get("Name") == args.alias}
    if len(aliases) != 1:
        problems.append(f"expected one alias named {args.alias}, found {sorted(aliases) or 'none'}")
    versions = of_type("AWS::Lambda::Version")
    say(f"versions     {', '.join(sorted(versions)) or 'none'} (cdk deploy publishes one when the code changes)")
    groups = of_type("AWS::CodeDeploy::DeploymentGroup")
    for name, alias in aliases.items():
        policy = (alias.get("UpdatePolicy") or {}).get("CodeDeployLambdaAliasUpdate")
        if policy:
            say(f"alias        {args.alias} ({name}) moves through CodeDeploy on every deploy (UpdatePolicy)")
        elif groups:
            say(f"alias        {args.alias} ({name}) has no update policy: release.py creates the CodeDeploy deployment")
        else:
            problems.append(f"alias {name} has neither a CodeDeploy update policy nor a deployment group")
    for name, group in groups.items():
        props = group.get("Properties", {})
        config = props.get("DeploymentConfigName")
        if config is None:
            config = "default (CodeDeployDefault.LambdaAllAtOnce)"
        alarms = [a.get("Name") for a in (props.get("AlarmConfiguration") or {}).get("Alarms", [])]
        rollback = (props.get("AutoRollbackConfiguration") or {}).get("Events", [])
        say(f"codedeploy   {name}: config {json.dumps(config)}, {len(alarms)} alarms, auto-rollback on {rollback}")
        if args.stage == "prod" and "Canary" not in json.dumps(config) and "Linear" not in json.dumps(config):
            problems.append(f"prod deployment group {name} does not shift gradually: {config}")
    if problems:
        raise ReleaseError("the synthesised template cannot be released as planned: " + "; ".join(problems), 2)
    say(f"plan         cdk deploy Phoney-{args.stage}, then `release.py release --stage {args.stage}` waits and reports")
    return 0


# --------------------------------------------------------------------------------------------------------------------


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="release.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    main.add_argument("--region", help="AWS region (default: AWS_REGION / the profile's)")
    commands = main.add_subparsers(dest="command", required=True)

    credentials = commands.add_parser("credentials", help="check AWS credentials and region")
    credentials.add_argument("--verify", action="store_true", help="also call sts:GetCallerIdentity")

    def target_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--stage", required=True, help="dev, staging or prod")
        sub.add_argument("--stack", help="CloudFormation stack (default Phoney-<stage>)")
        sub.add_argument("--function", help="function name (default: the stack's FunctionName output)")
        sub.add_argument("--alias", help=f"alias name (default: from AliasArn, else {DEFAULT_ALIAS})")
        sub.add_argument("--application", help="CodeDeploy application (default: the one holding the group)")
        sub.add_argument("--deployment-group", help="CodeDeploy deployment group (default: DeploymentGroupName)")
        sub.add_argument("--url", help="API URL to report (default: the ApiUrl output)")
        sub.add_argument("--wait-timeout", type=float, default=1800.0, help="seconds to wait for CodeDeploy")
        sub.add_argument("--poll", type=float, default=15.0, help="seconds between status checks")

    for name, text in (("status", "report without changing anything"), ("url", "print the stage's API URL")):
        target_options(commands.add_parser(name, help=text))
    release = commands.add_parser("release", help="publish a version and move the alias through CodeDeploy")
    target_options(release)
    release.add_argument("--description", help="version and deployment description (e.g. the git commit)")
    release.add_argument(
        "--ignore-alarms", action="store_true", help="ship while an alarm fires: the deployment ignores the alarms"
    )
    rollback = commands.add_parser("rollback", help="point the alias back to the previous or the given version")
    target_options(rollback)
    rollback.add_argument("--version", help="version to roll back to (default: the previous one)")
    rollback.add_argument(
        "--force", action="store_true", help="move the alias even when an active deployment cannot be stopped"
    )
    inspect = commands.add_parser("inspect-zip", help="offline: check a Lambda zip and print its architecture")
    inspect.add_argument("path")
    plan = commands.add_parser("plan", help="offline: what a release of a synthesised template would do")
    plan.add_argument("--stage", required=True)
    plan.add_argument("--template", required=True, help="the synthesised CloudFormation template (JSON)")
    plan.add_argument("--alias", default=DEFAULT_ALIAS)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    handlers = {
        "credentials": cmd_credentials,
        "status": cmd_status,
        "url": cmd_url,
        "release": cmd_release,
        "rollback": cmd_rollback,
        "plan": cmd_plan,
        "inspect-zip": cmd_inspect_zip,
    }
    try:
        sess = None if args.command in ("plan", "inspect-zip") else session(args.region)
        if sess is not None and args.command != "credentials":
            check_credentials(sess, verify=False)
        return handlers[args.command](sess, args)
    except ReleaseError as error:
        print(f"release: error: {error}", file=sys.stderr, flush=True)
        return error.code
    except KeyboardInterrupt:
        print("release: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # botocore errors: say which call failed, without a traceback
        print(f"release: error: {error_code(error)}: {error}", file=sys.stderr, flush=True)
        return 1


if __name__ == "__main__":
    sys.exit(main())
