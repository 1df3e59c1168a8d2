import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import PhoneyAPI
import PhoneyCore
import PhoneyServer
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The real server (`PhoneyServer.makeApplication`, as `phoney serve` runs it) on a loopback port.
///
/// Serialized: the raw-socket tests block a thread of the cooperative pool in `recv`, and two of them at once on a
/// 2-core machine would leave the server no thread to answer them with.
@Suite(.serialized) struct LiveServerTests {
    static func server() async -> some ApplicationProtocol {
        var logger = Logger(label: "live")
        logger.logLevel = .critical
        return await PhoneyServer.makeApplication(config: TestSupport.config(), logger: logger)
    }

    @Test func servesTheAPIOverTCP() async throws {
        try await Self.server().test(.live) { client in
            try await client.execute(uri: "/health", method: .get) { (response) async throws in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"status":"healthy"}"#)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
            try await client.execute(
                uri: "/template", method: .post, headers: TestSupport.jsonHeaders,
                body: ByteBuffer(string: #"{"template":{"n":"{{name}}"},"count":100,"seed":1}"#)
            ) { (response) async throws in
                #expect(response.status == .ok)
                #expect(try TestSupport.json(response)["data"]?.arrayValue?.count == 100)
            }
        }
    }

    /// A client that sends `Expect: 100-continue` (libcurl does for large bodies) gets `100 Continue` before it sends
    /// the body, instead of waiting about a second for it; a body declared over the limit gets the 413 at once.
    @Test func expectContinueIsAnswered() async throws {
        try await Self.server().test(.live) { client in
            let port = try #require(client.port)
            let body = #"{"template":{"n":"{{name}}"},"count":2,"seed":1}"#
            let connection = try RawConnection(port: port)
            defer { connection.close() }
            try connection.send(Self.expectingHead(length: body.utf8.count))
            let interim = try connection.receive(until: "\r\n\r\n")
            #expect(interim.hasPrefix("HTTP/1.1 100 Continue"), "\(interim)")
            try connection.send(body)
            let response = try connection.receive(until: "]}")
            #expect(response.hasPrefix("HTTP/1.1 200 OK"), "\(response)")

            let large = try RawConnection(port: port)
            defer { large.close() }
            try large.send(Self.expectingHead(length: 4 << 20))
            let refused = try large.receive(until: "\r\n\r\n")
            #expect(refused.hasPrefix("HTTP/1.1 413"), "\(refused)")
        }
    }

    /// What the HTTP parser refuses (a header block over the limit, a request line that is not HTTP) is answered
    /// like every other error: a JSON `detail`, the security headers, and the connection closed.
    @Test func protocolErrorsGetAJSONBodyAndTheSecurityHeaders() async throws {
        try await Self.server().test(.live) { client in
            let port = try #require(client.port)
            let cases: [(request: String, status: String, detail: String)] = [
                (
                    "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: \(String(repeating: "a", count: 128 * 1024))\r\n\r\n",
                    "HTTP/1.1 431", "header block"
                ),
                ("NOT HTTP AT ALL\r\n\r\n", "HTTP/1.1 400", "not valid HTTP"),
            ]
            for (request, status, detail) in cases {
                let connection = try RawConnection(port: port)
                defer { connection.close() }
                try connection.send(request)
                let response = try connection.receive(until: "\"}")
                #expect(response.hasPrefix(status), "\(response.prefix(200))")
                #expect(response.contains(#"{"detail":"#) && response.contains(detail), "\(response.prefix(400))")
                #expect(response.lowercased().contains("x-content-type-options: nosniff"))
                #expect(response.lowercased().contains("content-type: application/json"))
            }
            // The server is still there.
            try await client.execute(uri: "/health", method: .get) { (response) async throws in
                #expect(response.status == .ok)
            }
        }
    }

    /// A chunked body whose framing is broken is the client's fault: 400 saying so, never a 500.
    @Test func malformedChunkedBodyIs400() async throws {
        try await Self.server().test(.live) { client in
            let port = try #require(client.port)
            for path in ["/template", "/api/v1/template/validate", "/token"] {
                let connection = try RawConnection(port: port)
                defer { connection.close() }
                try connection.send(
                    "POST \(path) HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                        + "Content-Type: application/json\r\n\r\nZZ\r\n")
                let response = try connection.receive(until: "\"}")
                #expect(response.hasPrefix("HTTP/1.1 400"), "\(path): \(response)")
                #expect(response.contains(#"{"detail":"Malformed request body: "#), "\(path): \(response)")
                #expect(response.lowercased().contains("x-content-type-options: nosniff"), "\(path)")
            }
        }
    }

    /// The head of a `POST /template` of `length` bytes that asks for `100 Continue`.
    static func expectingHead(length: Int) -> String {
        "POST /template HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(length)\r\nExpect: 100-continue\r\n\r\n"
    }

    @Test func streamsOverAChunkedConnection() async throws {
        try await Self.server().test(.live) { client in
            let token = try await TestSupport.token(client)
            var headers = TestSupport.bearer(token)
            headers[.accept] = "application/x-ndjson"
            try await client.execute(
                uri: "/api/v1/template/generate", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"template":{"id":"{{uuid4}}","n":"{{name}}"},"count":100000}"#)
            ) { (response) async throws in
                #expect(response.status == .ok)
                #expect(response.headers[.transferEncoding] == "chunked")
                var lines = 0
                for byte in response.body.readableBytesView where byte == 0x0A { lines += 1 }
                #expect(lines == 100_000)
            }
        }
    }

    @Test func exposesPrometheusMetrics() async throws {
        try await Self.server().test(.live) { client in
            try await client.execute(uri: "/fake/name?count=3", method: .get) { _ in }
            for _ in 0..<2 {
                try await client.execute(
                    uri: "/template", method: .post, headers: TestSupport.jsonHeaders,
                    body: ByteBuffer(string: #"{"template":{"x":"{{city}}"},"count":7}"#)
                ) { _ in }
            }
            try await client.execute(uri: "/metrics", method: .get) { (response) async throws in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(
                    text.contains(#"phoney_http_requests_total{route="/template",method="POST",status="200"} 2"#),
                    "\(text)")
                #expect(text.contains("phoney_http_request_duration_seconds_bucket"))
                #expect(text.contains("phoney_records_generated_total 17"))
                #expect(text.contains("phoney_plan_cache_hits_total 1"))
                #expect(text.contains("phoney_plan_cache_misses_total 2"))
            }
        }
    }
}

/// A blocking TCP connection to the loopback server, for requests the test client cannot make (an interim response).
final class RawConnection {
    let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw RawConnectionError.failed("socket") }
        // Reads give up after five seconds, so a missing answer fails the test instead of hanging it.
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            Glibc.close(descriptor)
            throw RawConnectionError.failed("connect")
        }
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let written = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, 0) }
            guard written > 0 else { throw RawConnectionError.failed("send") }
            sent += written
        }
    }

    /// Reads until the text received so far contains `marker`, or the read times out.
    func receive(until marker: String) throws -> String {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !String(decoding: received, as: UTF8.self).contains(marker) {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received.append(contentsOf: buffer[..<count])
        }
        return String(decoding: received, as: UTF8.self)
    }

    func close() {
        Glibc.close(descriptor)
    }
}

enum RawConnectionError: Error {
    case failed(String)
}
