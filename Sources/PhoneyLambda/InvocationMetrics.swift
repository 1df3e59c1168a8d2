import PhoneyAPI
import PhoneyCore

/// CloudWatch Embedded Metric Format lines, in the shape AWS Lambda Powertools writes them: CloudWatch turns the log
/// lines into metrics, so recording them costs no API call.
///
/// One line per invocation in namespace `POWERTOOLS_METRICS_NAMESPACE` (default `Phoney`), dimension `service`
/// (`POWERTOOLS_SERVICE_NAME`, default `phoney`): `RecordsGenerated` (count), `ExecutionTime` (milliseconds),
/// `PlanCacheHit` (1 when the request's template plan came from the cache, 0 when it was compiled; absent when no
/// template was involved), and `EstimatedCostUSD`: the invocation's duration rounded up to the millisecond, times the
/// configured memory, at the Lambda price for the architecture, plus the per-request price. The first invocation of
/// an execution environment also writes a `ColdStart` metric in a record of its own, with dimensions
/// `function_name` and `service`, as Powertools does.
package struct InvocationMetrics: Sendable {
    /// USD per GB-second of duration (us-east-1 list prices, first pricing tier).
    package static let arm64PricePerGBSecond = 0.000_013_333_4
    package static let x86PricePerGBSecond = 0.000_016_666_7
    /// USD per request.
    package static let pricePerRequest = 0.000_000_2
    package static let defaultNamespace = "Phoney"
    package static let defaultService = "phoney"

    package var functionName: String
    package var memoryMB: Int
    package var pricePerGBSecond: Double
    package var namespace: String
    package var service: String

    package init(
        functionName: String, memoryMB: Int, architecture: String,
        namespace: String = InvocationMetrics.defaultNamespace,
        service: String = InvocationMetrics.defaultService
    ) {
        self.functionName = functionName
        self.memoryMB = memoryMB
        self.pricePerGBSecond = architecture == "x86_64" ? Self.x86PricePerGBSecond : Self.arm64PricePerGBSecond
        self.namespace = namespace
        self.service = service
    }

    /// The estimated cost of an invocation that took `nanoseconds`.
    package func cost(nanoseconds: UInt64) -> Double {
        let billedMilliseconds = (nanoseconds + 999_999) / 1_000_000
        return Double(memoryMB) / 1024 * Double(billedMilliseconds) / 1000 * pricePerGBSecond + Self.pricePerRequest
    }

    /// The EMF line for one invocation.
    package func line(
        requestID: String, route: String, status: Int, nanoseconds: UInt64, before: APIMetrics.Totals,
        after: APIMetrics.Totals, timestampMilliseconds: Int64
    ) -> [UInt8] {
        let records = after.records &- before.records
        let hits = after.cacheHits &- before.cacheHits
        let misses = after.cacheMisses &- before.cacheMisses
        let usesPlan = hits + misses > 0
        var out = header(timestampMilliseconds: timestampMilliseconds, dimensions: #"["service"]"#)
        out.append(contentsOf: #"{"Name":"RecordsGenerated","Unit":"Count"},"#.utf8)
        out.append(contentsOf: #"{"Name":"ExecutionTime","Unit":"Milliseconds"},"#.utf8)
        if usesPlan { out.append(contentsOf: #"{"Name":"PlanCacheHit","Unit":"Count"},"#.utf8) }
        out.append(contentsOf: #"{"Name":"EstimatedCostUSD","Unit":"None"}]}]},"service":"#.utf8)
        JSONValue.appendQuoted(service, to: &out)
        out.append(contentsOf: #","function_name":"#.utf8)
        JSONValue.appendQuoted(functionName, to: &out)
        out.append(contentsOf: #","function_request_id":"#.utf8)
        JSONValue.appendQuoted(requestID, to: &out)
        out.append(contentsOf: #","route":"#.utf8)
        JSONValue.appendQuoted(route, to: &out)
        out.append(contentsOf: #","status":"#.utf8)
        out.append(contentsOf: String(status).utf8)
        out.append(contentsOf: #","RecordsGenerated":"#.utf8)
        out.append(contentsOf: String(records).utf8)
        out.append(contentsOf: #","ExecutionTime":"#.utf8)
        out.append(contentsOf: Milliseconds.text(nanoseconds: nanoseconds).utf8)
        if usesPlan {
            out.append(contentsOf: #","PlanCacheHit":"#.utf8)
            out.append(contentsOf: (misses == 0 ? "1" : "0").utf8)
        }
        out.append(contentsOf: #","EstimatedCostUSD":"#.utf8)
        out.append(contentsOf: Self.decimal(cost(nanoseconds: nanoseconds)).utf8)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// The EMF line of the `ColdStart` metric, written once, on an execution environment's first invocation.
    package func coldStartLine(requestID: String, timestampMilliseconds: Int64) -> [UInt8] {
        var out = header(timestampMilliseconds: timestampMilliseconds, dimensions: #"["function_name","service"]"#)
        out.append(contentsOf: #"{"Name":"ColdStart","Unit":"Count"}]}]},"function_name":"#.utf8)
        JSONValue.appendQuoted(functionName, to: &out)
        out.append(contentsOf: #","service":"#.utf8)
        JSONValue.appendQuoted(service, to: &out)
        out.append(contentsOf: #","function_request_id":"#.utf8)
        JSONValue.appendQuoted(requestID, to: &out)
        out.append(contentsOf: #","ColdStart":1}"#.utf8)
        return out
    }

    /// `{"_aws":{…,"Metrics":[` up to the first metric definition.
    func header(timestampMilliseconds: Int64, dimensions: String) -> [UInt8] {
        var out: [UInt8] = Array(#"{"_aws":{"Timestamp":"#.utf8)
        out.append(contentsOf: String(timestampMilliseconds).utf8)
        out.append(contentsOf: #","CloudWatchMetrics":[{"Namespace":"#.utf8)
        JSONValue.appendQuoted(namespace, to: &out)
        out.append(contentsOf: #","Dimensions":["#.utf8)
        out.append(contentsOf: dimensions.utf8)
        out.append(contentsOf: #"],"Metrics":["#.utf8)
        return out
    }

    /// `value` as a plain decimal with 12 places (no exponent, which EMF numbers may not carry reliably).
    static func decimal(_ value: Double) -> String {
        let scaled = UInt64((value * 1e12).rounded())
        let whole = scaled / 1_000_000_000_000
        let fraction = String(scaled % 1_000_000_000_000)
        return "\(whole)." + String(repeating: "0", count: 12 - fraction.count) + fraction
    }
}
