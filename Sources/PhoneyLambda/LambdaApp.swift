import HTTPTypes
import Logging
import NIOCore
import PhoneyAPI
import PhoneyCore
import Synchronization

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
    let responder: APIResponder
    let logger: Logger
    let metrics: InvocationMetrics
    let emit: @Sendable ([UInt8]) -> Void
    /// Whether the next invocation is the execution environment's first (Powertools' `cold_start`).
    let coldStart = Atomic<Bool>(true)
    /// Time kept back from the deadline for encoding and sending the response (`LAMBDA_DEADLINE_RESERVE_MS`).
    let deadlineReserveNanoseconds: UInt64
    /// Events that are not API Gateway's (an export job's shards).
    let events: LambdaExtensions.EventHandler?

    /// - Parameters:
    ///   - emit: where EMF lines go (standard output in the runtime).
    ///   - deadlineReserveMilliseconds: time kept back from each invocation's deadline for the response.
    package init(
        api: APIService, logger: Logger, metrics: InvocationMetrics,
        deadlineReserveMilliseconds: Int = LambdaApp.defaultDeadlineReserveMilliseconds,
        events: LambdaExtensions.EventHandler? = nil,
        emit: @escaping @Sendable ([UInt8]) -> Void
    ) {
        self.events = events
        self.deadlineReserveNanoseconds = UInt64(max(0, deadlineReserveMilliseconds)) * 1_000_000
        self.api = api
        self.responder = PhoneyRouter.responder(api)
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
        let coldStart = self.coldStart.exchange(false, ordering: .relaxed)
        var logger = self.logger
        // The log style writes the request id (`hb.request.id`, as the server's requests have it) as
        // `function_request_id`.
        logger[metadataKey: "hb.request.id"] = .string(invocation.requestID)
        logger[metadataKey: "cold_start"] = .string(coldStart ? "true" : "false")
        if let arn = invocation.functionARN { logger[metadataKey: "function_arn"] = .string(arn) }
        if let trace = invocation.traceID, !trace.isEmpty { logger[metadataKey: "xray_trace_id"] = .string(trace) }
        setTraceID(invocation.traceID)
        if coldStart {
            emit(
                metrics.coldStartLine(
                    requestID: invocation.requestID, timestampMilliseconds: WallClock.milliseconds()))
        }

        let gateway: GatewayRequest
        do {
            gateway = try invocation.event.readableBytesView.withUnsafeBytes { bytes throws(GatewayEventError) in
                try GatewayRequest.parse(bytes)
            }
        } catch {
            if let events, let outcome = await handleOther(invocation, events, started: started, logger: logger) {
                return outcome
            }
            logger.warning("invalid event", metadata: ["reason": .string(error.description)])
            return .failure(type: "Phoney.InvalidEvent", message: "Cannot handle the event: \(error.description)")
        }
        guard let request = Self.request(gateway) else {
            return .failure(type: "Phoney.InvalidEvent", message: "`\(gateway.method)` is not an HTTP method")
        }
        let limit = gateway.fromLoadBalancer ? Self.loadBalancerResponseLimit : Self.responseLimit
        let transportName = gateway.fromLoadBalancer ? "load-balanced Lambda" : "Lambda"
        let transport = TransportLimits(
            name: transportName, responseBytes: limit - 4096,
            encodingPerMille: 1250,
            deadline: deadline(invocation.deadlineMilliseconds, now: started),
            deadlineAdvice:
                "the deadline of the \(transportName) invocation (the function's timeout). Ask for fewer records per "
                + "request and page with `offset` (same `seed`), or give the function a longer timeout.")
        let notes = RequestNotes()
        // The adapter writes the request line itself, once the response is complete and its records are counted.
        let context = APIContext(
            logger: logger, requestID: invocation.requestID, peerAddress: gateway.sourceIP, transport: transport,
            notes: notes, writesAccessLog: false)

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
        let after = api.metrics.totals
        logRequest(
            logger, method: gateway.method, path: gateway.path, route: notes.route ?? "NotFound",
            status: response.status, nanoseconds: elapsed, templateID: notes.templateID,
            records: after.records &- before.records)
        emit(
            metrics.line(
                requestID: invocation.requestID, route: notes.route ?? gateway.path, status: response.status,
                nanoseconds: elapsed,
                before: before, after: after, timestampMilliseconds: WallClock.milliseconds()))
        return .response(document)
    }

    /// The router's request for an API Gateway or ALB event; nil when its method is not an HTTP method.
    ///
    /// The target is the path and the query as the event has them, split as an HTTP server splits a request line.
    /// `Host` is the request's authority, not one of its fields, as an HTTP/1.1 server sees it; a header whose name
    /// is not a valid field name is left out.
    package static func request(_ gateway: GatewayRequest) -> APIRequest? {
        guard let method = HTTPRequest.Method(gateway.method) else { return nil }
        var fields = HTTPFields()
        for (name, value) in gateway.headers where name.lowercased() != "host" {
            guard let fieldName = HTTPField.Name(name) else { continue }
            fields.append(HTTPField(name: fieldName, value: value))
        }
        let target = gateway.query.isEmpty ? gateway.path : gateway.path + "?" + gateway.query
        return APIRequest(
            method: method, target: target, headers: fields,
            body: APIRequestBody(buffer: ByteBuffer(bytes: gateway.body)))
    }

    /// An event that is not API Gateway's, when `events` takes it: the outcome, with a log line saying what it was.
    func handleOther(
        _ invocation: Invocation, _ events: LambdaExtensions.EventHandler, started: UInt64, logger: Logger
    ) async -> Outcome? {
        guard let event = try? JSONValue.parse(String(decoding: invocation.event.readableBytesView, as: UTF8.self)),
            case .string(let kind)? = event["phoney"]
        else { return nil }
        guard let outcome = await events(event, deadline(invocation.deadlineMilliseconds, now: started)) else {
            return nil
        }
        var metadata: Logger.Metadata = [
            "event": .string(kind),
            "duration_ms": .string(Milliseconds.text(nanoseconds: monotonicNanoseconds() &- started)),
        ]
        if case .string(let job)? = event["job"] { metadata["job"] = .string(job) }
        if case .number(let index)? = event["shard"]?["index"] { metadata["shard"] = .string(index) }
        switch outcome {
        case .response: logger.info("event handled", metadata: metadata)
        case .failure(_, let message):
            metadata["error"] = .string(message)
            logger.error("event failed", metadata: metadata)
        }
        return outcome
    }

    /// The invocation's request line, once its response is complete: what the server's access log says, plus the
    /// template and the records generated (invocations run one at a time, so the metrics' difference is this one's).
    func logRequest(
        _ logger: Logger, method: String, path: String, route: String, status: Int, nanoseconds: UInt64,
        templateID: String?,
        records: UInt64
    ) {
        let level: Logger.Level = status >= 500 ? .error : .info
        guard logger.logLevel <= level else { return }
        var metadata: Logger.Metadata = [
            "method": .string(method), "path": .string(path), "route": .string(route),
            "status": .stringConvertible(status),
            "duration_ms": .string(Milliseconds.text(nanoseconds: nanoseconds)),
            "records_generated": .stringConvertible(records),
        ]
        if let templateID { metadata["template_id"] = .string(templateID) }
        logger.log(level: level, "request", metadata: metadata)
    }

    /// The whole response, its body collected into memory.
    func collect(_ response: APIResponse) async throws -> GatewayResponse {
        let collector = BodyCollector()
        var writer: any APIBodyWriter = collector
        try await response.body.write(to: &writer)
        return GatewayResponse(status: response.status.code, headers: response.headers, body: collector.box.bytes)
    }

    /// When generation must stop: the invocation's deadline less the reserve kept for the response.
    func deadline(_ deadlineMilliseconds: Int64?, now: UInt64) -> Deadline? {
        guard let deadlineMilliseconds else { return nil }
        let remaining = deadlineMilliseconds - WallClock.milliseconds()
        let remainingNanoseconds = UInt64(clamping: max(0, remaining)) &* 1_000_000
        return Deadline.after(
            remainingNanoseconds > deadlineReserveNanoseconds ? remainingNanoseconds - deadlineReserveNanoseconds : 0,
            from: now)
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

}

/// A response body writer that keeps the bytes.
struct BodyCollector: APIBodyWriter {
    final class Box: @unchecked Sendable {
        var bytes: [UInt8] = []
    }

    let box = Box()

    mutating func write(_ buffer: ByteBuffer) async throws {
        box.bytes.append(contentsOf: buffer.readableBytesView)
    }
}
