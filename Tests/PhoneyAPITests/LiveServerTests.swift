import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import PhoneyAPI
import PhoneyCore
import PhoneyServer
import Testing

/// The real server (`PhoneyServer.makeApplication`, as `phoney serve` runs it) on a loopback port.
struct LiveServerTests {
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
