# Logs Insights saved queries on the function's log group, phoney-<stage>/<name>. The query strings are the ones
# CDK's logs.QueryString renders from phoney_cdk/observability.py's QUERIES (fields, filter, stats, sort, limit,
# in that order, joined by "\n| ").

locals {
  queries = {
    cold-starts = [
      "fields @timestamp, @requestId, @initDuration, @duration, @maxMemoryUsed / 1048576 as maxMemoryMB",
      "filter @type = \"REPORT\" and ispresent(@initDuration)",
      "sort @initDuration desc",
      "limit 100",
    ]
    errors = [
      "fields @timestamp, function_request_id, @requestId, xray_trace_id, level, message, method, path, status",
      "filter level in [\"ERROR\", \"CRITICAL\"] or status >= 500 or @message like /Task timed out|Runtime\\./",
      "sort @timestamp desc",
      "limit 200",
    ]
    slowest-requests = [
      "fields @timestamp, function_request_id, method, route, path, status, duration_ms, records_generated",
      "filter message = \"request\"",
      "sort duration_ms desc",
      "limit 50",
    ]
    records-per-template = [
      "filter message = \"request\" and ispresent(template_id)",
      "stats sum(records_generated) as records, count(*) as requests, avg(duration_ms) as avg_ms by template_id",
      "sort records desc",
    ]
  }
}

resource "aws_cloudwatch_query_definition" "this" {
  for_each = local.queries

  name            = "${local.prefix}/${each.key}"
  log_group_names = [aws_cloudwatch_log_group.function.name]
  query_string    = join("\n| ", each.value)
}
