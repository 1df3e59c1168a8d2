import Metrics
import Synchronization

/// The API's metrics, made through an injected swift-metrics factory (Prometheus in the server, a no-op or a
/// test factory elsewhere) rather than the global one, so several apps can live in one process.
package final class APIMetrics: Sendable {
    struct RouteKey: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    struct RouteMetrics: @unchecked Sendable {
        var requests: Counter
        var duration: Timer
    }

    /// Running totals of records made and plan-cache hits and misses, kept beside the swift-metrics counters so a
    /// transport can read what one request added (the Lambda's per-invocation metric line).
    package struct Totals: Sendable, Equatable {
        package var records: UInt64
        package var cacheHits: UInt64
        package var cacheMisses: UInt64

        package init(records: UInt64, cacheHits: UInt64, cacheMisses: UInt64) {
            self.records = records
            self.cacheHits = cacheHits
            self.cacheMisses = cacheMisses
        }
    }

    let factory: any MetricsFactory
    private let recordTotal = Atomic<UInt64>(0)
    private let hitTotal = Atomic<UInt64>(0)
    private let missTotal = Atomic<UInt64>(0)
    let records: Counter
    let cacheHits: Counter
    let cacheMisses: Counter
    private let routes = Mutex<[RouteKey: RouteMetrics]>([:])

    package init(factory: any MetricsFactory = NOOPMetricsHandler.instance) {
        self.factory = factory
        records = Counter(label: "phoney_records_generated_total", factory: factory)
        cacheHits = Counter(label: "phoney_plan_cache_hits_total", factory: factory)
        cacheMisses = Counter(label: "phoney_plan_cache_misses_total", factory: factory)
    }

    /// Counts one finished request and records its latency.
    package func request(route: String, method: String, status: Int, nanoseconds: UInt64) {
        let key = RouteKey(route: route, method: method, status: status)
        let metrics = routes.withLock { routes in
            if let known = routes[key] { return known }
            let made = RouteMetrics(
                requests: Counter(
                    label: "phoney_http_requests_total",
                    dimensions: [("route", route), ("method", method), ("status", String(status))], factory: factory),
                duration: Timer(
                    label: "phoney_http_request_duration_seconds",
                    dimensions: [("route", route), ("method", method)], factory: factory))
            routes[key] = made
            return made
        }
        metrics.requests.increment()
        metrics.duration.recordNanoseconds(Int64(clamping: nanoseconds))
    }

    /// Counts generated records.
    package func generated(_ count: UInt64) {
        if count > 0 {
            records.increment(by: Int64(clamping: count))
            recordTotal.add(count, ordering: .relaxed)
        }
    }

    /// The running totals.
    package var totals: Totals {
        Totals(
            records: recordTotal.load(ordering: .relaxed), cacheHits: hitTotal.load(ordering: .relaxed),
            cacheMisses: missTotal.load(ordering: .relaxed))
    }

    /// Counts one plan-cache lookup.
    package func planCache(hit: Bool) {
        (hit ? cacheHits : cacheMisses).increment()
        if hit {
            hitTotal.add(1, ordering: .relaxed)
        } else {
            missTotal.add(1, ordering: .relaxed)
        }
    }
}
