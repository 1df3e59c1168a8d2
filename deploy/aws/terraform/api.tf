# HTTP API (payload 2.0) in front of the `live` alias: stage throttling, CORS, JSON access logs, an optional JWT
# authorizer on /api/v1 and an optional custom domain.
#
# WAF cannot be associated with an HTTP API (only REST APIs, ALBs, CloudFront, AppSync...). Where WAF is needed, put
# CloudFront with a WAF web ACL in front of the custom domain, or move to a REST API.

locals {
  # One JSON object per request; the same fields as the CDK stack's ACCESS_LOG_FIELDS.
  access_log_fields = {
    request_id             = "$context.requestId"
    timestamp              = "$context.requestTime"
    source_ip              = "$context.identity.sourceIp"
    method                 = "$context.httpMethod"
    path                   = "$context.path"
    route                  = "$context.routeKey"
    protocol               = "$context.protocol"
    status                 = "$context.status"
    response_length        = "$context.responseLength"
    latency_ms             = "$context.responseLatency"
    integration_latency_ms = "$context.integrationLatency"
    integration_status     = "$context.integrationStatus"
    integration_error      = "$context.integrationErrorMessage"
    function_request_id    = "$context.integration.requestId"
    error                  = "$context.error.message"
    authorizer_error       = "$context.authorizer.error"
    user_agent             = "$context.identity.userAgent"
  }
}

resource "aws_cloudwatch_log_group" "access" {
  name              = "/aws/apigateway/${local.prefix}"
  retention_in_days = local.log_retention_days
  kms_key_id        = aws_kms_key.this.arn
  skip_destroy      = local.retain_data
  tags              = local.tags
}

resource "aws_apigatewayv2_api" "this" {
  name          = local.prefix
  description   = "Phoney fake-data API (${var.stage})"
  protocol_type = "HTTP"

  dynamic "cors_configuration" {
    for_each = length(local.cors_origins) > 0 ? [local.cors_origins] : []

    content {
      allow_origins = cors_configuration.value
      allow_methods = ["*"]
      allow_headers = ["authorization", "content-type", "x-api-key", "accept"]
      max_age       = 3600
    }
  }

  tags = local.tags
}

# The integration names the alias, so the API always reaches what CodeDeploy has shifted `live` to.
resource "aws_apigatewayv2_integration" "live" {
  api_id                 = aws_apigatewayv2_api.this.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_alias.live.arn
  payload_format_version = "2.0"
  timeout_milliseconds   = min(29, local.timeout_seconds + 1) * 1000
}

resource "aws_apigatewayv2_route" "default" {
  #checkov:skip=CKV_AWS_309:Public by design (health, documentation, /fake, the app's own token auth), as in the CDK stack; the optional JWT authorizer guards /api/v1 on its own route.
  api_id    = aws_apigatewayv2_api.this.id
  route_key = "$default"
  target    = "integrations/${aws_apigatewayv2_integration.live.id}"
}

resource "aws_lambda_permission" "default_route" {
  statement_id  = "AllowHttpApiDefaultRoute"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_alias.live.arn
  principal     = "apigateway.amazonaws.com"
  source_arn    = "arn:${local.partition}:execute-api:${local.region}:${local.account_id}:${aws_apigatewayv2_api.this.id}/*/*"
}

# API Gateway checks the JWT before the function runs; the app's own auth still applies behind it.
resource "aws_apigatewayv2_authorizer" "jwt" {
  count = local.jwt_enabled ? 1 : 0

  api_id           = aws_apigatewayv2_api.this.id
  name             = "${local.prefix}-jwt"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]

  jwt_configuration {
    issuer   = var.jwt_issuer
    audience = var.jwt_audience
  }
}

resource "aws_apigatewayv2_route" "api_v1" {
  count = local.jwt_enabled ? 1 : 0

  api_id             = aws_apigatewayv2_api.this.id
  route_key          = "ANY /api/v1/{proxy+}"
  target             = "integrations/${aws_apigatewayv2_integration.live.id}"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.jwt[0].id
}

resource "aws_lambda_permission" "api_v1_route" {
  count = local.jwt_enabled ? 1 : 0

  statement_id  = "AllowHttpApiV1Route"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_alias.live.arn
  principal     = "apigateway.amazonaws.com"
  source_arn    = "arn:${local.partition}:execute-api:${local.region}:${local.account_id}:${aws_apigatewayv2_api.this.id}/*/*/api/v1/{proxy+}"
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_rate_limit  = local.throttle_rate_per_second
    throttling_burst_limit = local.throttle_burst
  }

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format          = jsonencode(local.access_log_fields)
  }

  tags = local.tags
}

resource "aws_apigatewayv2_domain_name" "this" {
  count = local.domain_enabled ? 1 : 0

  domain_name = var.domain_name

  domain_name_configuration {
    certificate_arn = var.certificate_arn
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }

  tags = local.tags
}

resource "aws_apigatewayv2_api_mapping" "this" {
  count = local.domain_enabled ? 1 : 0

  api_id      = aws_apigatewayv2_api.this.id
  domain_name = aws_apigatewayv2_domain_name.this[0].id
  stage       = aws_apigatewayv2_stage.default.id
}
