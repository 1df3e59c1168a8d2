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
/// no pipelining: a request is written whole, then its response is read whole.
package struct RuntimeAPIClient: ~Copyable {
    static let prefix = "/2018-06-01/runtime"

    private var inbound: NIOAsyncChannelInboundStream<HTTPClientResponsePart>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>
    private let authority: String

    init(
        inbound: NIOAsyncChannelInboundStream<HTTPClientResponsePart>,
        outbound: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>,
        authority: String
    ) {
        self.inbound = inbound.makeAsyncIterator()
        self.outbound = outbound
        self.authority = authority
    }

    /// Connects to `address` (`host:port`, as `AWS_LAMBDA_RUNTIME_API` gives it) and runs `body` with the client;
    /// the connection closes when `body` returns or throws.
    package static func withConnection<Result: Sendable>(
        to address: String, group: any EventLoopGroup,
        _ body: (inout RuntimeAPIClient) async throws -> Result
    ) async throws -> Result {
        let (host, port) = try parse(address: address)
        let channel = try await ClientBootstrap(group: group)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(
                        wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var client = RuntimeAPIClient(inbound: inbound, outbound: outbound, authority: address)
            return try await body(&client)
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
        if let body, body.readableBytes > 0 {
            try await outbound.write(contentsOf: [.head(head), .body(.byteBuffer(body)), .end(nil)])
        } else {
            try await outbound.write(contentsOf: [.head(head), .end(nil)])
        }
        var response: RuntimeAPIResponse?
        while let part = try await inbound.next() {
            switch part {
            case .head(let head):
                response = RuntimeAPIResponse(status: head.status, headers: head.headers, body: ByteBuffer())
            case .body(var chunk):
                response?.body.writeBuffer(&chunk)
            case .end:
                guard let response else {
                    throw RuntimeAPIError(.malformedResponse, "the Runtime API sent a response without a head")
                }
                return response
            }
        }
        throw RuntimeAPIError(.connectionClosed, "the Runtime API closed the connection during \(method) \(path)")
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
