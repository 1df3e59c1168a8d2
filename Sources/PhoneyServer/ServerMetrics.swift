import PhoneyAPI
import Prometheus

/// Prometheus metrics for one server: a registry of its own, latency buckets fit for sub-millisecond requests.
package struct ServerMetrics: Sendable {
    package let registry: PrometheusCollectorRegistry
    package let api: APIMetrics

    package init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
            .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
            .milliseconds(500), .seconds(1), .seconds(5), .seconds(30),
        ]
        self.api = APIMetrics(factory: factory)
    }

    /// The metrics in Prometheus text format.
    package func export() -> [UInt8] {
        registry.emitToBuffer()
    }
}
