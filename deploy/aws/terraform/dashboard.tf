# The stage's dashboard, widget for widget the CDK stack's (phoney_cdk/observability.py): requests, records
# generated, estimated cost (EMF), function and API duration p50/p99, 4xx/5xx, errors and throttles, concurrent
# executions, plan cache hits and cold starts (EMF), and init duration from the REPORT lines (Logs Insights).

locals {
  fn = aws_lambda_function.this.function_name

  dashboard_rows = [
    [
      { title = "Requests", metrics = [["AWS/ApiGateway", "Count", "ApiId", aws_apigatewayv2_api.this.id, { stat = "Sum" }]] },
      { title = "Records generated", metrics = [[local.metrics_namespace, "RecordsGenerated", "service", local.service_name, { stat = "Sum" }]] },
      { title = "Estimated cost (USD, EMF)", metrics = [[local.metrics_namespace, "EstimatedCostUSD", "service", local.service_name, { stat = "Sum" }]] },
    ],
    [
      { title = "Function duration p50/p99 (ms)", metrics = [
        ["AWS/Lambda", "Duration", "FunctionName", local.fn, { label = "p50", stat = "p50" }],
        ["AWS/Lambda", "Duration", "FunctionName", local.fn, { label = "p99", stat = "p99" }],
        [local.metrics_namespace, "ExecutionTime", "service", local.service_name, { label = "ExecutionTime p99 (EMF)", stat = "p99" }],
      ] },
      { title = "API latency p50/p99 (ms)", metrics = [
        ["AWS/ApiGateway", "Latency", "ApiId", aws_apigatewayv2_api.this.id, { label = "p50", stat = "p50" }],
        ["AWS/ApiGateway", "Latency", "ApiId", aws_apigatewayv2_api.this.id, { label = "p99", stat = "p99" }],
        ["AWS/ApiGateway", "IntegrationLatency", "ApiId", aws_apigatewayv2_api.this.id, { label = "integration p99", stat = "p99" }],
      ] },
      { title = "4xx / 5xx", metrics = [
        ["AWS/ApiGateway", "4xx", "ApiId", aws_apigatewayv2_api.this.id, { label = "4xx", stat = "Sum" }],
        ["AWS/ApiGateway", "5xx", "ApiId", aws_apigatewayv2_api.this.id, { label = "5xx", stat = "Sum" }],
      ] },
    ],
    [
      { title = "Errors / throttles", metrics = [
        ["AWS/Lambda", "Errors", "FunctionName", local.fn, { label = "errors", stat = "Sum" }],
        ["AWS/Lambda", "Throttles", "FunctionName", local.fn, { label = "throttles", stat = "Sum" }],
      ] },
      { title = "Concurrent executions", metrics = [["AWS/Lambda", "ConcurrentExecutions", "FunctionName", local.fn, { stat = "Maximum" }]] },
      { title = "Plan cache hits / cold starts (EMF)", metrics = [
        [local.metrics_namespace, "PlanCacheHit", "service", local.service_name, { stat = "Sum" }],
        [local.metrics_namespace, "ColdStart", "function_name", local.fn, "service", local.service_name, { stat = "Sum" }],
      ] },
    ],
  ]

  metric_widgets = flatten([
    for row_index, row in local.dashboard_rows : [
      for column, widget in row : {
        type   = "metric"
        width  = 8
        height = 6
        x      = column * 8
        y      = row_index * 6
        properties = {
          view    = "timeSeries"
          title   = widget.title
          region  = local.region
          metrics = widget.metrics
          yAxis   = {}
        }
      }
    ]
  ])

  init_duration_widget = {
    type   = "log"
    width  = 24
    height = 6
    x      = 0
    y      = 18
    properties = {
      view    = "timeSeries"
      title   = "Init duration (cold starts, ms)"
      region  = local.region
      query   = "SOURCE '${aws_cloudwatch_log_group.function.name}' | filter @type = \"REPORT\" and ispresent(@initDuration)\n| stats count(*) as coldStarts, avg(@initDuration) as avgInit, pct(@initDuration, 99) as p99Init by bin(5m)"
      stacked = false
    }
  }
}

resource "aws_cloudwatch_dashboard" "this" {
  dashboard_name = local.prefix
  dashboard_body = jsonencode({
    start   = "-PT3H"
    widgets = concat(local.metric_widgets, [local.init_duration_widget])
  })
}
