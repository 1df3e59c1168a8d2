import PhoneyAPI
import PhoneyCore
import Testing

@testable import PhoneyLambda

struct InvocationMetricsTests {
    @Test func costRoundsDurationUpToTheMillisecondAtTheArchitecturesPrice() {
        let arm = InvocationMetrics(functionName: "f", memoryMB: 128, architecture: "arm64")
        // 1.2 ms bills as 2 ms: 0.125 GB × 0.002 s × price + one request.
        let expected = 0.125 * 0.002 * InvocationMetrics.arm64PricePerGBSecond + InvocationMetrics.pricePerRequest
        #expect(abs(arm.cost(nanoseconds: 1_200_000) - expected) < 1e-15)
        let x86 = InvocationMetrics(functionName: "f", memoryMB: 1024, architecture: "x86_64")
        #expect(x86.cost(nanoseconds: 1_000_000) > arm.cost(nanoseconds: 1_000_000))
    }

    @Test func lineIsEmbeddedMetricFormat() throws {
        let metrics = InvocationMetrics(functionName: "phoney-api", memoryMB: 256, architecture: "arm64")
        let before = APIMetrics.Totals(records: 10, cacheHits: 1, cacheMisses: 1)
        let after = APIMetrics.Totals(records: 110, cacheHits: 2, cacheMisses: 1)
        let line = metrics.line(
            requestID: "req-1", route: "/template", status: 200, nanoseconds: 1_500_000, before: before, after: after,
            timestampMilliseconds: 1_700_000_000_000)
        let json = try JSONValue.parse(String(decoding: line, as: UTF8.self))
        let directive = json["_aws"]?["CloudWatchMetrics"]
        guard case .array(let directives)? = directive, let first = directives.first else {
            Issue.record("no CloudWatchMetrics directive")
            return
        }
        #expect(first["Namespace"] == .string("Phoney"))
        #expect(first["Dimensions"] == .array([.array([.string("service")])]))
        guard case .array(let declared)? = first["Metrics"] else {
            Issue.record("no Metrics")
            return
        }
        let names = declared.compactMap { metric -> String? in
            if case .string(let name)? = metric["Name"] { return name }
            return nil
        }
        #expect(names == ["RecordsGenerated", "ExecutionTime", "PlanCacheHit", "EstimatedCostUSD"])
        // Every declared metric has its value at the top level.
        for name in names { #expect(json[name] != nil) }
        #expect(json["_aws"]?["Timestamp"] == .number("1700000000000"))
        #expect(json["RecordsGenerated"] == .number("100"))
        #expect(json["PlanCacheHit"] == .number("1"))
        #expect(json["ExecutionTime"] == .number("1.500"))
        #expect(json["service"] == .string("phoney"))
        #expect(json["function_name"] == .string("phoney-api"))
        #expect(json["function_request_id"] == .string("req-1"))
        guard case .number(let cost)? = json["EstimatedCostUSD"], let value = Double(cost) else {
            Issue.record("no cost")
            return
        }
        #expect(abs(value - metrics.cost(nanoseconds: 1_500_000)) < 1e-12)
    }

    @Test func requestsWithoutATemplateCarryNoCacheMetric() throws {
        let metrics = InvocationMetrics(functionName: "f", memoryMB: 128, architecture: "arm64")
        let totals = APIMetrics.Totals(records: 0, cacheHits: 0, cacheMisses: 0)
        let line = metrics.line(
            requestID: "r", route: "/health", status: 200, nanoseconds: 1, before: totals, after: totals,
            timestampMilliseconds: 0)
        let json = try JSONValue.parse(String(decoding: line, as: UTF8.self))
        #expect(json["PlanCacheHit"] == nil)
        #expect(!String(decoding: line, as: UTF8.self).contains("PlanCacheHit"))
    }

    @Test func coldStartIsAMetricOfItsOwnWithFunctionNameAndService() throws {
        let metrics = InvocationMetrics(
            functionName: "phoney-dev-api", memoryMB: 256, architecture: "arm64", namespace: "Phoney",
            service: "phoney-dev")
        let line = metrics.coldStartLine(requestID: "req-1", timestampMilliseconds: 5)
        let json = try JSONValue.parse(String(decoding: line, as: UTF8.self))
        guard case .array(let directives)? = json["_aws"]?["CloudWatchMetrics"], let first = directives.first else {
            Issue.record("no CloudWatchMetrics directive")
            return
        }
        #expect(directives.count == 1)
        #expect(first["Namespace"] == .string("Phoney"))
        #expect(first["Dimensions"] == .array([.array([.string("function_name"), .string("service")])]))
        #expect(first["Metrics"] == .array([.object([("Name", .string("ColdStart")), ("Unit", .string("Count"))])]))
        #expect(json["ColdStart"] == .number("1"))
        #expect(json["function_name"] == .string("phoney-dev-api"))
        #expect(json["service"] == .string("phoney-dev"))
        #expect(json["RecordsGenerated"] == nil)
    }
}
