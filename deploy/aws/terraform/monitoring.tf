# Alarms to a KMS-encrypted SNS topic (optional e-mail subscription). The dashboard is in dashboard.tf, the Logs
# Insights saved queries in queries.tf.

resource "aws_sns_topic" "alarms" {
  name              = "${local.prefix}-alarms"
  display_name      = "Phoney ${var.stage} alarms"
  kms_master_key_id = aws_kms_key.this.arn
  tags              = local.tags
}

# CDK's enforce_ssl: refuse publishing over plain HTTP.
data "aws_iam_policy_document" "alarms_topic" {
  statement {
    sid       = "AllowPublishThroughSSLOnly"
    effect    = "Deny"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.alarms.arn]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_sns_topic_policy" "alarms" {
  arn    = aws_sns_topic.alarms.arn
  policy = data.aws_iam_policy_document.alarms_topic.json
}

resource "aws_sns_topic_subscription" "email" {
  count = local.email_enabled ? 1 : 0

  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = var.alarm_email
}

locals {
  timeout_ms = local.timeout_seconds * 1000

  alias_dimensions = {
    FunctionName = aws_lambda_function.this.function_name
    Resource     = "${aws_lambda_function.this.function_name}:${local.alias_name}"
  }
  function_dimensions = { FunctionName = aws_lambda_function.this.function_name }
  api_dimensions      = { ApiId = aws_apigatewayv2_api.this.id }

  # Single-metric alarms (the 5xx rate, a metric-math alarm, is its own resource below). `rollback` alarms are the
  # deployment group's: they judge exactly the traffic a deployment shifts. Throttles are a capacity problem, not a
  # bad release: they page but do not roll back.
  alarms = {
    api-p99-latency = {
      alarm_name          = "${local.prefix}-api-p99-latency"
      description         = "HTTP API p99 latency above ${local.alarm_p99_latency_ms} ms"
      namespace           = "AWS/ApiGateway"
      metric_name         = "Latency"
      statistic           = null
      extended_statistic  = "p99"
      dimensions          = local.api_dimensions
      threshold           = local.alarm_p99_latency_ms
      evaluation_periods  = 3
      datapoints_to_alarm = 2
      rollback            = true
    }
    alias-errors = {
      alarm_name          = "${local.prefix}-alias-errors"
      description         = "Function errors on alias live above ${local.alarm_errors_per_minute}/min"
      namespace           = "AWS/Lambda"
      metric_name         = "Errors"
      statistic           = "Sum"
      extended_statistic  = null
      dimensions          = local.alias_dimensions
      threshold           = local.alarm_errors_per_minute
      evaluation_periods  = 3
      datapoints_to_alarm = 2
      rollback            = true
    }
    alias-duration-near-timeout = {
      alarm_name          = "${local.prefix}-alias-duration-near-timeout"
      description         = "Function duration above 80% of its ${local.timeout_seconds} s timeout"
      namespace           = "AWS/Lambda"
      metric_name         = "Duration"
      statistic           = "Maximum"
      extended_statistic  = null
      dimensions          = local.alias_dimensions
      threshold           = 0.8 * local.timeout_ms
      evaluation_periods  = 2
      datapoints_to_alarm = 1
      rollback            = true
    }
    throttles = {
      alarm_name          = "${local.prefix}-throttles"
      description         = "Function invocations throttled (reserved concurrency or account limit)"
      namespace           = "AWS/Lambda"
      metric_name         = "Throttles"
      statistic           = "Sum"
      extended_statistic  = null
      dimensions          = local.function_dimensions
      threshold           = 0
      evaluation_periods  = 3
      datapoints_to_alarm = 2
      rollback            = false
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "metric" {
  for_each = local.alarms

  alarm_name          = each.value.alarm_name
  alarm_description   = each.value.description
  namespace           = each.value.namespace
  metric_name         = each.value.metric_name
  statistic           = each.value.statistic
  extended_statistic  = each.value.extended_statistic
  dimensions          = each.value.dimensions
  period              = 60
  evaluation_periods  = each.value.evaluation_periods
  datapoints_to_alarm = each.value.datapoints_to_alarm
  threshold           = each.value.threshold
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = local.tags
}

# 5xx responses as a share of requests, in per cent (a rollback alarm).
resource "aws_cloudwatch_metric_alarm" "api_5xx_rate" {
  alarm_name          = "${local.prefix}-api-5xx-rate"
  alarm_description   = "HTTP API 5xx above ${local.alarm_5xx_percent}% of requests"
  comparison_operator = "GreaterThanThreshold"
  threshold           = local.alarm_5xx_percent
  evaluation_periods  = 3
  datapoints_to_alarm = 2
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  metric_query {
    id          = "expr_1"
    expression  = "IF(requests > 0, 100 * errors / requests, 0)"
    label       = "5xx %"
    return_data = true
  }

  metric_query {
    id          = "errors"
    return_data = false

    metric {
      namespace   = "AWS/ApiGateway"
      metric_name = "5xx"
      dimensions  = local.api_dimensions
      period      = 60
      stat        = "Sum"
    }
  }

  metric_query {
    id          = "requests"
    return_data = false

    metric {
      namespace   = "AWS/ApiGateway"
      metric_name = "Count"
      dimensions  = local.api_dimensions
      period      = 60
      stat        = "Sum"
    }
  }

  tags = local.tags
}
