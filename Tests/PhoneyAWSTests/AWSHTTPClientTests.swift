import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import PhoneyCore
import PhoneyTestSupport
import Synchronization
import Testing

@testable import PhoneyAWS

/// `AWSHTTPClient` against a scripted HTTP/1.1 server on loopback that answers with exact bytes.
@Suite(.serialized)
struct AWSHTTPClientTests {
    static let credentials = AWSCredentials(accessKeyID: "AKIDTEST", secretAccessKey: "test-secret-key")

    static func request(_ body: String = "{}") -> AWSHTTPRequest {
        AWSHTTPRequest(method: .POST, path: "/", headers: [("X-Test", "1")], body: Array(body.utf8))
    }

    static func send(
        // 30 s: the tests that are not about timeouts must not fail on a loaded machine (the parallel suite on two
        // busy cores once took more than 5 s for a loopback answer); the timeout tests pass their own.
        _ client: AWSHTTPClient, _ server: ScriptedServer, timeout: TimeAmount = .seconds(30), maxBodyBytes: Int = 1024
    ) async throws(AWSHTTPError) -> AWSHTTPResponse {
        try await client.execute(request(), to: server.endpoint, timeout: timeout, maxBodyBytes: maxBodyBytes)
    }

    @Test func aContentLengthBodyIsReadAndTheRequestIsComplete() async throws {
        let server = try await ScriptedServer.start { _ in .answer("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello")
        }
        defer { server.stop() }
        let response = try await Self.send(AWSHTTPClient(), server)
        #expect(response.status == 200)
        #expect(String(buffer: response.body) == "hello")
        let received = try #require(server.requests.first)
        #expect(received.hasPrefix("POST / HTTP/1.1\r\n"))
        #expect(received.contains("\r\nHost: 127.0.0.1:\(server.port)\r\n"))
        #expect(received.contains("\r\nContent-Length: 2\r\n"))
        #expect(received.contains("\r\nX-Test: 1\r\n"))
        #expect(received.hasSuffix("\r\n\r\n{}"))
    }

    @Test func aChunkedBodyIsJoined() async throws {
        let server = try await ScriptedServer.start { _ in
            .answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
        }
        defer { server.stop() }
        let response = try await Self.send(AWSHTTPClient(), server)
        #expect(String(buffer: response.body) == "hello world")
        #expect(response.keepAlive)
    }

    @Test func aBodyEndedByTheConnectionClosingIsRead() async throws {
        let server = try await ScriptedServer.start { _ in
            .answer("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end", close: true)
        }
        defer { server.stop() }
        let response = try await Self.send(AWSHTTPClient(), server)
        #expect(String(buffer: response.body) == "until the end")
        #expect(!response.keepAlive)
    }

    @Test func anInformationalResponseIsSkipped() async throws {
        let server = try await ScriptedServer.start { _ in
            .answer("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok")
        }
        defer { server.stop() }
        let response = try await Self.send(AWSHTTPClient(), server)
        #expect(response.status == 201)
        #expect(String(buffer: response.body) == "ok")
    }

    @Test func keepAliveConnectionsAreReusedAndClosedOnesAreNot() async throws {
        let server = try await ScriptedServer.start { _ in .answer("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n1") }
        defer { server.stop() }
        let client = AWSHTTPClient()
        for _ in 0..<3 { _ = try await Self.send(client, server) }
        #expect(server.connections == 1)
        #expect(server.requests.count == 3)

        let closing = try await ScriptedServer.start { _ in
            .answer("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nConnection: close\r\n\r\n1", close: true)
        }
        defer { closing.stop() }
        for _ in 0..<2 { _ = try await Self.send(client, closing) }
        #expect(closing.connections == 2)
        client.closeIdleConnections()
    }

    @Test func aKeptConnectionTheServerDropsIsReplacedWithoutAnError() async throws {
        // The second request arrives on the kept connection and the server drops it unanswered, as a server does when
        // its idle timeout and the request cross: the client sends it again on a new connection.
        let count = Mutex(0)
        let server = try await ScriptedServer.start { _ in
            let number = count.withLock { count in
                count += 1
                return count
            }
            return number == 2 ? .drop : .answer("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n\(number)")
        }
        defer { server.stop() }
        let client = AWSHTTPClient()
        #expect(String(buffer: try await Self.send(client, server).body) == "1")
        #expect(String(buffer: try await Self.send(client, server).body) == "3")
        #expect(server.requests.count == 3)
        #expect(server.connections == 2)
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let server = try await ScriptedServer.start { _ in .silent }
        defer { server.stop() }
        let started = ContinuousClock.now
        let error = await #expect(throws: AWSHTTPError.self) {
            try await Self.send(AWSHTTPClient(), server, timeout: .milliseconds(300))
        }
        #expect(error?.kind == .timeout)
        #expect(ContinuousClock.now - started < .seconds(3))

        let client = AWSJSONClient(
            service: .ssm, endpoint: server.endpoint, credentials: Self.credentials, region: "us-east-1",
            httpClient: AWSHTTPClient(), timeout: .milliseconds(300))
        let callError = await #expect(throws: AWSError.self) {
            try await client.call("GetParametersByPath", .object([]), resource: "path /p")
        }
        #expect(callError?.kind == .transport)
        #expect(callError.map { "\($0)" }?.contains("timeout 0.3s") == true)
    }

    @Test func aResponseCutShortIsAnError() async throws {
        let server = try await ScriptedServer.start { _ in
            .answer("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", close: true)
        }
        defer { server.stop() }
        let error = await #expect(throws: AWSHTTPError.self) { try await Self.send(AWSHTTPClient(), server) }
        #expect(error?.kind == .closedDuringResponse || error?.kind == .protocolError)
    }

    @Test func aBodyAboveTheLimitIsRefused() async throws {
        let body = String(repeating: "x", count: 100)
        let server = try await ScriptedServer.start { _ in
            .answer("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n\(body)")
        }
        defer { server.stop() }
        let error = await #expect(throws: AWSHTTPError.self) {
            try await Self.send(AWSHTTPClient(), server, maxBodyBytes: 10)
        }
        #expect(error?.kind == .bodyTooLarge)
    }

    @Test func aRefusedConnectionIsATransportError() async throws {
        let endpoint = try #require(AWSEndpoint(url: "http://127.0.0.1:\(try MotoServer.freePort())"))
        let error = await #expect(throws: AWSHTTPError.self) {
            try await AWSHTTPClient().execute(Self.request(), to: endpoint, timeout: .seconds(3), maxBodyBytes: 10)
        }
        #expect(error?.kind == .connect)

        let client = AWSJSONClient(
            service: .secretsManager, endpoint: endpoint, credentials: Self.credentials, region: "us-east-1",
            httpClient: AWSHTTPClient())
        let callError = await #expect(throws: AWSError.self) {
            try await client.call("GetSecretValue", .object([]), resource: "secret s")
        }
        #expect(callError?.kind == .transport)
        #expect(callError?.operation == "secretsmanager:GetSecretValue")
    }

    @Test func nonSuccessStatusesBecomeServiceErrorsWithTheAWSCode() async throws {
        let server = try await ScriptedServer.start { request in
            if request.contains("X-Amz-Target: AmazonSSM.GetParameter\r\n") {
                let body = #"{"__type":"com.amazonaws.ssm#ParameterNotFound","message":"no such parameter"}"#
                return .answer("HTTP/1.1 400 Bad Request\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
            }
            return .answer("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\n\r\nbusy")
        }
        defer { server.stop() }
        let client = AWSJSONClient(
            service: .ssm, endpoint: server.endpoint, credentials: Self.credentials, region: "us-east-1",
            httpClient: AWSHTTPClient())
        let missing = await #expect(throws: AWSError.self) {
            try await client.call("GetParameter", .object([]), resource: "parameter /p")
        }
        #expect(missing?.kind == .service)
        #expect(missing?.httpStatus == 400)
        #expect(missing?.awsCode == "ParameterNotFound")
        #expect(missing?.message == "no such parameter")

        let busy = await #expect(throws: AWSError.self) {
            try await client.call("GetParametersByPath", .object([]), resource: "path /p")
        }
        #expect(busy?.kind == .service)
        #expect(busy?.httpStatus == 503)
        #expect(busy?.awsCode == nil)
    }

    @Test func aSuccessfulCallWithABodyThatIsNotJSONIsInvalid() async throws {
        let server = try await ScriptedServer.start { _ in .answer("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nnot") }
        defer { server.stop() }
        let client = AWSJSONClient(
            service: .ssm, endpoint: server.endpoint, credentials: Self.credentials, region: "us-east-1",
            httpClient: AWSHTTPClient())
        let error = await #expect(throws: AWSError.self) {
            try await client.call("GetParametersByPath", .object([]), resource: "path /p")
        }
        #expect(error?.kind == .invalidResponse)
        #expect(error?.httpStatus == 200)
    }

    @Test func httpsEndpointsAreVerifiedAgainstTheTrustRoots() async throws {
        let (certificate, key) = try Self.selfSignedCertificate()
        let serverTLS = try NIOSSLContext(
            configuration: .makeServerConfiguration(
                certificateChain: certificate.map { .certificate($0) }, privateKey: .privateKey(key)))
        let server = try await ScriptedServer.start(tls: serverTLS) { _ in
            .answer("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecret")
        }
        defer { server.stop() }
        var trusting = TLSConfiguration.makeClientConfiguration()
        trusting.trustRoots = .certificates(certificate)
        let client = AWSHTTPClient(tlsConfiguration: trusting)
        // By name (sent as SNI and checked against the certificate's DNS name), then by address (no SNI).
        for url in ["https://localhost:\(server.port)", "https://127.0.0.1:\(server.port)"] {
            let endpoint = try #require(AWSEndpoint(url: url))
            let response = try await client.execute(
                Self.request(), to: endpoint, timeout: .seconds(30), maxBodyBytes: 100)
            #expect(String(buffer: response.body) == "secret")
        }
        #expect(server.requests.count == 2)

        // The system's trust roots do not hold the test certificate: the handshake fails, nothing is sent.
        let endpoint = try #require(AWSEndpoint(url: "https://localhost:\(server.port)"))
        let error = await #expect(throws: AWSHTTPError.self) {
            try await AWSHTTPClient().execute(Self.request(), to: endpoint, timeout: .seconds(30), maxBodyBytes: 100)
        }
        #expect(error?.kind == .tls)
        #expect(server.requests.count == 2)
    }

    /// A P-256 certificate for `localhost` and `127.0.0.1`, made with the `openssl` command.
    static func selfSignedCertificate() throws -> ([NIOSSLCertificate], NIOSSLPrivateKey) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("phoney-tls-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let keyPath = directory.appendingPathComponent("key.pem").path
        let certificatePath = directory.appendingPathComponent("certificate.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", keyPath, "-out", certificatePath, "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        try #require(openssl.terminationStatus == 0, "openssl req failed (install openssl)")
        return (
            try NIOSSLCertificate.fromPEMFile(certificatePath), try NIOSSLPrivateKey(file: keyPath, format: .pem)
        )
    }

    @Test func ipLiteralsAreRecognisedForSNI() {
        #expect(AWSHTTPClient.isIPAddress("127.0.0.1"))
        #expect(AWSHTTPClient.isIPAddress("::1"))
        #expect(!AWSHTTPClient.isIPAddress("ssm.eu-west-1.amazonaws.com"))
        #expect(!AWSHTTPClient.isIPAddress("localhost"))
    }
}

/// An HTTP/1.1 server on a loopback port that reads whole requests (headers and a `Content-Length` body) and answers
/// each with the bytes its script gives, or not at all.
final class ScriptedServer: Sendable {
    enum Reply: Sendable {
        /// Writes `text` as it is, then closes the connection when `close` says so.
        case answer(String, close: Bool = false)
        /// Never answers.
        case silent
        /// Closes the connection without answering.
        case drop
    }

    private struct State {
        var requests: [String] = []
        var connections = 0
    }

    let port: Int
    private let channel: any Channel
    private let state: Mutex<State>

    private init(port: Int, channel: any Channel) {
        self.port = port
        self.channel = channel
        self.state = Mutex(State())
    }

    var endpoint: AWSEndpoint { AWSEndpoint(url: "http://127.0.0.1:\(port)")! }
    var requests: [String] { state.withLock { $0.requests } }
    var connections: Int { state.withLock { $0.connections } }

    static func start(
        tls: NIOSSLContext? = nil, _ script: @escaping @Sendable (String) -> Reply
    ) async throws -> ScriptedServer {
        let box = ServerBox()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls)) }
                    try channel.pipeline.syncOperations.addHandler(
                        RequestReader(
                            onConnect: { box.server?.state.withLock { $0.connections += 1 } },
                            onRequest: { request in
                                box.server?.state.withLock { $0.requests.append(request) }
                                return script(request)
                            }))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        let server = ScriptedServer(port: channel.localAddress!.port!, channel: channel)
        box.server = server
        return server
    }

    func stop() {
        try? channel.close().wait()
    }
}

/// Lets the child channels reach the server made after the bind.
private final class ServerBox: @unchecked Sendable {
    private let lock = Mutex<ScriptedServer?>(nil)
    var server: ScriptedServer? {
        get { lock.withLock { $0 } }
        set { lock.withLock { $0 = newValue } }
    }
}

/// Splits the bytes of a connection into requests and writes each reply.
private final class RequestReader: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let onConnect: @Sendable () -> Void
    let onRequest: @Sendable (String) -> ScriptedServer.Reply
    private var pending: [UInt8] = []

    init(onConnect: @escaping @Sendable () -> Void, onRequest: @escaping @Sendable (String) -> ScriptedServer.Reply) {
        self.onConnect = onConnect
        self.onRequest = onRequest
    }

    func channelActive(context: ChannelHandlerContext) {
        onConnect()
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        pending += buffer.readBytes(length: buffer.readableBytes) ?? []
        while let length = completeRequestLength() {
            let request = String(decoding: pending[..<length], as: UTF8.self)
            pending.removeFirst(length)
            switch onRequest(request) {
            case .silent:
                break
            case .drop:
                context.close(promise: nil)
                return
            case .answer(let text, let close):
                let written = context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text)))
                if close {
                    let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
                    written.whenComplete { _ in loopBound.value.close(promise: nil) }
                }
            }
        }
    }

    /// The length of the first whole request in `pending`, if it has arrived.
    private func completeRequestLength() -> Int? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard pending.count >= 4,
            let end = (0...(pending.count - 4)).first(where: { Array(pending[$0..<$0 + 4]) == separator })
        else { return nil }
        let head = String(decoding: pending[..<end], as: UTF8.self).lowercased()
        var bodyLength = 0
        for line in head.split(separator: "\r\n") where line.hasPrefix("content-length:") {
            bodyLength = Int(line.dropFirst("content-length:".count).filter { $0 != " " }) ?? 0
        }
        let total = end + 4 + bodyLength
        return pending.count >= total ? total : nil
    }
}
