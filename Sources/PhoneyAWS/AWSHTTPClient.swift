import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import NIOTLS
import PhoneyCore

/// A small HTTP/1.1 client for the AWS calls of a cold start: one request at a time per connection, the whole
/// response body collected, TLS through NIOSSL for `https` endpoints.
///
/// It keeps a few idle keep-alive connections per endpoint, so paging through Parameter Store reuses one connection
/// (and one TLS handshake). A request sent on a kept connection that the server closed meanwhile is sent once more on
/// a new connection, only when no byte of a response had arrived.
///
/// ``shared`` runs on NIO's singleton event loop group and lives as long as the process; nothing is started until the
/// first request. Its pool is behind a `LockedValue` (a pthread mutex) rather than `Synchronization.Mutex`, so
/// ThreadSanitizer can see the lock when the parallel tests contend it.
package final class AWSHTTPClient: Sendable {
    /// The process-wide client.
    package static let shared = AWSHTTPClient()

    /// Most idle connections kept per endpoint.
    static let maxIdlePerEndpoint = 4

    private let group: any EventLoopGroup
    private let tlsConfiguration: TLSConfiguration
    private let tlsContext = LockedValue<NIOSSLContext?>(nil)
    private let idle = LockedValue<[AWSHTTPClient.Key: [any Channel]]>([:])

    /// - Parameters:
    ///   - group: Where connections run.
    ///   - tlsConfiguration: For `https` endpoints; the system's trust roots and full verification by default.
    package init(
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        tlsConfiguration: TLSConfiguration = .makeClientConfiguration()
    ) {
        self.group = group
        self.tlsConfiguration = tlsConfiguration
    }

    /// Sends `request` to `endpoint` and reads the whole response.
    ///
    /// - Parameters:
    ///   - request: Method, path, headers and body. `Host` and `Content-Length` are added when absent.
    ///   - endpoint: Scheme, host and port to connect to.
    ///   - timeout: Deadline of the whole exchange: connecting, TLS, sending and the complete response.
    ///   - maxBodyBytes: Largest response body accepted.
    /// - Throws: `AWSHTTPError`.
    package func execute(
        _ request: AWSHTTPRequest, to endpoint: AWSEndpoint, timeout: TimeAmount, maxBodyBytes: Int
    ) async throws(AWSHTTPError) -> AWSHTTPResponse {
        let deadline = NIODeadline.now() + timeout
        let key = Key(endpoint)
        var request = request
        if !request.headers.contains(where: { $0.name.lowercased() == "host" }) {
            request.headers.append(("Host", endpoint.hostHeader))
        }
        if !request.headers.contains(where: { $0.name.lowercased() == "content-length" }) {
            request.headers.append(("Content-Length", String(request.body.count)))
        }
        let exchange = Exchange(request: request, deadline: deadline, maxBodyBytes: maxBodyBytes)
        while let channel = takeIdle(key) {
            do {
                return try await send(exchange, on: channel, key: key, fresh: false)
            } catch {
                // The server closed the kept connection before answering: try a new one.
                guard error.kind == .closedBeforeResponse else { throw error }
            }
        }
        let channel = try await connect(key, deadline: deadline)
        return try await send(exchange, on: channel, key: key, fresh: true)
    }

    /// Closes every idle connection.
    package func closeIdleConnections() {
        let channels = idle.withLock { idle in
            defer { idle = [:] }
            return idle.values.flatMap { $0 }
        }
        for channel in channels { channel.close(promise: nil) }
    }

    private func send(
        _ exchange: Exchange, on channel: any Channel, key: Key, fresh: Bool
    ) async throws(AWSHTTPError)
        -> AWSHTTPResponse
    {
        let promise = channel.eventLoop.makePromise(of: AWSHTTPResponse.self)
        // The handler completes `promise` once it has the exchange; a failed write means it never got it, because
        // the connection had closed (a kept one by the server, a new TLS one by a failed handshake).
        channel.writeAndFlush(PendingExchange(exchange: exchange, promise: promise)).whenFailure { error in
            let kind: AWSHTTPError.Kind = fresh && key.tls ? .tls : .closedBeforeResponse
            promise.fail(AWSHTTPError(kind, "the connection closed before the request was sent: \(error)"))
        }
        let response: AWSHTTPResponse
        do {
            response = try await promise.futureResult.get()
        } catch {
            channel.close(promise: nil)
            throw error as? AWSHTTPError ?? AWSHTTPError(.protocolError, "\(error)")
        }
        if response.keepAlive && channel.isActive {
            putIdle(channel, key)
        } else {
            channel.close(promise: nil)
        }
        return response
    }

    private func connect(_ key: Key, deadline: NIODeadline) async throws(AWSHTTPError) -> any Channel {
        let tls: NIOSSLContext?
        if key.tls {
            tls = try sslContext()
        } else {
            tls = nil
        }
        let host = key.connectHost
        let serverName = Self.isIPAddress(host) ? nil : host
        let remaining = deadline - .now()
        guard remaining > .zero else { throw AWSHTTPError(.timeout, "no time left to connect") }
        do {
            return try await ClientBootstrap(group: group)
                .connectTimeout(remaining)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let tls {
                            try channel.pipeline.syncOperations.addHandler(
                                NIOSSLClientHandler(context: tls, serverHostname: serverName))
                        }
                        try channel.pipeline.syncOperations.addHTTPClientHandlers()
                        try channel.pipeline.syncOperations.addHandler(ExchangeHandler(tls: tls != nil))
                    }
                }
                .connect(host: host, port: key.port)
                .get()
        } catch ChannelError.connectTimeout {
            throw AWSHTTPError(.timeout, "connecting to \(key) timed out")
        } catch {
            throw AWSHTTPError(.connect, "cannot connect to \(key): \(error)")
        }
    }

    private func sslContext() throws(AWSHTTPError) -> NIOSSLContext {
        do {
            return try tlsContext.withLock { context in
                if let context { return context }
                let made = try NIOSSLContext(configuration: tlsConfiguration)
                context = made
                return made
            }
        } catch {
            throw AWSHTTPError(.tls, "cannot set up TLS: \(error)")
        }
    }

    private func takeIdle(_ key: Key) -> (any Channel)? {
        idle.withLock { idle in
            while let channel = idle[key]?.popLast() {
                if channel.isActive { return channel }
            }
            return nil
        }
    }

    private func putIdle(_ channel: any Channel, _ key: Key) {
        let kept = idle.withLock { idle in
            guard idle[key, default: []].count < Self.maxIdlePerEndpoint else { return false }
            idle[key, default: []].append(channel)
            return true
        }
        guard kept else {
            channel.close(promise: nil)
            return
        }
        // A connection the server closes while it waits leaves the pool.
        channel.closeFuture.whenComplete { [self] _ in
            idle.withLock { idle in idle[key]?.removeAll { $0 === channel } }
        }
    }

    /// Whether `host` is an IPv4 or IPv6 literal (no SNI name is sent for one).
    static func isIPAddress(_ host: String) -> Bool {
        host.contains(":") || (!host.isEmpty && host.allSatisfy { $0 == "." || $0.isASCII && $0.isNumber })
    }

    /// Where a connection goes: connections are kept and reused per key.
    struct Key: Hashable, Sendable, CustomStringConvertible {
        var tls: Bool
        var host: String
        var port: Int

        init(_ endpoint: AWSEndpoint) {
            tls = endpoint.scheme == "https"
            host = endpoint.host
            port = endpoint.port ?? (tls ? 443 : 80)
        }

        /// The host without the brackets of an IPv6 literal.
        var connectHost: String {
            host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        }

        var description: String { "\(tls ? "https" : "http")://\(host):\(port)" }
    }
}

/// A request for ``AWSHTTPClient``.
package struct AWSHTTPRequest: Sendable {
    package var method: HTTPMethod
    /// The request target: path and query.
    package var path: String
    package var headers: [(name: String, value: String)]
    package var body: [UInt8]

    package init(method: HTTPMethod, path: String, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
    }
}

/// A complete response.
package struct AWSHTTPResponse: Sendable {
    package var status: Int
    package var headers: HTTPHeaders
    package var body: ByteBuffer
    /// Whether the connection may carry another request.
    var keepAlive: Bool
}

/// Why ``AWSHTTPClient`` got no complete response.
package struct AWSHTTPError: Error, Sendable, CustomStringConvertible {
    package enum Kind: String, Sendable {
        /// The connection could not be made (refused, unreachable, no such host).
        case connect
        /// The deadline passed.
        case timeout
        /// TLS could not be set up or the handshake failed.
        case tls
        /// The connection closed before a response had begun.
        case closedBeforeResponse = "closed before response"
        /// The connection closed in the middle of a response.
        case closedDuringResponse = "closed during response"
        /// The body is larger than allowed.
        case bodyTooLarge = "body too large"
        /// The response is not valid HTTP/1.1, or another channel error.
        case protocolError = "protocol error"
    }

    package var kind: Kind
    package var message: String

    init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    package var description: String { "\(kind.rawValue): \(message)" }
}

/// What one exchange sends and how long it may take.
struct Exchange: Sendable {
    var request: AWSHTTPRequest
    var deadline: NIODeadline
    var maxBodyBytes: Int
}

/// An exchange handed to the channel, with the promise its response completes.
struct PendingExchange: Sendable {
    var exchange: Exchange
    var promise: EventLoopPromise<AWSHTTPResponse>
}

/// Writes one request and collects its response; at most one exchange at a time. It owns the exchange's promise and
/// its deadline, so the promise is completed exactly once, on the event loop.
final class ExchangeHandler: ChannelDuplexHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundIn = PendingExchange
    typealias OutboundOut = HTTPClientRequestPart

    /// Whether the connection runs TLS, and whether its handshake has completed.
    private let tls: Bool
    private var handshakeCompleted = false
    private var promise: EventLoopPromise<AWSHTTPResponse>?
    private var maxBodyBytes = 0
    private var head: HTTPResponseHead?
    private var body = ByteBuffer()
    private var deadlineTask: Scheduled<Void>?

    func write(context: ChannelHandlerContext, data: NIOAny, promise writePromise: EventLoopPromise<Void>?) {
        let pending = unwrapOutboundIn(data)
        guard promise == nil else {
            pending.promise.fail(AWSHTTPError(.protocolError, "the connection is busy with another request"))
            writePromise?.succeed()
            return
        }
        promise = pending.promise
        maxBodyBytes = pending.exchange.maxBodyBytes
        head = nil
        body = context.channel.allocator.buffer(capacity: 0)
        let loop = context.eventLoop.assumeIsolated()
        deadlineTask = loop.scheduleTask(deadline: pending.exchange.deadline) { [self] in
            finish(.failure(AWSHTTPError(.timeout, "no complete response in time")), context: context)
        }

        let request = pending.exchange.request
        var requestHead = HTTPRequestHead(version: .http1_1, method: request.method, uri: request.path)
        for header in request.headers { requestHead.headers.add(name: header.name, value: header.value) }
        context.write(wrapOutboundOut(.head(requestHead)), promise: nil)
        if !request.body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: request.body)))), promise: nil)
        }
        let written = context.eventLoop.makePromise(of: Void.self)
        written.futureResult.assumeIsolated().whenFailure { [self] error in
            // A failed handshake fails the writes it held before its error reaches this handler.
            let failure =
                tls && !handshakeCompleted
                ? AWSHTTPError(.tls, "the TLS handshake failed: \(error)") : Self.classify(error, responseBegun: false)
            finish(.failure(failure), context: context)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: written)
        writePromise?.succeed()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard promise != nil else { return }
        switch unwrapInboundIn(data) {
        case .head(let responseHead):
            head = responseHead
        case .body(var chunk):
            guard body.readableBytes + chunk.readableBytes <= maxBodyBytes else {
                finish(
                    .failure(AWSHTTPError(.bodyTooLarge, "the response body is larger than \(maxBodyBytes) bytes")),
                    context: context)
                return
            }
            body.writeBuffer(&chunk)
        case .end:
            guard let responseHead = head else {
                finish(.failure(AWSHTTPError(.protocolError, "a response ended without a head")), context: context)
                return
            }
            // An informational response (100 Continue) comes before the real one.
            if (100..<200).contains(responseHead.status.code) && responseHead.status.code != 101 {
                head = nil
                return
            }
            let response = AWSHTTPResponse(
                status: Int(responseHead.status.code), headers: responseHead.headers, body: body,
                keepAlive: responseHead.isKeepAlive)
            finish(.success(response), context: context)
        }
    }

    init(tls: Bool) {
        self.tls = tls
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted? = event as? TLSUserEvent { handshakeCompleted = true }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        // A failed handshake may close the connection before its error reaches this handler.
        let error =
            tls && !handshakeCompleted
            ? AWSHTTPError(.tls, "the connection closed during the TLS handshake")
            : AWSHTTPError(
                head == nil ? .closedBeforeResponse : .closedDuringResponse, "the server closed the connection")
        finish(.failure(error), context: context)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        finish(.failure(Self.classify(error, responseBegun: head != nil)), context: context)
        context.close(promise: nil)
    }

    /// Completes the exchange once; a failure closes the connection.
    private func finish(_ result: Result<AWSHTTPResponse, AWSHTTPError>, context: ChannelHandlerContext) {
        guard let promise else { return }
        self.promise = nil
        deadlineTask?.cancel()
        deadlineTask = nil
        head = nil
        switch result {
        case .success(let response):
            promise.succeed(response)
        case .failure(let error):
            promise.fail(error)
            context.close(promise: nil)
        }
    }

    private static func classify(_ error: any Error, responseBegun: Bool) -> AWSHTTPError {
        switch error {
        case let error as AWSHTTPError:
            return error
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError:
            return AWSHTTPError(.tls, "\(error)")
        case let error as ChannelError where error == .ioOnClosedChannel || error == .alreadyClosed:
            return AWSHTTPError(responseBegun ? .closedDuringResponse : .closedBeforeResponse, "\(error)")
        case let error as IOError where !responseBegun:
            return AWSHTTPError(.closedBeforeResponse, "\(error)")
        default:
            return AWSHTTPError(.protocolError, "\(error)")
        }
    }
}
