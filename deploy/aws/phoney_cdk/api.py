"""The HTTP API (payload 2.0) in front of the `live` alias: stage throttling, CORS, JSON access logs, optional JWT
authorizer on /api/v1, optional custom domain.

WAF cannot be associated with an HTTP API (only REST APIs, ALBs, CloudFront, AppSync...). Where WAF is needed, put
CloudFront with a WAF web ACL in front of the custom domain, or move to a REST API.
"""

from __future__ import annotations

import json

import jsii
from aws_cdk import Duration, RemovalPolicy
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_apigatewayv2 as apigwv2
from aws_cdk import aws_apigatewayv2_authorizers as authorizers
from aws_cdk import aws_apigatewayv2_integrations as integrations
from aws_cdk import aws_certificatemanager as acm
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_kms as kms
from constructs import Construct

from .config import StageConfig
from .function import retention

# One JSON object per request; field names follow the app's own request log where they overlap.
ACCESS_LOG_FIELDS = {
    "request_id": "$context.requestId",
    "timestamp": "$context.requestTime",
    "source_ip": "$context.identity.sourceIp",
    "method": "$context.httpMethod",
    "path": "$context.path",
    "route": "$context.routeKey",
    "protocol": "$context.protocol",
    "status": "$context.status",
    "response_length": "$context.responseLength",
    "latency_ms": "$context.responseLatency",
    "integration_latency_ms": "$context.integrationLatency",
    "integration_status": "$context.integrationStatus",
    "integration_error": "$context.integrationErrorMessage",
    "function_request_id": "$context.integration.requestId",
    "error": "$context.error.message",
    "authorizer_error": "$context.authorizer.error",
    "user_agent": "$context.identity.userAgent",
}


@jsii.implements(apigwv2.IAccessLogSettings)
class JsonAccessLog:
    """IAccessLogSettings is a jsii interface, so a plain dict is refused: this class is the settings object."""

    def __init__(self, log_group: logs.ILogGroup) -> None:
        self._destination = apigwv2.LogGroupLogDestination(log_group)

    @property
    def destination(self) -> apigwv2.IAccessLogDestination:
        return self._destination

    @property
    def format(self) -> apigw.AccessLogFormat:
        return apigw.AccessLogFormat.custom(json.dumps(ACCESS_LOG_FIELDS, separators=(",", ":")))


class PhoneyApi(Construct):
    def __init__(
        self, scope: Construct, construct_id: str, config: StageConfig, alias: lambda_.IAlias, key: kms.IKey
    ) -> None:
        super().__init__(scope, construct_id)
        removal = RemovalPolicy.RETAIN if config.retain_data else RemovalPolicy.DESTROY
        self.access_logs = logs.LogGroup(
            self, "AccessLogs",
            log_group_name=f"/aws/apigateway/{config.prefix}",
            retention=retention(config.log_retention_days),
            encryption_key=key,
            removal_policy=removal,
        )
        # The integration names the alias, so the API always reaches what CodeDeploy has shifted `live` to.
        integration = integrations.HttpLambdaIntegration(
            "Live", alias, payload_format_version=apigwv2.PayloadFormatVersion.VERSION_2_0,
            timeout=Duration.seconds(min(29, config.timeout_seconds + 1)),
        )
        cors = None
        if config.cors_origins:
            cors = apigwv2.CorsPreflightOptions(
                allow_origins=config.cors_origins,
                allow_methods=[apigwv2.CorsHttpMethod.ANY],
                allow_headers=["authorization", "content-type", "x-api-key", "accept"],
                max_age=Duration.hours(1),
            )
        self.api = apigwv2.HttpApi(
            self, "Api",
            api_name=config.prefix,
            description=f"Phoney fake-data API ({config.stage})",
            default_integration=integration,
            cors_preflight=cors,
            create_default_stage=False,
        )
        if config.jwt_issuer:
            # API Gateway checks the JWT before the function runs; the app's own auth still applies behind it.
            authorizer = authorizers.HttpJwtAuthorizer(
                "Jwt", config.jwt_issuer, jwt_audience=config.jwt_audience, authorizer_name=f"{config.prefix}-jwt"
            )
            self.api.add_routes(
                path="/api/v1/{proxy+}", methods=[apigwv2.HttpMethod.ANY],
                integration=integration, authorizer=authorizer,
            )
        domain = None
        if config.domain_name:
            domain = apigwv2.DomainName(
                self, "Domain",
                domain_name=config.domain_name,
                certificate=acm.Certificate.from_certificate_arn(self, "Certificate", config.certificate_arn),
            )
        self.stage = apigwv2.HttpStage(
            self, "Stage",
            http_api=self.api,
            stage_name="$default",
            auto_deploy=True,
            throttle=apigwv2.ThrottleSettings(
                rate_limit=config.throttle_rate_per_second, burst_limit=config.throttle_burst
            ),
            access_log_settings=JsonAccessLog(self.access_logs),
            domain_mapping=apigwv2.DomainMappingOptions(domain_name=domain) if domain else None,
        )
        self.url = f"https://{config.domain_name}/" if domain else self.stage.url
