import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import PhoneyAPI
import PhoneyCore
import PhoneyServer
import Synchronization
import Testing

/// Proof that no password, token, API key or secret key reaches a log line.
struct LogScanTests {
    /// Collects everything a logger is handed: message, metadata and error, before any formatting.
    final class Capture: Sendable {
        let lines = Mutex<[String]>([])

        func append(_ line: String) {
            lines.withLock { $0.append(line) }
        }

        var all: [String] { lines.withLock { $0 } }
    }

    struct CapturingHandler: LogHandler {
        let capture: Capture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            capture.append("\(event.level) \(event.message) \(merged) \(event.error.map { "\($0)" } ?? "")")
        }
    }

    /// Logs in, uses the token and the API key, fails a login with a wrong password, streams, and hits errors.
    static func exercise(_ client: some TestClientProtocol, wrongPassword: String) async throws -> String {
        let token = try await TestSupport.token(client)
        for headers: HTTPFields in [TestSupport.bearer(token), [.xAPIKey: TestSupport.apiKey]] {
            var headers = headers
            headers[.contentType] = "application/json"
            try await client.execute(
                uri: "/api/v1/template/generate", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"template":{"a":"{{name}}"},"count":3}"#)
            ) { (response) async throws in #expect(response.status == .ok) }
        }
        var streaming = TestSupport.bearer(token)
        streaming[.accept] = "application/x-ndjson"
        try await client.execute(
            uri: "/api/v1/template/generate", method: .post, headers: streaming,
            body: ByteBuffer(string: #"{"template":{"a":"{{name}}"},"count":3000}"#)
        ) { (response) async throws in #expect(response.status == .ok) }
        try await client.execute(
            uri: "/token", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: "username=api_user&password=\(wrongPassword)")
        ) { (response) async throws in #expect(response.status == .unauthorized) }
        try await client.execute(
            uri: "/api/v1/template/generate?token=\(token)", method: .post,
            headers: [.authorization: "Bearer \(token)x", .contentType: "application/json"],
            body: ByteBuffer(string: #"{"template":{"a":"{{name}}"}}"#)
        ) { (response) async throws in #expect(response.status == .unauthorized) }
        try await client.execute(uri: "/nope", method: .get) { (response) async throws in
            #expect(response.status == .notFound)
        }
        return token
    }

    @Test func noSecretIsEverHandedToTheLogger() async throws {
        let capture = Capture()
        var logger = Logger(label: "scan") { _ in CapturingHandler(capture: capture) }
        logger.logLevel = .trace
        let wrongPassword = "wrong-password-\(UInt32.random(in: 0...UInt32.max))"
        let token = try await TestSupport.app(logger: logger).test(.router) { client in
            try await Self.exercise(client, wrongPassword: wrongPassword)
        }
        let lines = capture.all
        #expect(lines.count >= 7, "the requests were logged")
        #expect(lines.contains { $0.contains("request") })
        let secrets = [
            TestSupport.password, wrongPassword, token, TestSupport.apiKey, TestSupport.secretKey,
            String(token.split(separator: ".")[2]), TestSupport.passwordHash,
        ]
        for line in lines {
            for secret in secrets {
                #expect(!line.contains(secret), "a secret in: \(line)")
            }
            #expect(!line.contains("eyJ"), "a JWT in: \(line)")
        }
    }

    @Test func theJSONSinkRedactsSecretsAndTokensAnyway() throws {
        let collected = Mutex<[String]>([])
        let sink = LogSink { bytes in collected.withLock { $0.append(String(decoding: bytes, as: UTF8.self)) } }
        let config = TestSupport.config()
        let logger = PhoneyServer.logger(config: config, sink: sink)
        logger.error(
            "oops \(TestSupport.apiKey) \(config.secretKey)",
            metadata: ["password": "hunter2", "authorization": "Bearer x", "note": "eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl"])
        let lines = collected.withLock { $0 }
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        #expect(line.hasSuffix("\n"))
        let document = try JSONValue.parse(String(line.dropLast()))
        #expect(document["level"] == .string("error"))
        #expect(document["logger"] == .string("phoney"))
        #expect(document["password"] == .string("[REDACTED]"))
        #expect(document["authorization"] == .string("[REDACTED]"))
        #expect(document["note"] == .string("[REDACTED]"))
        #expect(!line.contains(TestSupport.apiKey))
        #expect(!line.contains(config.secretKey))
        #expect(!line.contains("hunter2"))
        #expect(document["ts"]?.stringValue?.hasSuffix("Z") == true)
    }

    @Test func requestLinesAreJSONWithARequestID() async throws {
        let collected = Mutex<[String]>([])
        let sink = LogSink { bytes in collected.withLock { $0.append(String(decoding: bytes, as: UTF8.self)) } }
        let logger = PhoneyServer.logger(config: TestSupport.config(), sink: sink)
        try await TestSupport.app(logger: logger).test(.router) { client in
            try await client.execute(uri: "/health?secret=abc", method: .get, headers: [.xRequestID: "req-42"]) { _ in }
        }
        let lines = collected.withLock { $0 }
        let request = try #require(lines.first { $0.contains(#""msg":"request""#) })
        let document = try JSONValue.parse(String(request.dropLast()))
        #expect(document["request_id"] == .string("req-42"))
        #expect(document["status"] == .string("200"))
        #expect(document["path"] == .string("/health"))
        #expect(document["route"] == .string("/health"))
        #expect(!request.contains("secret=abc"), "queries are not logged")
    }
}
