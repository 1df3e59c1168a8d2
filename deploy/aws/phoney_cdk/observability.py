"""Dashboard, alarms (to a KMS-encrypted SNS topic) and Logs Insights saved queries.

Built on the bootstrap's output contract: EMF metrics in namespace `Phoney` with dimension `service` (RecordsGenerated,
ExecutionTime, PlanCacheHit, EstimatedCostUSD; ColdStart in its own record with function_name+service), JSON log lines
with `level`, `message`, `function_request_id`, `xray_trace_id`, and per request (`"message":"request"`) `method`,
`path`, `route`, `status`, `duration_ms`, `template_id`, `records_generated`; Lambda's REPORT lines for @initDuration.
"""

from __future__ import annotations

from aws_cdk import Duration
from aws_cdk import aws_apigatewayv2 as apigwv2
from aws_cdk import aws_cloudwatch as cw
from aws_cdk import aws_cloudwatch_actions as cw_actions
from aws_cdk import aws_kms as kms
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_sns as sns
from constructs import Construct

from .config import METRICS_NAMESPACE, StageConfig

MINUTE = Duration.minutes(1)

# Saved queries: name -> (query lines). Kept as data so the tests and the Terraform twin can read them.
QUERIES = {
    "cold-starts": [
        'filter @type = "REPORT" and ispresent(@initDuration)',
        "fields @timestamp, @requestId, @initDuration, @duration, @maxMemoryUsed / 1048576 as maxMemoryMB",
        "sort @initDuration desc",
        "limit 100",
    ],
    "errors": [
        'filter level in ["ERROR", "CRITICAL"] or status >= 500 or @message like /Task timed out|Runtime\\./',
        "fields @timestamp, function_request_id, @requestId, xray_trace_id, level, message, method, path, status",
        "sort @timestamp desc",
        "limit 200",
    ],
    "slowest-requests": [
        'filter message = "request"',
        "fields @timestamp, function_request_id, method, route, path, status, duration_ms, records_generated",
        "sort duration_ms desc",
        "limit 50",
    ],
    "records-per-template": [
        'filter message = "request" and ispresent(template_id)',
        "stats sum(records_generated) as records, count(*) as requests, avg(duration_ms) as avg_ms by template_id",
        "sort records desc",
    ],
}


class PhoneyObservability(Construct):
    def __init__(
        self, scope: Construct, construct_id: str, config: StageConfig, *, function: lambda_.IFunction,
        alias: lambda_.Alias, api: apigwv2.HttpApi, log_group: logs.ILogGroup, key: kms.IKey,
    ) -> None:
        super().__init__(scope, construct_id)
        self.config = config
        self.topic = sns.Topic(
            self, "AlarmTopic", topic_name=f"{config.prefix}-alarms", display_name=f"Phoney {config.stage} alarms",
            master_key=key, enforce_ssl=True,
        )
        if config.alarm_email:
            # A fixed construct id (not the address) keeps the construct path, and so its acknowledgement, stable.
            sns.Subscription(self, "AlarmEmail", topic=self.topic, protocol=sns.SubscriptionProtocol.EMAIL,
                             endpoint=config.alarm_email)
        self._queries(log_group)
        self.rollback_alarms, self.alarms = self._alarms(function, alias, api)
        self.dashboard = self._dashboard(function, api, log_group)

    def emf(self, name: str, statistic: str = "Sum") -> cw.Metric:
        return cw.Metric(
            namespace=METRICS_NAMESPACE, metric_name=name, statistic=statistic, period=Duration.minutes(5),
            dimensions_map={"service": self.config.service_name},
        )

    def _queries(self, log_group: logs.ILogGroup) -> None:
        for name, lines in QUERIES.items():
            logs.QueryDefinition(
                self, f"Query-{name}",
                query_definition_name=f"{self.config.prefix}/{name}",
                query_string=logs.QueryString(
                    # QueryString has no generic "line" field; the fields below cover every line kind we use.
                    **_query_parts(lines)
                ),
                log_groups=[log_group],
            )

    def _alarm(self, name: str, metric: cw.IMetric, threshold: float, description: str, *,
               periods: int = 3, breaching: int = 2) -> cw.Alarm:
        alarm = cw.Alarm(
            self, name,
            alarm_name=f"{self.config.prefix}-{name}",
            alarm_description=description,
            metric=metric,
            threshold=threshold,
            evaluation_periods=periods,
            datapoints_to_alarm=breaching,
            comparison_operator=cw.ComparisonOperator.GREATER_THAN_THRESHOLD,
            # No traffic is not a failure: a quiet dev stage must not block its own deployments.
            treat_missing_data=cw.TreatMissingData.NOT_BREACHING,
        )
        alarm.add_alarm_action(cw_actions.SnsAction(self.topic))
        alarm.add_ok_action(cw_actions.SnsAction(self.topic))
        return alarm

    def _alarms(self, function, alias: lambda_.Alias, api: apigwv2.HttpApi):
        c = self.config
        timeout_ms = c.timeout_seconds * 1000
        five_xx_rate = cw.MathExpression(
            expression="IF(requests > 0, 100 * errors / requests, 0)",
            using_metrics={
                "errors": api.metric_server_error(period=MINUTE, statistic="Sum"),
                "requests": api.metric_count(period=MINUTE, statistic="Sum"),
            },
            label="5xx %", period=MINUTE,
        )
        # Alarms on the alias (its Resource dimension) judge exactly the traffic a deployment shifts.
        rollback = [
            self._alarm("api-5xx-rate", five_xx_rate, c.alarm_5xx_percent,
                        f"HTTP API 5xx above {c.alarm_5xx_percent}% of requests"),
            self._alarm("api-p99-latency", api.metric_latency(period=MINUTE, statistic="p99"),
                        c.alarm_p99_latency_ms, f"HTTP API p99 latency above {c.alarm_p99_latency_ms} ms"),
            self._alarm("alias-errors", alias.metric_errors(period=MINUTE, statistic="Sum"),
                        c.alarm_errors_per_minute, f"Function errors on alias live above {c.alarm_errors_per_minute}/min"),
            self._alarm("alias-duration-near-timeout", alias.metric_duration(period=MINUTE, statistic="Maximum"),
                        0.8 * timeout_ms, f"Function duration above 80% of its {c.timeout_seconds} s timeout",
                        periods=2, breaching=1),
        ]
        # Throttles are a capacity problem, not a bad release: they page but do not roll back.
        throttles = self._alarm("throttles", function.metric_throttles(period=MINUTE, statistic="Sum"), 0,
                                "Function invocations throttled (reserved concurrency or account limit)")
        return rollback, rollback + [throttles]

    def _dashboard(self, function, api: apigwv2.HttpApi, log_group: logs.ILogGroup) -> cw.Dashboard:
        five = Duration.minutes(5)
        board = cw.Dashboard(self, "Dashboard", dashboard_name=self.config.prefix, default_interval=Duration.hours(3))
        board.add_widgets(
            cw.GraphWidget(title="Requests", width=8, left=[api.metric_count(period=five, statistic="Sum")]),
            cw.GraphWidget(title="Records generated", width=8, left=[self.emf("RecordsGenerated")]),
            cw.GraphWidget(title="Estimated cost (USD, EMF)", width=8, left=[self.emf("EstimatedCostUSD")]),
        )
        board.add_widgets(
            cw.GraphWidget(title="Function duration p50/p99 (ms)", width=8, left=[
                function.metric_duration(period=five, statistic="p50", label="p50"),
                function.metric_duration(period=five, statistic="p99", label="p99"),
                self.emf("ExecutionTime", "p99").with_(label="ExecutionTime p99 (EMF)"),
            ]),
            cw.GraphWidget(title="API latency p50/p99 (ms)", width=8, left=[
                api.metric_latency(period=five, statistic="p50", label="p50"),
                api.metric_latency(period=five, statistic="p99", label="p99"),
                api.metric_integration_latency(period=five, statistic="p99", label="integration p99"),
            ]),
            cw.GraphWidget(title="4xx / 5xx", width=8, left=[
                api.metric_client_error(period=five, statistic="Sum", label="4xx"),
                api.metric_server_error(period=five, statistic="Sum", label="5xx"),
            ]),
        )
        board.add_widgets(
            cw.GraphWidget(title="Errors / throttles", width=8, left=[
                function.metric_errors(period=five, statistic="Sum", label="errors"),
                function.metric_throttles(period=five, statistic="Sum", label="throttles"),
            ]),
            cw.GraphWidget(title="Concurrent executions", width=8, left=[
                cw.Metric(namespace="AWS/Lambda", metric_name="ConcurrentExecutions", statistic="Maximum",
                          period=five, dimensions_map={"FunctionName": function.function_name}),
            ]),
            cw.GraphWidget(title="Plan cache hits / cold starts (EMF)", width=8, left=[
                self.emf("PlanCacheHit"),
                cw.Metric(namespace=METRICS_NAMESPACE, metric_name="ColdStart", statistic="Sum", period=five,
                          dimensions_map={"function_name": function.function_name,
                                          "service": self.config.service_name}),
            ]),
        )
        # Init duration only exists in the platform REPORT lines, so it comes from Logs Insights.
        board.add_widgets(
            cw.LogQueryWidget(
                title="Init duration (cold starts, ms)", width=24, log_group_names=[log_group.log_group_name],
                view=cw.LogQueryVisualizationType.LINE,
                query_lines=[
                    'filter @type = "REPORT" and ispresent(@initDuration)',
                    "stats count(*) as coldStarts, avg(@initDuration) as avgInit, pct(@initDuration, 99) as p99Init"
                    " by bin(5m)",
                ],
            ),
        )
        return board


def _query_parts(lines: list[str]) -> dict:
    """Maps our query lines onto logs.QueryString's keyword fields (each keyword becomes one `| keyword ...` line)."""
    parts: dict = {}
    for line in lines:
        keyword, _, rest = line.partition(" ")
        key = {"filter": "filter_statements", "stats": "stats_statements", "fields": "fields"}.get(keyword)
        if key == "fields":
            parts["fields"] = [part.strip() for part in rest.split(",")]
        elif key:
            parts.setdefault(key, []).append(rest)
        elif keyword == "sort":
            parts["sort"] = rest
        elif keyword == "limit":
            parts["limit"] = int(rest)
        else:
            raise ValueError(f"unsupported query line: {line}")
    return parts
