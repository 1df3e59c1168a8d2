import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PhoneyAPI
import PhoneyCore
import Testing

/// The server's time budget per buffered request: generation that would run past it stops with a 503 saying how
/// far it got and where to go on, instead of holding a core.
struct TimeBudgetTests {
    @Test func aBufferedRequestPastTheBudgetIsA503WithTheNextOffset() async throws {
        let config = TestSupport.config {
            $0.requestTimeBudgetMilliseconds = 100
            $0.maxBufferedBytes = 1 << 34
        }
        // About 100 KB of text a record: a thousand of them take far longer than 100 ms anywhere.
        let body = #"{"template":{"t":"{{[text]:count=50,max_nb_chars=2000}}"},"count":1000,"seed":5}"#
        try await TestSupport.app(config).test(.router) { client in
            try await client.execute(
                uri: "/template", method: .post, headers: TestSupport.jsonHeaders, body: ByteBuffer(string: body)
            ) { (response) async throws in
                #expect(response.status == .serviceUnavailable)
                let json = try TestSupport.json(response)
                guard case .number(let made)? = json["generated_before_stop"], let count = Int(made) else {
                    Issue.record("no progress in \(json)")
                    return
                }
                #expect(count >= 1 && count < 1000)
                #expect(json["next_offset"] == .number(String(count)))
                #expect(json["seed"] == .number("5"))
                let detail = try #require(json["detail"]?.stringValue)
                #expect(detail.contains("REQUEST_TIME_BUDGET_MS, 100 ms"), "\(detail)")
            }
        }
    }

    /// Records of 100 MB each (`texts` of 1,000 long texts): the size check halts the render inside the first one,
    /// once it passes MAX_BUFFERED_BYTES, instead of making 50 of them (5 GB) first. `ChunkEngineTests` bounds the
    /// bytes such a halt lets a render write.
    @Test(arguments: ["/template", "/api/v1/template/generate"])
    func giantRecordsAreRefusedInsideTheFirstOne(_ path: String) async throws {
        let config = TestSupport.config { $0.requestTimeBudgetMilliseconds = 30_000 }
        let body = #"{"template":{"t":"{{texts:nb_texts=1000,max_nb_chars=100000}}"},"count":50,"seed":5}"#
        try await TestSupport.app(config).test(.router) { client in
            var headers = TestSupport.jsonHeaders
            headers[.xAPIKey] = TestSupport.apiKey
            try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body)) {
                (response) async throws in
                #expect(response.status == .badRequest)
                let detail = try #require(try TestSupport.json(response)["detail"]?.stringValue)
                #expect(detail.contains("MAX_BUFFERED_BYTES"), "\(detail)")
            }
        }
    }

    @Test func aRequestWithinTheBudgetIsUnchanged() async throws {
        let config = TestSupport.config { $0.requestTimeBudgetMilliseconds = 30_000 }
        let body = #"{"template":{"n":"{{name}}"},"count":1000,"seed":5}"#
        try await TestSupport.app(config).test(.router) { client in
            try await client.execute(
                uri: "/template", method: .post, headers: TestSupport.jsonHeaders, body: ByteBuffer(string: body)
            ) { (response) async throws in
                #expect(response.status == .ok)
                #expect(try TestSupport.json(response)["generated_count"] == .number("1000"))
            }
        }
    }
}
