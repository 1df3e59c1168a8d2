"""The Terraform twin (deploy/aws/terraform) against the synthesised CDK stacks, resource by resource.

For each stage, the module is evaluated with python-hcl2 and test_terraform_hcl.Module (variables, locals, count,
for_each, the shared stages.json) and compared with deploy/aws/cdk.out/Phoney-<stage>.template.json:

- the kinds of resource (Terraform types mapped to CloudFormation types) and how many of each;
- names and key settings of every kind: the function (runtime, handler, architectures, memory, timeout, reserved
  concurrency, tracing, environment, KMS key, log group), its retry config, version and `live` alias, log groups
  (retention, key, retention on delete), the key and its policy, the secret, the roles and every IAM statement
  (actions and resource scoping, per role), the HTTP API (CORS, integration, routes, permissions, stage throttling,
  access log format), the topic and its policy, alarms (name, metric, statistic, dimensions, period, threshold,
  evaluation), the dashboard body, query definitions (name, query, log groups), CodeDeploy (application, group,
  deployment config, rollback alarms and events);
- the stack outputs (CDK's CamelCase names, the module's snake_case ones).

References that are only known after deployment are compared by what they point at: CloudFormation's
{"Ref": "ServiceKeyB2087346"} and Terraform's aws_kms_key.this.arn both become ${AWS::KMS::Key#Arn}, a log group's
ARN carries its name (${AWS::Logs::LogGroup[/aws/lambda/phoney-dev]#Arn}), and the partition, region and account
are the pseudo parameters on both sides.

The templates come from scripts/check-cdk.sh (scripts/check-terraform.sh runs it when they are missing);
PHONEY_CDK_OUT points the test at another cdk.out.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Callable

import pytest

HERE = Path(__file__).resolve().parent
AWS_DIR = HERE.parent
TF_DIR = AWS_DIR / "terraform"
CDK_OUT = Path(os.environ.get("PHONEY_CDK_OUT", AWS_DIR / "cdk.out"))
STAGES = ("dev", "staging", "prod")


def _load_evaluator():
    spec = importlib.util.spec_from_file_location("phoney_tf_hcl", HERE / "test_terraform_hcl.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["phoney_tf_hcl"] = module
    spec.loader.exec_module(module)
    return module


hcl = _load_evaluator()

# ---------------------------------------------------------------------------------------------------------------
# Type mapping. None: the Terraform resource is part of a CloudFormation resource (a property there).

TF_TO_CFN: dict[str, str | None] = {
    "aws_kms_key": "AWS::KMS::Key",
    "aws_kms_alias": "AWS::KMS::Alias",
    "aws_cloudwatch_log_group": "AWS::Logs::LogGroup",
    "aws_secretsmanager_secret": "AWS::SecretsManager::Secret",
    "aws_secretsmanager_secret_version": None,  # GenerateSecretString of the secret
    "aws_iam_role": "AWS::IAM::Role",
    "aws_iam_role_policy": "AWS::IAM::Policy",
    "aws_iam_role_policy_attachment": None,  # ManagedPolicyArns of the role
    "aws_lambda_function": "AWS::Lambda::Function",  # + AWS::Lambda::Version when publish = true
    "aws_lambda_function_event_invoke_config": "AWS::Lambda::EventInvokeConfig",
    "aws_lambda_alias": "AWS::Lambda::Alias",
    "aws_lambda_permission": "AWS::Lambda::Permission",
    "aws_apigatewayv2_api": "AWS::ApiGatewayV2::Api",
    "aws_apigatewayv2_integration": "AWS::ApiGatewayV2::Integration",
    "aws_apigatewayv2_route": "AWS::ApiGatewayV2::Route",
    "aws_apigatewayv2_stage": "AWS::ApiGatewayV2::Stage",
    "aws_apigatewayv2_authorizer": "AWS::ApiGatewayV2::Authorizer",
    "aws_apigatewayv2_domain_name": "AWS::ApiGatewayV2::DomainName",
    "aws_apigatewayv2_api_mapping": "AWS::ApiGatewayV2::ApiMapping",
    "aws_sns_topic": "AWS::SNS::Topic",
    "aws_sns_topic_policy": "AWS::SNS::TopicPolicy",
    "aws_sns_topic_subscription": "AWS::SNS::Subscription",
    "aws_cloudwatch_metric_alarm": "AWS::CloudWatch::Alarm",
    "aws_cloudwatch_dashboard": "AWS::CloudWatch::Dashboard",
    "aws_cloudwatch_query_definition": "AWS::Logs::QueryDefinition",
    "aws_codedeploy_app": "AWS::CodeDeploy::Application",
    "aws_codedeploy_deployment_group": "AWS::CodeDeploy::DeploymentGroup",
    "aws_iam_openid_connect_provider": "AWS::IAM::OIDCProvider",
    "aws_ecr_repository": "AWS::ECR::Repository",
    "aws_ecr_lifecycle_policy": None,  # LifecyclePolicy of the repository
    "aws_ecr_repository_policy": None,  # RepositoryPolicyText of the repository
    "aws_s3_bucket": "AWS::S3::Bucket",
    "aws_s3_bucket_ownership_controls": None,  # OwnershipControls of the bucket
    "aws_s3_bucket_public_access_block": None,  # PublicAccessBlockConfiguration of the bucket
    "aws_s3_bucket_server_side_encryption_configuration": None,  # BucketEncryption of the bucket
    "aws_s3_bucket_lifecycle_configuration": None,  # LifecycleConfiguration of the bucket
    "aws_s3_bucket_policy": "AWS::S3::BucketPolicy",
    "aws_sfn_state_machine": "AWS::StepFunctions::StateMachine",
}

# (Terraform type, attribute) -> CloudFormation attribute ('ref' for what Ref returns).
TF_ATTR_TO_CFN = {
    ("aws_kms_key", "arn"): "Arn",
    ("aws_kms_key", "key_id"): "ref",
    ("aws_kms_key", "id"): "ref",
    ("aws_apigatewayv2_api", "id"): "ref",
    ("aws_apigatewayv2_api", "api_endpoint"): "ApiEndpoint",
    ("aws_apigatewayv2_integration", "id"): "ref",
    ("aws_apigatewayv2_authorizer", "id"): "ref",
    ("aws_apigatewayv2_stage", "id"): "ref",
    ("aws_apigatewayv2_domain_name", "id"): "ref",
    ("aws_lambda_alias", "arn"): "ref",
    ("aws_lambda_function", "arn"): "Arn",
    ("aws_cloudwatch_log_group", "arn"): "Arn",
    ("aws_sns_topic", "arn"): "ref",
    ("aws_sns_topic", "id"): "ref",
    ("aws_iam_role", "arn"): "Arn",
    ("aws_iam_role", "id"): "ref",
    ("aws_iam_role", "name"): "ref",
    ("aws_secretsmanager_secret", "id"): "ref",
    ("aws_secretsmanager_secret", "arn"): "ref",
    ("aws_iam_openid_connect_provider", "arn"): "Arn",
    ("aws_ecr_repository", "repository_url"): "RepositoryUri",
    ("aws_ecr_repository", "arn"): "Arn",
    ("aws_s3_bucket", "arn"): "Arn",
    ("aws_s3_bucket", "id"): "ref",
    ("aws_sfn_state_machine", "arn"): "ref",
}

# What CloudFormation's Ref returns when it is a name we know from the properties.
CFN_REF_IS_NAME = {
    "AWS::Lambda::Function": "FunctionName",
    "AWS::Logs::LogGroup": "LogGroupName",
    "AWS::CloudWatch::Alarm": "AlarmName",
    "AWS::CodeDeploy::Application": "ApplicationName",
    "AWS::CodeDeploy::DeploymentGroup": "DeploymentGroupName",
}
TF_NAME_ATTR = {
    "aws_lambda_function": "function_name",
    "aws_cloudwatch_log_group": "name",
    "aws_cloudwatch_metric_alarm": "alarm_name",
    "aws_codedeploy_app": "name",
    "aws_codedeploy_deployment_group": "deployment_group_name",
}


def _principal_service(document: Any) -> str | None:
    """Who assumes a role: its service principal(s), or the federated provider (the GitHub OIDC role)."""
    for statement in (document or {}).get("Statement", []):
        principal = statement.get("Principal")
        if not isinstance(principal, dict):
            continue
        for kind in ("Service", "Federated"):
            if principal.get(kind):
                value = principal[kind]
                return ",".join(sorted(value if isinstance(value, list) else [value]))
    return None


def cfn_label(rtype: str, props: dict) -> str:
    """What tells two resources of one type apart in placeholders."""
    if rtype == "AWS::Logs::LogGroup":
        return str(props.get("LogGroupName"))
    if rtype == "AWS::IAM::Role":
        return str(_principal_service(props.get("AssumeRolePolicyDocument")))
    if rtype in ("AWS::SNS::Topic",):
        return str(props.get("TopicName"))
    return ""


def placeholder(cfn_type: str, label: str, attr: str) -> str:
    return "${" + cfn_type + (f"[{label}]" if label else "") + "#" + attr + "}"


# ---------------------------------------------------------------------------------------------------------------
# CloudFormation side


class Template:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.data = json.loads(path.read_text())
        self.resources: dict[str, dict] = self.data.get("Resources", {})

    def of_type(self, rtype: str) -> dict[str, dict]:
        return {k: v for k, v in self.resources.items() if v["Type"] == rtype}

    def ref(self, logical_id: str, attr: str = "ref") -> str:
        if logical_id.startswith("AWS::"):
            return "${" + logical_id + "}"
        resource = self.resources[logical_id]
        rtype, props = resource["Type"], resource.get("Properties", {})
        if attr == "ref" and rtype in CFN_REF_IS_NAME and isinstance(props.get(CFN_REF_IS_NAME[rtype]), str):
            return props[CFN_REF_IS_NAME[rtype]]
        if rtype == "AWS::Lambda::Version" and attr == "Version":
            return "${AWS::Lambda::Version#Version}"
        return placeholder(rtype, cfn_label(rtype, self.resolve(props)), attr)

    def resolve(self, value: Any) -> Any:
        if isinstance(value, list):
            return [self.resolve(v) for v in value]
        if isinstance(value, dict):
            if len(value) == 1:
                (key, arg), = value.items()
                if key == "Ref":
                    return self.ref(arg)
                if key == "Fn::GetAtt":
                    logical_id, attr = arg if isinstance(arg, list) else arg.split(".", 1)
                    return self.ref(logical_id, attr)
                if key == "Fn::Join":
                    sep, parts = arg
                    return sep.join(hcl.render(self.resolve(p)) for p in parts)
                if key == "Fn::Sub":
                    text = arg if isinstance(arg, str) else arg[0]
                    return re.sub(r"\$\{([^}]+)\}", lambda m: self.ref(m.group(1)) if "." not in m.group(1)
                                  else self.ref(*m.group(1).split(".", 1)), text)
            return {k: self.resolve(v) for k, v in value.items()}
        return value

    def props(self, logical_id: str) -> dict:
        return self.resolve(self.resources[logical_id].get("Properties", {}))


# ---------------------------------------------------------------------------------------------------------------
# Terraform side


class Plan:
    """The module's resource instances for one stage, with references turned into placeholders."""

    def __init__(self, stage: str, variables: dict | None = None) -> None:
        self.module = hcl.Module(TF_DIR, {"stage": stage, **(variables or {})})
        self.resources = self.module.planned_resources()
        self.by_address = {r["address"]: r for r in self.resources}

    def of_type(self, tf_type: str) -> list[dict]:
        return [r for r in self.resources if r["type"] == tf_type]

    def _label(self, tf_type: str, config: dict) -> str:
        if tf_type == "aws_cloudwatch_log_group":
            return str(config.get("name"))
        if tf_type == "aws_iam_role":
            return str(_principal_service(self.canon(config.get("assume_role_policy"))))
        if tf_type == "aws_sns_topic":
            return str(config.get("name"))
        return ""

    def placeholder_for(self, ref: str) -> str:
        m = re.fullmatch(r"([a-z0-9_]+)\.([A-Za-z0-9_-]+)(\[[^\]]+\])?\.([a-z_]+)", ref)
        if not m:
            return "${" + ref + "}"
        tf_type, name, key, attr = m.groups()
        if tf_type == "aws_lambda_function" and attr == "version":
            return "${AWS::Lambda::Version#Version}"
        cfn_type = TF_TO_CFN.get(tf_type)
        cfn_attr = TF_ATTR_TO_CFN.get((tf_type, attr))
        if not cfn_type or not cfn_attr:
            return "${" + ref + "}"
        address = f"{tf_type}.{name}" + (key or "")
        config = self.by_address[address]["config"] if address in self.by_address else {}
        if cfn_attr == "ref" and tf_type in TF_NAME_ATTR and isinstance(config.get(TF_NAME_ATTR[tf_type]), str):
            return config[TF_NAME_ATTR[tf_type]]
        return placeholder(cfn_type, self._label(tf_type, config), cfn_attr)

    def canon(self, value: Any) -> Any:
        if isinstance(value, hcl.Unknown):
            return self.placeholder_for(value.ref)
        if isinstance(value, hcl.PolicyDocument):
            return self.canon(value.document)
        if isinstance(value, str):
            return re.sub(r"\$\{([a-z][^}]*)\}", lambda m: self.placeholder_for(m.group(1)), value)
        if isinstance(value, list):
            return [self.canon(v) for v in value]
        if isinstance(value, dict):
            return {k: self.canon(v) for k, v in value.items()}
        return value

    def config(self, resource: dict) -> dict:
        return self.canon(resource["config"])

    def outputs(self) -> dict[str, Any]:
        return {name: self.canon(self.module.eval(hcl.parse_value(body["value"]), hcl.Scope()))
                for name, body in self.module.outputs.items()}


# ---------------------------------------------------------------------------------------------------------------
# Normalisers shared by both sides


def as_list(value: Any) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def block(config: dict, name: str) -> dict:
    """The single nested block `name` of a Terraform config ({} when absent)."""
    blocks = config.get(name) or []
    return blocks[0] if blocks else {}


def statements(document: Any) -> list[tuple]:
    """An IAM policy document as a sorted list of comparable statements (Sid ignored: CDK leaves most unnamed)."""
    if isinstance(document, str):
        document = json.loads(document)
    out = []
    for st in (document or {}).get("Statement", []):
        principal = st.get("Principal")
        if isinstance(principal, dict):
            principal = tuple(sorted((k, tuple(sorted(as_list(v)))) for k, v in principal.items()))
        elif principal is not None:
            principal = (("*", ("*",)),) if principal == "*" else principal
        conditions = st.get("Condition") or {}
        conditions = tuple(sorted((test, var, tuple(sorted(as_list(vals))))
                                  for test, body in conditions.items() for var, vals in body.items()))
        out.append((
            st.get("Effect", "Allow"),
            tuple(sorted(as_list(st.get("Action")))),
            tuple(sorted(as_list(st.get("Resource")))),
            principal,
            conditions,
        ))
    return sorted(out, key=repr)


def tags_of(value: Any) -> dict:
    if isinstance(value, list):
        return {t["Key"]: t["Value"] for t in value}
    return dict(value or {})


def diff(kind: str, cfn: dict[str, dict], tf: dict[str, dict]) -> list[str]:
    """Messages for what differs between two {identity: settings} maps."""
    problems = []
    for key in sorted(set(cfn) - set(tf)):
        problems.append(f"{kind} {key!r}: in the CDK stack, missing from Terraform")
    for key in sorted(set(tf) - set(cfn)):
        problems.append(f"{kind} {key!r}: in Terraform, not in the CDK stack")
    for key in sorted(set(cfn) & set(tf)):
        a, b = cfn[key], tf[key]
        for field in sorted(set(a) | set(b)):
            x, y = a.get(field), b.get(field)
            if x == y:
                continue
            if isinstance(x, list) and isinstance(y, list) and all(isinstance(v, tuple) for v in x + y):
                # Statement lists: say which statements differ rather than printing both lists.
                only_cdk = [v for v in x if v not in y]
                only_tf = [v for v in y if v not in x]
                problems.append(f"{kind} {key!r} {field} drifted: only in CDK {only_cdk!r}; only in Terraform {only_tf!r}")
            else:
                problems.append(f"{kind} {key!r} {field} drifted: CDK {x!r} != Terraform {y!r}")
    return problems


# ---------------------------------------------------------------------------------------------------------------
# Per-kind extraction: (CloudFormation extractor, Terraform extractor), each giving {identity: settings}.


def cfn_functions(t: Template) -> dict:
    out = {}
    for lid in t.of_type("AWS::Lambda::Function"):
        p = t.props(lid)
        out[p["FunctionName"]] = {
            "runtime": p.get("Runtime"), "handler": p.get("Handler"), "package_type": p.get("PackageType", "Zip"),
            "architectures": p.get("Architectures", ["x86_64"]), "memory": p.get("MemorySize"),
            "timeout": p.get("Timeout"), "reserved_concurrency": p.get("ReservedConcurrentExecutions"),
            "tracing": (p.get("TracingConfig") or {}).get("Mode"),
            "environment": (p.get("Environment") or {}).get("Variables", {}),
            "kms_key": p.get("KmsKeyArn"), "log_group": (p.get("LoggingConfig") or {}).get("LogGroup"),
            "description": p.get("Description"), "role": p.get("Role"), "tags": tags_of(p.get("Tags")),
        }
    return out


def tf_functions(plan: Plan) -> dict:
    out = {}
    for r in plan.of_type("aws_lambda_function"):
        c = plan.config(r)
        out[c["function_name"]] = {
            "runtime": c.get("runtime"), "handler": c.get("handler"), "package_type": c.get("package_type", "Zip"),
            "architectures": c.get("architectures", ["x86_64"]), "memory": c.get("memory_size"),
            "timeout": c.get("timeout"), "reserved_concurrency": c.get("reserved_concurrent_executions"),
            "tracing": block(c, "tracing_config").get("mode"),
            "environment": block(c, "environment").get("variables", {}),
            "kms_key": c.get("kms_key_arn"), "log_group": block(c, "logging_config").get("log_group"),
            "description": c.get("description"), "role": c.get("role"), "tags": c.get("tags", {}),
        }
    return out


def cfn_versions(t: Template) -> dict:
    return {t.props(lid)["FunctionName"]: {"published": True} for lid in t.of_type("AWS::Lambda::Version")}


def tf_versions(plan: Plan) -> dict:
    return {plan.config(r)["function_name"]: {"published": True}
            for r in plan.of_type("aws_lambda_function") if r["config"].get("publish")}


def cfn_invoke_configs(t: Template) -> dict:
    return {f"{p['FunctionName']}:{p.get('Qualifier')}": {"retries": p.get("MaximumRetryAttempts"),
                                                            "max_age": p.get("MaximumEventAgeInSeconds")}
            for p in (t.props(lid) for lid in t.of_type("AWS::Lambda::EventInvokeConfig"))}


def tf_invoke_configs(plan: Plan) -> dict:
    return {f"{c['function_name']}:{c.get('qualifier')}": {"retries": c.get("maximum_retry_attempts"),
                                                             "max_age": c.get("maximum_event_age_in_seconds")}
            for c in (plan.config(r) for r in plan.of_type("aws_lambda_function_event_invoke_config"))}


def cfn_aliases(t: Template) -> dict:
    out = {}
    for lid, res in t.of_type("AWS::Lambda::Alias").items():
        p = t.props(lid)
        out[f"{p['FunctionName']}:{p['Name']}"] = {
            "description": p.get("Description"), "version": p.get("FunctionVersion"),
            "moved_by_codedeploy": "CodeDeployLambdaAliasUpdate" in (res.get("UpdatePolicy") or {}),
        }
    return out


def tf_aliases(plan: Plan) -> dict:
    out = {}
    deployment_groups = plan.of_type("aws_codedeploy_deployment_group")
    for r in plan.of_type("aws_lambda_alias"):
        c = plan.config(r)
        lifecycle = plan.module.resources[(r["type"], r["name"])].get("lifecycle", [])
        ignored = "function_version" in json.dumps(lifecycle)
        out[f"{c['function_name']}:{c['name']}"] = {
            "description": c.get("description"), "version": c.get("function_version"),
            # Terraform cannot hand the alias to CodeDeploy as CloudFormation's UpdatePolicy does; what stands for
            # it is a deployment group plus an alias whose version Terraform leaves alone.
            "moved_by_codedeploy": bool(deployment_groups) and bool(ignored),
        }
    return out


def cfn_log_groups(t: Template) -> dict:
    out = {}
    for lid, res in t.of_type("AWS::Logs::LogGroup").items():
        p = t.props(lid)
        out[p["LogGroupName"]] = {"retention": p.get("RetentionInDays"), "kms_key": p.get("KmsKeyId"),
                                  "kept_on_delete": res.get("DeletionPolicy") == "Retain"}
    return out


def tf_log_groups(plan: Plan) -> dict:
    return {c["name"]: {"retention": c.get("retention_in_days"), "kms_key": c.get("kms_key_id"),
                        "kept_on_delete": bool(c.get("skip_destroy"))}
            for c in (plan.config(r) for r in plan.of_type("aws_cloudwatch_log_group"))}


def cfn_keys(t: Template) -> dict:
    out = {}
    for lid in t.of_type("AWS::KMS::Key"):
        p = t.props(lid)
        out[p.get("Description")] = {"rotation": p.get("EnableKeyRotation", False),
                                     "policy": statements(p.get("KeyPolicy"))}
    return out


def tf_keys(plan: Plan) -> dict:
    return {c.get("description"): {"rotation": c.get("enable_key_rotation", False), "policy": statements(c.get("policy"))}
            for c in (plan.config(r) for r in plan.of_type("aws_kms_key"))}


def cfn_key_aliases(t: Template) -> dict:
    return {t.props(lid)["AliasName"]: {"target": t.props(lid)["TargetKeyId"]} for lid in t.of_type("AWS::KMS::Alias")}


def tf_key_aliases(plan: Plan) -> dict:
    return {c["name"]: {"target": c["target_key_id"]} for c in (plan.config(r) for r in plan.of_type("aws_kms_alias"))}


def cfn_secrets(t: Template) -> dict:
    out = {}
    for lid, res in t.of_type("AWS::SecretsManager::Secret").items():
        p = t.props(lid)
        gen = p.get("GenerateSecretString") or {}
        out[p["Name"]] = {
            "description": p.get("Description"), "kms_key": p.get("KmsKeyId"),
            "generated_key": gen.get("GenerateStringKey"), "generated_length": gen.get("PasswordLength"),
            "generated_punctuation": not gen.get("ExcludePunctuation", False),
            "value_in_template": "SecretString" in p,
            "kept_on_delete": res.get("DeletionPolicy") == "Retain",
        }
    return out


def tf_secrets(plan: Plan) -> dict:
    out = {}
    versions = [plan.config(r) for r in plan.of_type("aws_secretsmanager_secret_version")]
    ephemeral = plan.module.ephemeral
    for r in plan.of_type("aws_secretsmanager_secret"):
        c = plan.config(r)
        generated_key = generated_length = generated_punctuation = None
        for v in versions:
            text = v.get("secret_string_wo") or ""
            m = re.search(r'"([A-Za-z_]+)": "\$\{ephemeral\.random_password\.([a-z_]+)\.result\}"', text)
            if m:
                generated_key = m.group(1)
                body = ephemeral[("random_password", m.group(2))]
                generated_length = plan.module.eval(hcl.parse_value(body["length"]), hcl.Scope())
                generated_punctuation = plan.module.eval(hcl.parse_value(body.get("special", True)), hcl.Scope())
        body = plan.module.resources[(r["type"], r["name"])]
        out[c["name"]] = {
            "description": c.get("description"), "kms_key": c.get("kms_key_id"),
            "generated_key": generated_key, "generated_length": generated_length,
            "generated_punctuation": generated_punctuation,
            "value_in_template": any("secret_string" in v for v in versions),
            # CloudFormation's DeletionPolicy Retain; Terraform's nearest is prevent_destroy (see secret.tf).
            "kept_on_delete": any(lc.get("prevent_destroy") is True for lc in body.get("lifecycle", [])),
        }
    return out


def cfn_roles(t: Template) -> dict:
    out = {}
    for lid in t.of_type("AWS::IAM::Role"):
        p = t.props(lid)
        service = _principal_service(p.get("AssumeRolePolicyDocument"))
        out[service] = {"trust": statements(p.get("AssumeRolePolicyDocument")),
                        "managed_policies": sorted(p.get("ManagedPolicyArns", [])),
                        "max_session": p.get("MaxSessionDuration", 3600)}
    return out


def tf_roles(plan: Plan) -> dict:
    out = {}
    attachments = [plan.config(r) for r in plan.of_type("aws_iam_role_policy_attachment")]
    for r in plan.of_type("aws_iam_role"):
        c = plan.config(r)
        service = _principal_service(c.get("assume_role_policy"))
        out[service] = {"trust": statements(c.get("assume_role_policy")),
                        "managed_policies": sorted(a["policy_arn"] for a in attachments if a["role"] == c["name"]),
                        "max_session": c.get("max_session_duration", 3600)}
    return out


def cfn_permissions_by_role(t: Template) -> dict:
    """IAM statements granted to each role (by the service that assumes it), all policies together."""
    role_ids = {lid: _principal_service(t.props(lid).get("AssumeRolePolicyDocument")) for lid in t.of_type("AWS::IAM::Role")}
    grants: dict[str, list] = {}
    for lid, res in t.of_type("AWS::IAM::Policy").items():
        raw = res["Properties"]
        document = t.resolve(raw["PolicyDocument"])
        for role in raw.get("Roles", []):
            service = role_ids.get(role.get("Ref")) if isinstance(role, dict) else role
            grants.setdefault(str(service), []).extend(statements(document))
    return {role: {"statements": sorted(st, key=repr)} for role, st in grants.items()}


def tf_permissions_by_role(plan: Plan) -> dict:
    role_ids = {}
    for r in plan.of_type("aws_iam_role"):
        c = plan.config(r)
        service = _principal_service(c.get("assume_role_policy"))
        role_ids[c["name"]] = service
        role_ids[placeholder("AWS::IAM::Role", str(service), "ref")] = service
    grants: dict[str, list] = {}
    for r in plan.of_type("aws_iam_role_policy"):
        c = plan.config(r)
        grants.setdefault(str(role_ids.get(c["role"], c["role"])), []).extend(statements(c["policy"]))
    return {role: {"statements": sorted(st, key=repr)} for role, st in grants.items()}


def cfn_apis(t: Template) -> dict:
    out = {}
    for lid in t.of_type("AWS::ApiGatewayV2::Api"):
        p = t.props(lid)
        cors = p.get("CorsConfiguration") or {}
        out[p["Name"]] = {
            "protocol": p.get("ProtocolType"), "description": p.get("Description"),
            "cors_origins": cors.get("AllowOrigins"), "cors_methods": cors.get("AllowMethods"),
            "cors_headers": cors.get("AllowHeaders"), "cors_max_age": cors.get("MaxAge"),
        }
    return out


def tf_apis(plan: Plan) -> dict:
    out = {}
    for r in plan.of_type("aws_apigatewayv2_api"):
        c = plan.config(r)
        cors = block(c, "cors_configuration")
        out[c["name"]] = {
            "protocol": c.get("protocol_type"), "description": c.get("description"),
            "cors_origins": cors.get("allow_origins"), "cors_methods": cors.get("allow_methods"),
            "cors_headers": cors.get("allow_headers"), "cors_max_age": cors.get("max_age"),
        }
    return out


def cfn_integrations(t: Template) -> dict:
    return {p["IntegrationUri"]: {"type": p.get("IntegrationType"), "payload": p.get("PayloadFormatVersion"),
                                  "timeout_ms": p.get("TimeoutInMillis")}
            for p in (t.props(lid) for lid in t.of_type("AWS::ApiGatewayV2::Integration"))}


def tf_integrations(plan: Plan) -> dict:
    return {c["integration_uri"]: {"type": c.get("integration_type"), "payload": c.get("payload_format_version"),
                                   "timeout_ms": c.get("timeout_milliseconds")}
            for c in (plan.config(r) for r in plan.of_type("aws_apigatewayv2_integration"))}


def cfn_routes(t: Template) -> dict:
    return {p["RouteKey"]: {"target": p.get("Target"), "authorization": p.get("AuthorizationType", "NONE")}
            for p in (t.props(lid) for lid in t.of_type("AWS::ApiGatewayV2::Route"))}


def tf_routes(plan: Plan) -> dict:
    return {c["route_key"]: {"target": c.get("target"), "authorization": c.get("authorization_type", "NONE")}
            for c in (plan.config(r) for r in plan.of_type("aws_apigatewayv2_route"))}


def cfn_permissions(t: Template) -> dict:
    return {f"{p['FunctionName']} <- {p.get('SourceArn')}": {"action": p["Action"], "principal": p["Principal"]}
            for p in (t.props(lid) for lid in t.of_type("AWS::Lambda::Permission"))}


def tf_permissions(plan: Plan) -> dict:
    out = {}
    for r in plan.of_type("aws_lambda_permission"):
        c = plan.config(r)
        target = c["function_name"] + (f":{c['qualifier']}" if c.get("qualifier") else "")
        out[f"{target} <- {c.get('source_arn')}"] = {"action": c["action"], "principal": c["principal"]}
    return out


def cfn_stages(t: Template) -> dict:
    out = {}
    for lid in t.of_type("AWS::ApiGatewayV2::Stage"):
        p = t.props(lid)
        routes = p.get("DefaultRouteSettings") or {}
        logs = p.get("AccessLogSettings") or {}
        out[p["StageName"]] = {
            "auto_deploy": p.get("AutoDeploy", False), "rate_limit": routes.get("ThrottlingRateLimit"),
            "burst_limit": routes.get("ThrottlingBurstLimit"), "access_log_destination": logs.get("DestinationArn"),
            "access_log_format": json.loads(logs["Format"]) if logs.get("Format") else None,
        }
    return out


def tf_stages(plan: Plan) -> dict:
    out = {}
    for r in plan.of_type("aws_apigatewayv2_stage"):
        c = plan.config(r)
        routes = block(c, "default_route_settings")
        logs = block(c, "access_log_settings")
        out[c["name"]] = {
            "auto_deploy": c.get("auto_deploy", False), "rate_limit": routes.get("throttling_rate_limit"),
            "burst_limit": routes.get("throttling_burst_limit"), "access_log_destination": logs.get("destination_arn"),
            "access_log_format": json.loads(logs["format"]) if logs.get("format") else None,
        }
    return out


def cfn_topics(t: Template) -> dict:
    out = {}
    policies = [t.props(lid) for lid in t.of_type("AWS::SNS::TopicPolicy")]
    for lid in t.of_type("AWS::SNS::Topic"):
        p = t.props(lid)
        ref = t.ref(lid)
        out[p["TopicName"]] = {
            "display_name": p.get("DisplayName"), "kms_key": p.get("KmsMasterKeyId"),
            "policy": [statements(pol["PolicyDocument"]) for pol in policies if ref in pol.get("Topics", [])],
            "subscriptions": sorted((s["Protocol"], s["Endpoint"]) for s in
                                    (t.props(x) for x in t.of_type("AWS::SNS::Subscription")) if s["TopicArn"] == ref),
        }
    return out


def tf_topics(plan: Plan) -> dict:
    out = {}
    policies = [plan.config(r) for r in plan.of_type("aws_sns_topic_policy")]
    subscriptions = [plan.config(r) for r in plan.of_type("aws_sns_topic_subscription")]
    for r in plan.of_type("aws_sns_topic"):
        c = plan.config(r)
        ref = placeholder("AWS::SNS::Topic", c["name"], "ref")
        out[c["name"]] = {
            "display_name": c.get("display_name"), "kms_key": c.get("kms_master_key_id"),
            "policy": [statements(pol["policy"]) for pol in policies if pol["arn"] == ref],
            "subscriptions": sorted((s["protocol"], s["endpoint"]) for s in subscriptions if s["topic_arn"] == ref),
        }
    return out


def _dims(value: Any) -> dict:
    if isinstance(value, list):
        return {d["Name"]: d["Value"] for d in value}
    return dict(value or {})


def cfn_alarms(t: Template) -> dict:
    out = {}
    for lid in t.of_type("AWS::CloudWatch::Alarm"):
        p = t.props(lid)
        metrics = None
        if p.get("Metrics"):
            metrics = sorted(
                (m["Id"], m.get("Expression"), m.get("Label"), m.get("ReturnData", True),
                 json.dumps({"namespace": m["MetricStat"]["Metric"]["Namespace"],
                             "metric": m["MetricStat"]["Metric"]["MetricName"],
                             "dimensions": _dims(m["MetricStat"]["Metric"].get("Dimensions")),
                             "period": m["MetricStat"]["Period"], "stat": m["MetricStat"]["Stat"]}, sort_keys=True)
                 if "MetricStat" in m else None)
                for m in p["Metrics"])
        out[p["AlarmName"]] = {
            "description": p.get("AlarmDescription"), "namespace": p.get("Namespace"), "metric": p.get("MetricName"),
            "statistic": p.get("Statistic"), "extended_statistic": p.get("ExtendedStatistic"),
            "dimensions": _dims(p.get("Dimensions")), "period": p.get("Period"),
            "evaluation_periods": p.get("EvaluationPeriods"), "datapoints_to_alarm": p.get("DatapointsToAlarm"),
            "threshold": p.get("Threshold"), "comparison": p.get("ComparisonOperator"),
            "missing_data": p.get("TreatMissingData"), "alarm_actions": p.get("AlarmActions"),
            "ok_actions": p.get("OKActions"), "metric_math": metrics,
        }
    return out


def tf_alarms(plan: Plan) -> dict:
    out = {}
    for r in plan.of_type("aws_cloudwatch_metric_alarm"):
        c = plan.config(r)
        metrics = None
        if c.get("metric_query"):
            metrics = []
            for q in c["metric_query"]:
                m = block(q, "metric")
                metrics.append((q["id"], q.get("expression"), q.get("label"), q.get("return_data", False if m else True),
                                json.dumps({"namespace": m["namespace"], "metric": m["metric_name"],
                                            "dimensions": dict(m.get("dimensions") or {}), "period": m["period"],
                                            "stat": m["stat"]}, sort_keys=True) if m else None))
            metrics.sort()
        out[c["alarm_name"]] = {
            "description": c.get("alarm_description"), "namespace": c.get("namespace"), "metric": c.get("metric_name"),
            "statistic": c.get("statistic"), "extended_statistic": c.get("extended_statistic"),
            "dimensions": dict(c.get("dimensions") or {}), "period": c.get("period"),
            "evaluation_periods": c.get("evaluation_periods"), "datapoints_to_alarm": c.get("datapoints_to_alarm"),
            "threshold": c.get("threshold"), "comparison": c.get("comparison_operator"),
            "missing_data": c.get("treat_missing_data"), "alarm_actions": c.get("alarm_actions"),
            "ok_actions": c.get("ok_actions"), "metric_math": metrics,
        }
    return out


def cfn_dashboards(t: Template) -> dict:
    return {p["DashboardName"]: {"body": json.loads(p["DashboardBody"])}
            for p in (t.props(lid) for lid in t.of_type("AWS::CloudWatch::Dashboard"))}


def tf_dashboards(plan: Plan) -> dict:
    return {c["dashboard_name"]: {"body": json.loads(c["dashboard_body"])}
            for c in (plan.config(r) for r in plan.of_type("aws_cloudwatch_dashboard"))}


def cfn_queries(t: Template) -> dict:
    return {p["Name"]: {"query": p["QueryString"], "log_groups": sorted(p.get("LogGroupNames", []))}
            for p in (t.props(lid) for lid in t.of_type("AWS::Logs::QueryDefinition"))}


def tf_queries(plan: Plan) -> dict:
    return {c["name"]: {"query": c["query_string"], "log_groups": sorted(c.get("log_group_names", []))}
            for c in (plan.config(r) for r in plan.of_type("aws_cloudwatch_query_definition"))}


def cfn_codedeploy(t: Template) -> dict:
    out = {}
    for lid in t.of_type("AWS::CodeDeploy::Application"):
        p = t.props(lid)
        out[f"application {p['ApplicationName']}"] = {"platform": p.get("ComputePlatform")}
    for lid in t.of_type("AWS::CodeDeploy::DeploymentGroup"):
        p = t.props(lid)
        alarms = p.get("AlarmConfiguration") or {}
        rollback = p.get("AutoRollbackConfiguration") or {}
        style = p.get("DeploymentStyle") or {}
        out[f"deployment group {p['DeploymentGroupName']}"] = {
            "application": p["ApplicationName"], "config": p.get("DeploymentConfigName"),
            "alarms": sorted(a["Name"] for a in alarms.get("Alarms", [])), "alarms_enabled": alarms.get("Enabled"),
            "rollback_enabled": rollback.get("Enabled"), "rollback_events": sorted(rollback.get("Events", [])),
            "style": (style.get("DeploymentType"), style.get("DeploymentOption")),
            "service_role": p.get("ServiceRoleArn"),
        }
    return out


def tf_codedeploy(plan: Plan) -> dict:
    out = {}
    for r in plan.of_type("aws_codedeploy_app"):
        c = plan.config(r)
        out[f"application {c['name']}"] = {"platform": c.get("compute_platform")}
    for r in plan.of_type("aws_codedeploy_deployment_group"):
        c = plan.config(r)
        alarms = block(c, "alarm_configuration")
        rollback = block(c, "auto_rollback_configuration")
        style = block(c, "deployment_style")
        out[f"deployment group {c['deployment_group_name']}"] = {
            "application": c["app_name"], "config": c.get("deployment_config_name"),
            "alarms": sorted(alarms.get("alarms", [])), "alarms_enabled": alarms.get("enabled"),
            "rollback_enabled": rollback.get("enabled"), "rollback_events": sorted(rollback.get("events", [])),
            "style": (style.get("deployment_type"), style.get("deployment_option")),
            "service_role": c.get("service_role_arn"),
        }
    return out


def cfn_repositories(t: Template) -> dict:
    out = {}
    for lid in t.of_type("AWS::ECR::Repository"):
        p = t.props(lid)
        enc = p.get("EncryptionConfiguration") or {}
        lifecycle = (p.get("LifecyclePolicy") or {}).get("LifecyclePolicyText")
        out[p["RepositoryName"]] = {
            "tag_mutability": p.get("ImageTagMutability", "MUTABLE"),
            "scan_on_push": (p.get("ImageScanningConfiguration") or {}).get("ScanOnPush", False),
            "encryption": (enc.get("EncryptionType", "AES256"), enc.get("KmsKey")),
            "lifecycle": json.loads(lifecycle) if lifecycle else None,
            "policy": statements(p.get("RepositoryPolicyText")),
        }
    return out


def tf_repositories(plan: Plan) -> dict:
    out = {}
    lifecycles = [plan.config(r) for r in plan.of_type("aws_ecr_lifecycle_policy")]
    policies = [plan.config(r) for r in plan.of_type("aws_ecr_repository_policy")]
    for r in plan.of_type("aws_ecr_repository"):
        c = plan.config(r)
        enc = block(c, "encryption_configuration")
        lifecycle = [json.loads(x["policy"]) for x in lifecycles if x["repository"] == c["name"]]
        out[c["name"]] = {
            "tag_mutability": c.get("image_tag_mutability", "MUTABLE"),
            "scan_on_push": block(c, "image_scanning_configuration").get("scan_on_push", False),
            "encryption": (enc.get("encryption_type", "AES256"), enc.get("kms_key")),
            "lifecycle": lifecycle[0] if lifecycle else None,
            "policy": [st for x in policies if x["repository"] == c["name"] for st in statements(x["policy"])],
        }
    return out


def cfn_oidc_providers(t: Template) -> dict:
    return {p["Url"]: {"client_ids": sorted(p.get("ClientIdList", []))}
            for p in (t.props(lid) for lid in t.of_type("AWS::IAM::OIDCProvider"))}


def tf_oidc_providers(plan: Plan) -> dict:
    return {c["url"]: {"client_ids": sorted(c.get("client_id_list", []))}
            for c in (plan.config(r) for r in plan.of_type("aws_iam_openid_connect_provider"))}


def cfn_buckets(t: Template) -> dict:
    out = {}
    policies = [t.props(lid) for lid in t.of_type("AWS::S3::BucketPolicy")]
    for lid, res in t.of_type("AWS::S3::Bucket").items():
        p = t.props(lid)
        (sse,) = (p.get("BucketEncryption") or {}).get("ServerSideEncryptionConfiguration", [{}])
        default = sse.get("ServerSideEncryptionByDefault") or {}
        block_public = p.get("PublicAccessBlockConfiguration") or {}
        ownership = [r.get("ObjectOwnership") for r in (p.get("OwnershipControls") or {}).get("Rules", [])]
        rules = sorted(
            (r.get("Id"), r.get("Status"), r.get("Prefix"), r.get("ExpirationInDays"),
             (r.get("AbortIncompleteMultipartUpload") or {}).get("DaysAfterInitiation"))
            for r in (p.get("LifecycleConfiguration") or {}).get("Rules", []))
        out[p["BucketName"]] = {
            "encryption": (default.get("SSEAlgorithm"), default.get("KMSMasterKeyID"), sse.get("BucketKeyEnabled")),
            "public_access_block": sorted(k for k, v in block_public.items() if v is True),
            "ownership": ownership, "lifecycle": rules, "tags": tags_of(p.get("Tags")),
            "policy": [statements(pol["PolicyDocument"]) for pol in policies if pol["Bucket"] == t.ref(lid)],
            # CloudFormation keeps a Retain bucket; Terraform's nearest is a bucket it will not empty (export.tf).
            "kept_on_delete": res.get("DeletionPolicy") == "Retain",
        }
    return out


def tf_buckets(plan: Plan) -> dict:
    out = {}
    def attached(kind: str, ref: str) -> list[dict]:
        return [c for c in (plan.config(r) for r in plan.of_type(kind)) if c["bucket"] == ref]
    for r in plan.of_type("aws_s3_bucket"):
        c = plan.config(r)
        ref = placeholder("AWS::S3::Bucket", "", "ref")
        (sse,) = [block(x, "rule") for x in attached("aws_s3_bucket_server_side_encryption_configuration", ref)]
        default = block(sse, "apply_server_side_encryption_by_default")
        (block_public,) = attached("aws_s3_bucket_public_access_block", ref)
        names = {"block_public_acls": "BlockPublicAcls", "block_public_policy": "BlockPublicPolicy",
                 "ignore_public_acls": "IgnorePublicAcls", "restrict_public_buckets": "RestrictPublicBuckets"}
        rules = sorted(
            (rule.get("id"), rule.get("status"), block(rule, "filter").get("prefix"),
             block(rule, "expiration").get("days"),
             block(rule, "abort_incomplete_multipart_upload").get("days_after_initiation"))
            for lifecycle in attached("aws_s3_bucket_lifecycle_configuration", ref) for rule in lifecycle["rule"])
        out[c["bucket"]] = {
            "encryption": (default.get("sse_algorithm"), default.get("kms_master_key_id"), sse.get("bucket_key_enabled")),
            "public_access_block": sorted(cfn for tf, cfn in names.items() if block_public.get(tf) is True),
            "ownership": [block(x, "rule").get("object_ownership")
                          for x in attached("aws_s3_bucket_ownership_controls", ref)],
            "lifecycle": rules, "tags": c.get("tags", {}),
            "policy": [statements(x["policy"]) for x in attached("aws_s3_bucket_policy", ref)],
            "kept_on_delete": c.get("force_destroy") is False,
        }
    return out


def cfn_state_machines(t: Template) -> dict:
    out = {}
    for lid in t.of_type("AWS::StepFunctions::StateMachine"):
        p = t.props(lid)
        logging = p.get("LoggingConfiguration") or {}
        (destination,) = logging.get("Destinations", [{}])
        out[p["StateMachineName"]] = {
            "type": p.get("StateMachineType", "STANDARD"), "role": p.get("RoleArn"),
            "definition": json.loads(p["DefinitionString"]),
            "log_level": logging.get("Level"), "log_execution_data": logging.get("IncludeExecutionData"),
            "log_group": (destination.get("CloudWatchLogsLogGroup") or {}).get("LogGroupArn"),
            "tracing": (p.get("TracingConfiguration") or {}).get("Enabled", False), "tags": tags_of(p.get("Tags")),
        }
    return out


def tf_state_machines(plan: Plan) -> dict:
    out = {}
    for r in plan.of_type("aws_sfn_state_machine"):
        c = plan.config(r)
        logging = block(c, "logging_configuration")
        destination = logging.get("log_destination")
        out[c["name"]] = {
            "type": c.get("type", "STANDARD"), "role": c.get("role_arn"), "definition": json.loads(c["definition"]),
            "log_level": logging.get("level"), "log_execution_data": logging.get("include_execution_data"),
            # Terraform's log group arn has no ":*"; Step Functions wants it, and CloudFormation's Arn attribute has it.
            "log_group": destination[:-2] if isinstance(destination, str) and destination.endswith(":*") else destination,
            "tracing": block(c, "tracing_configuration").get("enabled", False), "tags": c.get("tags", {}),
        }
    return out


ASPECTS: dict[str, tuple[Callable[[Template], dict], Callable[[Plan], dict]]] = {
    "function": (cfn_functions, tf_functions),
    "version": (cfn_versions, tf_versions),
    "invoke config": (cfn_invoke_configs, tf_invoke_configs),
    "alias": (cfn_aliases, tf_aliases),
    "log group": (cfn_log_groups, tf_log_groups),
    "kms key": (cfn_keys, tf_keys),
    "kms alias": (cfn_key_aliases, tf_key_aliases),
    "secret": (cfn_secrets, tf_secrets),
    "iam role": (cfn_roles, tf_roles),
    "iam permissions": (cfn_permissions_by_role, tf_permissions_by_role),
    "http api": (cfn_apis, tf_apis),
    "integration": (cfn_integrations, tf_integrations),
    "route": (cfn_routes, tf_routes),
    "lambda permission": (cfn_permissions, tf_permissions),
    "api stage": (cfn_stages, tf_stages),
    "sns topic": (cfn_topics, tf_topics),
    "alarm": (cfn_alarms, tf_alarms),
    "dashboard": (cfn_dashboards, tf_dashboards),
    "query definition": (cfn_queries, tf_queries),
    "codedeploy": (cfn_codedeploy, tf_codedeploy),
    "s3 bucket": (cfn_buckets, tf_buckets),
    "state machine": (cfn_state_machines, tf_state_machines),
}

# Kinds the stack may legitimately lack on both sides (the others must exist, or an extractor has lost its way).
OPTIONAL_ASPECTS = {"invoke config"}

# The stacks deployed once per account: CDK stack -> (Terraform module folder, aspects to compare, outputs).
ACCOUNT_STACKS = {
    "PhoneyGitHubOidc": ("github-oidc", ["iam role", "iam permissions", "oidc provider"],
                         {"DeployRoleArn": "deploy_role_arn"}),
    "PhoneyImages": ("images", ["kms key", "kms alias", "ecr repository"], {}),
}
ACCOUNT_ASPECTS = {
    **ASPECTS,
    "ecr repository": (cfn_repositories, tf_repositories),
    "oidc provider": (cfn_oidc_providers, tf_oidc_providers),
}

# CDK output name -> the module's output name.
OUTPUTS = {
    "ApiUrl": "api_url", "FunctionName": "function_name", "FunctionArn": "function_arn", "AliasName": "alias_name",
    "AliasArn": "alias_arn", "DashboardName": "dashboard_name", "AlarmTopicArn": "alarm_topic_arn",
    "ApplicationName": "application_name", "DeploymentGroupName": "deployment_group_name",
    "LogGroupName": "log_group_name", "SecretName": "secret_name", "ParameterPath": "parameter_path",
    "ExportBucketName": "export_bucket_name", "ExportStateMachineArn": "export_state_machine_arn",
}


# ---------------------------------------------------------------------------------------------------------------
# Fixtures and tests

_templates: dict[str, Template] = {}
_plans: dict[str, Plan] = {}


def template(stage: str) -> Template:
    if stage not in _templates:
        path = CDK_OUT / f"Phoney-{stage}.template.json"
        if not path.is_file():
            pytest.fail(f"{path} is missing: synthesise first (scripts/check-cdk.sh, or scripts/check-terraform.sh "
                        "which runs it)")
        _templates[stage] = Template(path)
    return _templates[stage]


def plan(stage: str) -> Plan:
    if stage not in _plans:
        _plans[stage] = Plan(stage)
    return _plans[stage]


def cfn_kinds(t: Template) -> Counter:
    kinds = Counter(res["Type"] for res in t.resources.values())
    kinds.pop("AWS::CDK::Metadata", None)
    return kinds


def tf_kinds(p: Plan) -> tuple[Counter, list[str]]:
    kinds: Counter = Counter()
    unknown = []
    for r in p.resources:
        if r["type"] not in TF_TO_CFN:
            unknown.append(r["address"])
            continue
        cfn_type = TF_TO_CFN[r["type"]]
        if cfn_type:
            kinds[cfn_type] += 1
        if r["type"] == "aws_lambda_function" and r["config"].get("publish"):
            kinds["AWS::Lambda::Version"] += 1
    return kinds, unknown


@pytest.mark.parametrize("stage", STAGES)
def test_same_kinds_of_resource(stage: str) -> None:
    cfn = cfn_kinds(template(stage))
    tf, unknown = tf_kinds(plan(stage))
    assert not unknown, f"{stage}: Terraform resources with no CloudFormation mapping in TF_TO_CFN: {unknown}"
    problems = [f"{kind}: CDK has {cfn[kind]}, Terraform has {tf[kind]}"
                for kind in sorted(set(cfn) | set(tf)) if cfn[kind] != tf[kind]]
    assert not problems, f"{stage}: resource kinds drifted:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("aspect", sorted(ASPECTS))
@pytest.mark.parametrize("stage", STAGES)
def test_same_settings(stage: str, aspect: str) -> None:
    cfn_extract, tf_extract = ASPECTS[aspect]
    cfn, tf = cfn_extract(template(stage)), tf_extract(plan(stage))
    if aspect not in OPTIONAL_ASPECTS:
        assert cfn or tf, f"{stage}: no {aspect} on either side (the extractor lost track of the templates?)"
    problems = diff(aspect, cfn, tf)
    assert not problems, f"{stage}: {aspect} drifted:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("stage", STAGES)
def test_same_outputs(stage: str) -> None:
    t = template(stage)
    cfn = {name: t.resolve(body["Value"]) for name, body in t.data.get("Outputs", {}).items()}
    tf = plan(stage).outputs()
    problems = []
    for name, value in sorted(cfn.items()):
        tf_name = OUTPUTS.get(name)
        if tf_name is None:
            problems.append(f"CDK output {name} has no Terraform name in OUTPUTS")
        elif tf_name not in tf:
            problems.append(f"CDK output {name} ({tf_name}) is missing from outputs.tf")
        elif tf[tf_name] != value:
            problems.append(f"output {name} / {tf_name}: CDK {value!r} != Terraform {tf[tf_name]!r}")
    extra = set(tf) - {OUTPUTS.get(n) for n in cfn}
    if extra:
        problems.append(f"Terraform outputs the CDK stack does not have: {sorted(extra)}")
    assert not problems, f"{stage}: outputs drifted:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("stage", STAGES)
def test_stage_settings_come_from_the_shared_file(stage: str) -> None:
    """The module reads deploy/aws/stages.json: what it plans is what the file says (and what CDK synthesised)."""
    settings = json.loads((AWS_DIR / "stages.json").read_text())[stage]
    fn = next(iter(tf_functions(plan(stage)).values()))
    assert fn["memory"] == settings["memory_mb"], "memory_mb of stages.json is not what Terraform plans"
    assert fn["timeout"] == settings["timeout_seconds"], "timeout_seconds of stages.json is not what Terraform plans"
    assert fn["timeout"] <= 29, "an HTTP API gives up after 29 s: the function timeout must not exceed it"
    assert fn["reserved_concurrency"] == settings["reserved_concurrency"]
    assert fn["architectures"] == ["arm64"] and fn["runtime"] == "provided.al2023"


def test_overrides_win_over_the_stage_file() -> None:
    overridden = Plan("dev", {"memory_mb": 2048, "jwt_issuer": "https://issuer.example", "jwt_audience": ["phoney"]})
    fn = next(iter(tf_functions(overridden).values()))
    assert fn["memory"] == 2048
    routes = tf_routes(overridden)
    assert routes["ANY /api/v1/{proxy+}"]["authorization"] == "JWT", "the JWT authorizer must guard /api/v1"
    assert len(overridden.of_type("aws_apigatewayv2_authorizer")) == 1


def test_export_settings_reach_the_twin_and_drift_is_caught() -> None:
    """The state machine and the bucket follow stages.json's export_* settings (or their overrides), and a twin that
    differs from the CDK stack in one of them fails the comparison."""
    overridden = Plan("prod", {"export_map_concurrency": 5, "export_retention_days": 3})
    (machine,) = tf_state_machines(overridden).values()
    assert machine["definition"]["States"]["Shards"]["MaxConcurrency"] == 5
    (bucket,) = tf_buckets(overridden).values()
    assert ("expire-exports", "Enabled", "exports/", 3, None) in bucket["lifecycle"]
    for aspect in ("state machine", "s3 bucket"):
        cfn_extract, tf_extract = ASPECTS[aspect]
        assert diff(aspect, cfn_extract(template("prod")), tf_extract(overridden)), aspect


def test_the_api_invokes_the_alias() -> None:
    p = plan("dev")
    for uri in tf_integrations(p):
        assert uri == placeholder("AWS::Lambda::Alias", "", "ref"), f"the integration targets {uri}, not the alias"
    for target in tf_permissions(p):
        assert target.startswith(placeholder("AWS::Lambda::Alias", "", "ref")), f"permission on {target}"


class ModulePlan(Plan):
    """A Plan of another module folder (the account-level twins)."""

    def __init__(self, folder: str) -> None:  # noqa: D107 - same as Plan, other folder
        self.module = hcl.Module(TF_DIR / folder, {})
        self.resources = self.module.planned_resources()
        self.by_address = {r["address"]: r for r in self.resources}


@pytest.mark.parametrize("stack", sorted(ACCOUNT_STACKS))
def test_account_stacks(stack: str) -> None:
    """PhoneyGitHubOidc and PhoneyImages against their twins (CDK's defaults: repository OWNER/phoney, branch main,
    environments dev, staging, prod, a new OIDC provider)."""
    path = CDK_OUT / f"{stack}.template.json"
    if not path.is_file():
        pytest.fail(f"{path} is missing: synthesise first (scripts/check-cdk.sh)")
    t = Template(path)
    folder, aspects, outputs = ACCOUNT_STACKS[stack]
    p = ModulePlan(folder)
    problems = []
    tf, unknown = tf_kinds(p)
    cfn = cfn_kinds(t)
    problems += [f"Terraform resources with no CloudFormation mapping: {unknown}"] if unknown else []
    problems += [f"{kind}: CDK has {cfn[kind]}, Terraform has {tf[kind]}"
                 for kind in sorted(set(cfn) | set(tf)) if cfn[kind] != tf[kind]]
    for aspect in aspects:
        cfn_extract, tf_extract = ACCOUNT_ASPECTS[aspect]
        problems += diff(aspect, cfn_extract(t), tf_extract(p))
    tf_outputs = p.outputs()
    for name, body in t.data.get("Outputs", {}).items():
        if name in outputs and tf_outputs.get(outputs[name]) != t.resolve(body["Value"]):
            problems.append(f"output {name}: CDK {t.resolve(body['Value'])!r} != Terraform {tf_outputs.get(outputs[name])!r}")
    assert not problems, f"{stack} drifted from terraform/{folder}:\n  " + "\n  ".join(problems)
