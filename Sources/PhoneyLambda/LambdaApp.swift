import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import PhoneyAPI
import PhoneyCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The Phoney API as a Lambda handler: an API Gateway event in, the API Gateway response document out, through
/// the same router the HTTP server serves.
package final class LambdaApp: Sendable {
    /// The largest invocation response Lambda accepts (6 MB, as the Runtime API counts it), less room for error.
    package static let responseLimit = 6_291_456 - 256
    /// The largest response an Application Load Balancer takes from a Lambda target (1 MB), less room for error.
    package static let loadBalancerResponseLimit = 1_048_576 - 256
    /// Time kept back from the deadline for encoding and sending the response, by default.
    package static let defaultDeadlineReserveMilliseconds = 100

    package let api: APIService
    let responder: RouterResponder<LambdaRequestContext>
    let logger: Logger
    let metrics: InvocationMetrics
    let emit: @Sendable ([UInt8]) -> Void
    /// Time kept back from the deadline for encoding and sending the response (`LAMBDA_DEADLINE_RESERVE_MS`).
    let deadlineReserveNanoseconds: UInt64

    /// - Parameters:
    ///   - emit: where EMF lines go (standard output in the runtime).
    ///   - deadlineReserveMilliseconds: time kept back from each invocation's deadline for the response.
    package init(
        api: APIService, logger: Logger, metrics: InvocationMetrics,
        deadlineReserveMilliseconds: Int = LambdaApp.defaultDeadlineReserveMilliseconds,
        emit: @escaping @Sendable ([UInt8]) -> Void
    ) {
        self.deadlineReserveNanoseconds = UInt64(max(0, deadlineReserveMilliseconds)) * 1_000_000
        self.api = api
        self.responder = PhoneyRouter.build(api, context: LambdaRequestContext.self).buildResponder()
        self.logger = logger
        self.metrics = metrics
        self.emit = emit
    }

    /// What the runtime sends back for an invocation.
    package enum Outcome: Sendable, Equatable {
        /// The response document, for `invocation/{id}/response`.
        case response([UInt8])
        /// An error, for `invocation/{id}/error`.
        case failure(type: String, message: String)
    }

    /// Handles one invocation. Never throws: whatever goes wrong becomes an HTTP error response or a failure.
    package func handle(_ invocation: Invocation) async -> Outcome {
        let started = monotonicNanoseconds()
        let before = api.metrics.totals
        var logger = self.logger
        logger[metadataKey: "hb.request.id"] = .string(invocation.requestID)
        setTraceID(invocation.traceID)

        let gateway: GatewayRequest
        do {
            gateway = try invocation.event.readableBytesView.withUnsafeBytes { bytes throws(GatewayEventError) in
                try GatewayRequest.parse(bytes)
            }
        } catch {
            logger.warning("invalid event", metadata: ["reason": .string(error.description)])
            return .failure(type: "Phoney.InvalidEvent", message: "Cannot handle the event: \(error.description)")
        }
        guard let method = HTTPRequest.Method(gateway.method) else {
            return .failure(type: "Phoney.InvalidEvent", message: "`\(gateway.method)` is not an HTTP method")
        }
        var fields = HTTPFields()
        var authority: String?
        for (name, value) in gateway.headers {
            if name.lowercased() == "host" {
                authority = value
                continue
            }
            guard let fieldName = HTTPField.Name(name) else { continue }
            fields.append(HTTPField(name: fieldName, value: value))
        }
        let path = gateway.query.isEmpty ? gateway.path : gateway.path + "?" + gateway.query
        let head = HTTPRequest(method: method, scheme: "https", authority: authority, path: path, headerFields: fields)
        let request = Request(head: head, body: RequestBody(buffer: ByteBuffer(bytes: gateway.body)))
        let limit = gateway.fromLoadBalancer ? Self.loadBalancerResponseLimit : Self.responseLimit
        let transport = TransportLimits(
            name: gateway.fromLoadBalancer ? "load-balanced Lambda" : "Lambda", responseBytes: limit - 4096,
            encodingPerMille: 1250,
            deadline: deadline(invocation.deadlineMilliseconds, now: started))
        let context = LambdaRequestContext(
            source: LambdaContextSource(logger: logger, sourceIP: gateway.sourceIP, transport: transport))

        var response: GatewayResponse
        do {
            response = try await collect(try await responder.respond(to: request, context: context))
        } catch {
            logger.error("handler failed", metadata: ["error": .string("\(error)")])
            return .failure(type: "Phoney.HandlerError", message: "\(error)")
        }
        var document = response.encoded(for: gateway.version)
        if document.count > limit {
            let error = APIError(
                .contentTooLarge,
                "The response is \(document.count) bytes once encoded for API Gateway, over the \(limit)"
                    + "-byte limit of a Lambda response. Ask for fewer records per request and page through the "
                    + "rest with `offset` and the same `seed`.")
            do {
                response = try await collect(error.response())
            } catch {
                return .failure(type: "Phoney.HandlerError", message: "\(error)")
            }
            response.headers[.xRequestID] = invocation.requestID
            document = response.encoded(for: gateway.version)
        }
        let elapsed = monotonicNanoseconds() &- started
        emit(
            metrics.line(
                requestID: invocation.requestID, route: gateway.path, status: response.status, nanoseconds: elapsed,
                before: before, after: api.metrics.totals, timestampMilliseconds: Self.wallMilliseconds()))
        return .response(document)
    }

    /// The whole response, its body collected into memory.
    func collect(_ response: Response) async throws -> GatewayResponse {
        let collector = BodyCollector()
        try await response.body.write(collector)
        return GatewayResponse(status: response.status.code, headers: response.headers, body: collector.box.bytes)
    }

    /// The monotonic time by which generation must stop: the invocation's deadline less a reserve.
    func deadline(_ deadlineMilliseconds: Int64?, now: UInt64) -> UInt64? {
        guard let deadlineMilliseconds else { return nil }
        let remaining = deadlineMilliseconds - Self.wallMilliseconds()
        let remainingNanoseconds = UInt64(clamping: max(0, remaining)) &* 1_000_000
        return now
            &+ (remainingNanoseconds > deadlineReserveNanoseconds
                ? remainingNanoseconds - deadlineReserveNanoseconds : 0)
    }

    /// Publishes the invocation's X-Ray trace id as `_X_AMZN_TRACE_ID`, as Lambda runtimes do; clears it when the
    /// invocation has none.
    func setTraceID(_ traceID: String?) {
        if let traceID, !traceID.isEmpty {
            setenv("_X_AMZN_TRACE_ID", traceID, 1)
        } else {
            unsetenv("_X_AMZN_TRACE_ID")
        }
    }

    /// Milliseconds since the Unix epoch.
    static func wallMilliseconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }
}

/// A response body writer that keeps the bytes.
struct BodyCollector: ResponseBodyWriter {
    final class Box: @unchecked Sendable {
        var bytes: [UInt8] = []
    }

    let box = Box()

    mutating func write(_ buffer: ByteBuffer) async throws {
        box.bytes.append(contentsOf: buffer.readableBytesView)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
