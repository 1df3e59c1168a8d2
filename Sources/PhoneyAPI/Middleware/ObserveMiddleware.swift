import HTTPTypes
import Logging
import PhoneyCore

/// The outermost middleware: gives each request an id (a sane incoming `X-Request-ID`, else a new one), echoes
/// it, and on the way out records the request's metrics and one structured access-log line.
///
/// The log line carries method, path (never the query), route, status and duration: no header and no body, so
/// no credential can reach the logs from here.
package struct ObserveMiddleware: APIMiddleware {
    let metrics: APIMetrics
    let production: Bool

    package init(metrics: APIMetrics, production: Bool) {
        self.metrics = metrics
        self.production = production
    }

    /// Whether a client-given request id is safe to log and echo: 1 to 128 letters, digits, `-`, `_` or `.`.
    static func acceptable(_ id: String) -> Bool {
        let bytes = id.utf8
        return (1...128).contains(bytes.count)
            && bytes.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                    return true
                default: return false
                }
            }
    }

    package func handle(
        _ request: APIRequest, context: APIContext, next: (APIRequest, APIContext) async throws -> APIResponse
    )
        async throws -> APIResponse
    {
        let start = monotonicNanoseconds()
        var context = context
        let requestID: String
        if let given = request.headers[.xRequestID], Self.acceptable(given) {
            requestID = given
            context.logger[metadataKey: "hb.request.id"] = .string(given)
            context.requestID = given
        } else {
            requestID = context.requestID
        }
        var response: APIResponse
        do {
            response = try await next(request, context)
        } catch {
            response = ErrorRendering.response(for: error, production: production)
        }
        response.headers[.xRequestID] = requestID
        let elapsed = monotonicNanoseconds() &- start
        let route = context.endpointPath ?? "NotFound"
        context.notes?.route = route
        let status = response.status.code
        metrics.request(route: route, method: request.method.rawValue, status: status, nanoseconds: elapsed)
        let level: Logger.Level = status >= 500 ? .error : .info
        if context.writesAccessLog, context.logger.logLevel <= level {
            context.logger.log(
                level: level, "request",
                metadata: [
                    "method": .string(request.method.rawValue),
                    "path": .string(request.path),
                    "route": .string(route),
                    "status": .stringConvertible(status),
                    "duration_ms": .string(Milliseconds.text(nanoseconds: elapsed)),
                ])
        }
        return response
    }
}
