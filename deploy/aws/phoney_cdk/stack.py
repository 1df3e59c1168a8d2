"""`Phoney-<stage>`: function, releases, HTTP API, observability, and its outputs."""

from __future__ import annotations

from aws_cdk import CfnOutput, Stack, Tags
from aws_cdk import aws_codedeploy as codedeploy
from constructs import Construct

from .api import PhoneyApi
from .config import ALIAS_NAME, StageConfig
from .export import PhoneyExport
from .function import PhoneyFunction
from .observability import PhoneyObservability

DEPLOYMENT_CONFIGS = {
    "ALL_AT_ONCE": codedeploy.LambdaDeploymentConfig.ALL_AT_ONCE,
    "CANARY_10PERCENT_5MINUTES": codedeploy.LambdaDeploymentConfig.CANARY_10_PERCENT_5_MINUTES,
    "CANARY_10PERCENT_10MINUTES": codedeploy.LambdaDeploymentConfig.CANARY_10_PERCENT_10_MINUTES,
    "LINEAR_10PERCENT_EVERY_1MINUTE": codedeploy.LambdaDeploymentConfig.LINEAR_10_PERCENT_EVERY_1_MINUTE,
}


class PhoneyStack(Stack):
    def __init__(self, scope: Construct, config: StageConfig, **kwargs) -> None:
        super().__init__(
            scope, config.stack_name, stack_name=config.stack_name,
            description=f"Phoney fake-data API, stage {config.stage} (deploy/aws/app.py)", **kwargs,
        )
        # cfn-lint 1.51.0's schema predates Tags on AWS::CloudWatch::Dashboard (E3002), so dashboards go untagged.
        untagged = ["AWS::CloudWatch::Dashboard"]
        Tags.of(self).add("project", "phoney", exclude_resource_types=untagged)
        Tags.of(self).add("stage", config.stage, exclude_resource_types=untagged)
        self.config = config

        self.service = PhoneyFunction(self, "Service", config)
        self.http = PhoneyApi(self, "Http", config, self.service.alias, self.service.key)
        # POST /api/v1/jobs reaches the function through the API's routes above (the $default route, or the JWT
        # route on /api/v1/{proxy+}); the shards reach it through the state machine, with their own event shape.
        self.export = PhoneyExport(
            self, "Export", config, key=self.service.key, function=self.service.function, alias=self.service.alias,
            function_policy=self.service.policy,
        )
        self.observability = PhoneyObservability(
            self, "Observability", config, function=self.service.function, alias=self.service.alias,
            api=self.http.api, log_group=self.service.log_group, key=self.service.key,
        )
        # CodeDeploy moves `live` to each new version and rolls it back when a rollback alarm fires.
        # ignore_alarms=true (context) is the documented way to ship a fix while one of them is already firing.
        self.application = codedeploy.LambdaApplication(self, "Application", application_name=config.prefix)
        self.deployment_group = codedeploy.LambdaDeploymentGroup(
            self, "DeploymentGroup",
            application=self.application,
            deployment_group_name=config.prefix,
            alias=self.service.alias,
            deployment_config=DEPLOYMENT_CONFIGS[config.deployment],
            alarms=self.observability.rollback_alarms,
            ignore_alarm_configuration=config.ignore_alarms,
            auto_rollback=codedeploy.AutoRollbackConfig(
                failed_deployment=True, stopped_deployment=True, deployment_in_alarm=True
            ),
        )
        self._outputs()

    def _outputs(self) -> None:
        fn = self.service.function
        outputs = {
            "ApiUrl": self.http.url,
            "FunctionName": fn.function_name,
            "FunctionArn": fn.function_arn,
            "AliasName": ALIAS_NAME,
            "AliasArn": self.service.alias.function_arn,
            "DashboardName": self.config.prefix,
            "AlarmTopicArn": self.observability.topic.topic_arn,
            "ApplicationName": self.application.application_name,
            "DeploymentGroupName": self.deployment_group.deployment_group_name,
            "LogGroupName": self.service.log_group.log_group_name,
            "SecretName": self.config.secret_name,
            "ParameterPath": self.config.parameter_path,
            "ExportBucketName": self.export.bucket.bucket_name,
            "ExportStateMachineArn": self.export.state_machine.state_machine_arn,
        }
        for name, value in outputs.items():
            CfnOutput(self, name, value=value)
