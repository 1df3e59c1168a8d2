import NIOCore
import NIOHTTP1
import NIOPosix
import PhoneyCore

/// One event handed out by the Runtime API's `next`, with the headers that describe its invocation.
package struct Invocation: Sendable {
    package var requestID: String
    /// When the invocation times out, in Unix milliseconds (`Lambda-Runtime-Deadline-Ms`).
    package var deadlineMilliseconds: Int64?
    package var traceID: String?
    package var functionARN: String?
    package var event: ByteBuffer

    package init(
        requestID: String, deadlineMilliseconds: Int64?, traceID: String?, functionARN: String?, event: ByteBuffer
    ) {
        self.requestID = requestID
        self.deadlineMilliseconds = deadlineMilliseconds
        self.traceID = traceID
        self.functionARN = functionARN
        self.event = event
    }
}

/// An answer from the Runtime API: status, headers and body.
struct RuntimeAPIResponse {
    var status: HTTPResponseStatus
    var headers: HTTPHeaders
    var body: ByteBuffer
}

/// The Lambda Runtime API client: `next`, `response`, `error` and `init/error`, over one HTTP/1.1 keep-alive
/// connection to `AWS_LAMBDA_RUNTIME_API`.
///
/// Calls are strictly one after another (the runtime handles one invocation at a time), so the connection needs
/// no pipelining: a request is written whole, then its response is read whole. The response is put together on the
/// event loop by `RuntimeAPIResponseCollector` and handed over through a `RuntimeAPIResponseSlot`, under a lock.
package struct RuntimeAPIClient: ~Copyable {
    static let prefix = "/2018-06-01/runtime"

    private let channel: any Channel
    private let slot: RuntimeAPIResponseSlot
    private let authority: String

    init(channel: any Channel, slot: RuntimeAPIResponseSlot, authority: String) {
        self.channel = channel
        self.slot = slot
        self.authority = authority
    }

    /// Connects to `address` (`host:port`, as `AWS_LAMBDA_RUNTIME_API` gives it) and runs `body` with the client;
    /// the connection closes when `body` returns or throws.
    package static func withConnection<Result: Sendable>(
        to address: String, group: any EventLoopGroup,
        _ body: (inout RuntimeAPIClient) async throws -> Result
    ) async throws -> Result {
        let (host, port) = try parse(address: address)
        let slot = RuntimeAPIResponseSlot()
        let channel = try await ClientBootstrap(group: group)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(RuntimeAPIResponseCollector(slot: slot))
                }
            }
            .connect(host: host, port: port).get()
        var client = RuntimeAPIClient(channel: channel, slot: slot, authority: address)
        do {
            let result = try await body(&client)
            try? await channel.close()
            return result
        } catch {
            try? await channel.close()
            throw error
        }
    }

    /// Splits `host:port`; the host may be an IPv6 literal in brackets.
    static func parse(address: String) throws(RuntimeAPIError) -> (host: String, port: Int) {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
            (1...65535).contains(port)
        else {
            throw RuntimeAPIError(.invalidAddress, "AWS_LAMBDA_RUNTIME_API must be host:port (got \"\(address)\")")
        }
        var host = String(address[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host, port)
    }

    /// Waits for the next invocation.
    package mutating func next() async throws -> Invocation {
        let response = try await request(.GET, "\(Self.prefix)/invocation/next")
        guard response.status == .ok else {
            throw RuntimeAPIError(.unexpectedStatus, "GET invocation/next answered \(response.status.code)")
        }
        guard let requestID = response.headers.first(name: "Lambda-Runtime-Aws-Request-Id"), !requestID.isEmpty else {
            throw RuntimeAPIError(
                .malformedResponse, "GET invocation/next answered without Lambda-Runtime-Aws-Request-Id")
        }
        return Invocation(
            requestID: requestID,
            deadlineMilliseconds: response.headers.first(name: "Lambda-Runtime-Deadline-Ms").flatMap { Int64($0) },
            traceID: response.headers.first(name: "Lambda-Runtime-Trace-Id"),
            functionARN: response.headers.first(name: "Lambda-Runtime-Invoked-Function-Arn"),
            event: response.body)
    }

    /// Sends the invocation's result.
    ///
    /// - Returns: the Runtime API's status: 202 when accepted, 413 when the payload is too large for Lambda.
    @discardableResult
    package mutating func respond(to requestID: String, with payload: ByteBuffer) async throws -> HTTPResponseStatus {
        try await request(.POST, "\(Self.prefix)/invocation/\(requestID)/response", body: payload).status
    }

    /// Reports that the invocation failed.
    @discardableResult
    package mutating func fail(_ requestID: String, type: String, message: String) async throws -> HTTPResponseStatus {
        try await request(
            .POST, "\(Self.prefix)/invocation/\(requestID)/error",
            body: Self.errorDocument(type: type, message: message),
            headers: [("Lambda-Runtime-Function-Error-Type", type)]
        ).status
    }

    /// Reports that initialisation failed; the runtime exits after this.
    @discardableResult
    package mutating func failInit(type: String, message: String) async throws -> HTTPResponseStatus {
        try await request(
            .POST, "\(Self.prefix)/init/error", body: Self.errorDocument(type: type, message: message),
            headers: [("Lambda-Runtime-Function-Error-Type", type)]
        ).status
    }

    /// The Runtime API's error document: `{"errorMessage","errorType","stackTrace":[]}`.
    static func errorDocument(type: String, message: String) -> ByteBuffer {
        var bytes: [UInt8] = Array(#"{"errorMessage":"#.utf8)
        JSONValue.appendQuoted(message, to: &bytes)
        bytes.append(contentsOf: #","errorType":"#.utf8)
        JSONValue.appendQuoted(type, to: &bytes)
        bytes.append(contentsOf: #","stackTrace":[]}"#.utf8)
        return ByteBuffer(bytes: bytes)
    }

    /// Writes one request and reads its whole response.
    mutating func request(
        _ method: HTTPMethod, _ path: String, body: ByteBuffer? = nil, headers extra: [(String, String)] = []
    ) async throws -> RuntimeAPIResponse {
        var head = HTTPRequestHead(version: .http1_1, method: method, uri: path)
        head.headers.add(name: "Host", value: authority)
        head.headers.add(name: "User-Agent", value: "phoney-lambda")
        if method == .POST {
            head.headers.add(name: "Content-Length", value: String(body?.readableBytes ?? 0))
            head.headers.add(name: "Content-Type", value: "application/json")
        }
        for (name, value) in extra { head.headers.add(name: name, value: value) }
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        if let body, body.readableBytes > 0 {
            channel.write(HTTPClientRequestPart.body(.byteBuffer(body)), promise: nil)
        }
        // A failed write closes the connection, which ends the wait below; the error itself is passed on too.
        let slot = self.slot
        channel.writeAndFlush(HTTPClientRequestPart.end(nil)).whenFailure { slot.fail($0) }
        switch await slot.next() {
        case .some(.success(let response)):
            return response
        case .some(.failure(let error as RuntimeAPIError)):
            throw error
        case .some(.failure(HTTPParserError.invalidEOFState)):
            // The decoder's word for a connection closed in the middle of a response.
            throw RuntimeAPIError(.connectionClosed, "the Runtime API closed the connection during \(method) \(path)")
        case .some(.failure(let error)):
            throw RuntimeAPIError(
                .connectionClosed, "the connection to the Runtime API failed during \(method) \(path): \(error)",
                underlying: error)
        case .none:
            throw RuntimeAPIError(.connectionClosed, "the Runtime API closed the connection during \(method) \(path)")
        }
    }
}

/// Where the event loop leaves the Runtime API's answers and the runtime's task picks them up.
///
/// The answer crosses threads under a pthread mutex, which ThreadSanitizer sees. Handing it over as the value of a
/// resumed continuation (as `NIOAsyncChannel`'s inbound stream does) is just as correct, but when the resume comes
/// before the task has suspended, the Swift runtime lets the task go on without telling ThreadSanitizer
/// (`swift_continuation_await`'s already-resumed path has no acquire), and the nightly run reported the response
/// head, written by NIO's decoder, as a race. Here the continuation only wakes the task, which then takes the answer
/// under the lock.
final class RuntimeAPIResponseSlot: Sendable {
    private struct State {
        /// An answer not yet taken.
        var answer: Result<RuntimeAPIResponse, any Error>?
        /// The caller waiting for an answer, if it is waiting.
        var waiter: UnsafeContinuation<Void, Never>?
        /// The connection has closed: no answer comes after the one there may be.
        var closed = false
    }

    private let state = LockedValue(State())

    /// The next answer, or nil once the connection has closed and every answer has been taken. One caller at a time.
    func next() async -> Result<RuntimeAPIResponse, any Error>? {
        if let answer = take() { return answer }
        await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in
            let resumeNow = state.withLock { state -> Bool in
                if state.answer != nil || state.closed { return true }
                state.waiter = continuation
                return false
            }
            if resumeNow { continuation.resume() }
        }
        return take() ?? nil
    }

    /// What is there: `.some(answer)`, `.some(nil)` once the connection has closed, nil when nothing has come yet.
    private func take() -> Result<RuntimeAPIResponse, any Error>?? {
        state.withLock { state in
            if let answer = state.answer {
                state.answer = nil
                return .some(answer)
            }
            return state.closed ? .some(nil) : nil
        }
    }

    /// A whole response, or the error that stands for one.
    func deliver(_ answer: Result<RuntimeAPIResponse, any Error>) {
        let waiter = state.withLock { state -> UnsafeContinuation<Void, Never>? in
            guard !state.closed else { return nil }
            if state.answer == nil {
                state.answer = answer
            } else {
                // A second answer before the first was taken: the exchange is out of step. The caller gets an error
                // that says so instead of an answer that may belong to another request.
                state.answer = .failure(
                    RuntimeAPIError(.malformedResponse, "the Runtime API sent a response nobody asked for"))
            }
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Passes on a failure (a write that failed, an error in the pipeline), unless an answer is already waiting or
    /// the connection has closed.
    func fail(_ error: any Error) {
        let waiter = state.withLock { state -> UnsafeContinuation<Void, Never>? in
            guard !state.closed, state.answer == nil else { return nil }
            state.answer = .failure(error)
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// The connection has closed: an answer already there is still handed out, then every call gets nil.
    func close() {
        let waiter = state.withLock { state -> UnsafeContinuation<Void, Never>? in
            state.closed = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }
}

/// Puts each Runtime API response together on the event loop (head, body parts, end) and leaves it in the slot.
final class RuntimeAPIResponseCollector: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart

    private let slot: RuntimeAPIResponseSlot
    private var response: RuntimeAPIResponse?

    init(slot: RuntimeAPIResponseSlot) {
        self.slot = slot
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            response = RuntimeAPIResponse(status: head.status, headers: head.headers, body: ByteBuffer())
        case .body(var chunk):
            if response?.body.readableBytes == 0 {
                response?.body = chunk
            } else {
                response?.body.writeBuffer(&chunk)
            }
        case .end:
            if let response {
                slot.deliver(.success(response))
            } else {
                slot.deliver(
                    .failure(RuntimeAPIError(.malformedResponse, "the Runtime API sent a response without a head")))
            }
            response = nil
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        slot.fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        slot.close()
        context.fireChannelInactive()
    }
}

/// A failure talking to the Runtime API itself: the runtime cannot go on and exits.
package struct RuntimeAPIError: Error, CustomStringConvertible {
    /// What went wrong with the Runtime API.
    package enum Code: String, Sendable {
        /// `AWS_LAMBDA_RUNTIME_API` is not `host:port`.
        case invalidAddress = "invalid_address"
        /// The API answered with a status the runtime cannot go on after.
        case unexpectedStatus = "unexpected_status"
        /// The answer lacked what every answer carries (a head, the request id).
        case malformedResponse = "malformed_response"
        /// The connection closed in the middle of a call.
        case connectionClosed = "connection_closed"
    }

    package var code: Code
    package var message: String
    /// The error that caused this one, if any.
    package var underlying: (any Error)?

    init(_ code: Code, _ message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    package var description: String { message }
}
