import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PhoneyAPI
import PhoneyCore
import Testing

struct StreamTests {
    static let template = #"{"id":"{{uuid4}}","name":"{{name}}","n":"{{random_int}}"}"#

    static func post(
        _ client: some TestClientProtocol, token: String, accept: String?, body: String
    ) async throws -> TestResponse {
        var headers = TestSupport.bearer(token)
        if let accept { headers[.accept] = accept }
        return try await client.execute(
            uri: "/api/v1/template/generate", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    @Test func ndjsonStreamMatchesTheBufferedRecords() async throws {
        try await TestSupport.app().test(.router) { client in
            let token = try await TestSupport.token(client)
            let body = #"{"template":\#(Self.template),"count":2500,"seed":9}"#
            let streamed = try await Self.post(client, token: token, accept: "application/x-ndjson", body: body)
            #expect(streamed.status == .ok)
            #expect(streamed.headers[.contentType] == "application/x-ndjson")
            #expect(streamed.headers[.xPhoneySeed] == "9")
            #expect(streamed.headers[.xPhoneyCount] == "2500")
            #expect(streamed.headers[.xContentTypeOptions] == "nosniff")
            let lines = String(buffer: streamed.body).split(separator: "\n")
            #expect(lines.count == 2500)
            let buffered = try TestSupport.json(try await Self.post(client, token: token, accept: nil, body: body))
            let records = try #require(buffered["data"]?.arrayValue)
            #expect(records.count == 2500)
            for index in [0, 1, 1234, 2499] {
                #expect(try JSONValue.parse(String(lines[index])) == records[index])
            }
        }
    }

    @Test func csvStreamHasOneHeader() async throws {
        try await TestSupport.app().test(.router) { client in
            let token = try await TestSupport.token(client)
            let response = try await Self.post(
                client, token: token, accept: "text/csv", body: #"{"template":\#(Self.template),"count":20000}"#)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            let rows = String(buffer: response.body).split(separator: "\r\n")
            #expect(rows.count == 20_001)
            #expect(rows[0] == "id,name,n")
            #expect(rows.filter { $0 == "id,name,n" }.count == 1)
        }
    }

    @Test func streamFlagStreamsTheBodyFormat() async throws {
        try await TestSupport.app().test(.router) { client in
            let token = try await TestSupport.token(client)
            let response = try await Self.post(
                client, token: token, accept: nil, body: #"{"template":\#(Self.template),"count":50,"stream":true}"#)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            let records = try #require(try TestSupport.json(response).arrayValue)
            #expect(records.count == 50)
            let seed = try #require(response.headers[.xPhoneySeed].flatMap(UInt64.init))
            let again = try await Self.post(
                client, token: token, accept: nil, body: #"{"template":\#(Self.template),"count":50,"seed":\#(seed)}"#)
            #expect(try TestSupport.json(again)["data"]?.arrayValue == records)
        }
    }

    /// `Accept` is negotiated by `q`: JSON preferred to NDJSON is the envelope; NDJSON or CSV preferred is a stream.
    @Test(
        arguments: [
            ("application/json, application/x-ndjson;q=0.5", nil),
            ("application/x-ndjson;q=0.9, application/json;q=0.8", "application/x-ndjson"),
            ("text/csv;q=0, application/json", nil),
            ("text/html, text/csv", "text/csv"),
            ("*/*", nil),
            ("application/x-ndjson", "application/x-ndjson"),
        ] as [(String, String?)])
    func acceptIsNegotiatedByQuality(accept: String, streamed: String?) async throws {
        try await TestSupport.app().test(.router) { client in
            let token = try await TestSupport.token(client)
            let response = try await Self.post(
                client, token: token, accept: accept, body: #"{"template":\#(Self.template),"count":3}"#)
            #expect(response.status == .ok)
            let type = response.headers[.contentType] ?? ""
            if let streamed {
                #expect(type.hasPrefix(streamed), "\(accept): \(type)")
            } else {
                #expect(type.hasPrefix("application/json"), "\(accept): \(type)")
                #expect(try TestSupport.json(response)["generated_count"] == .number("3"))
            }
        }
    }

    @Test func countLimits() async throws {
        let app = await TestSupport.app(TestSupport.config { $0.maxStreamCount = 30_000 })
        try await app.test(.router) { client in
            let token = try await TestSupport.token(client)
            let buffered = try await Self.post(
                client, token: token, accept: nil, body: #"{"template":\#(Self.template),"count":10001}"#)
            #expect(buffered.status == .unprocessableContent)
            let maxBuffered = try await Self.post(
                client, token: token, accept: nil, body: #"{"template":{"n":"{{random_int}}"},"count":10000}"#)
            #expect(maxBuffered.status == .ok)
            let overStream = try await Self.post(
                client, token: token, accept: "application/x-ndjson",
                body: #"{"template":\#(Self.template),"count":30001}"#)
            #expect(overStream.status == .unprocessableContent)
            #expect(
                try TestSupport.json(overStream)["detail"]?.arrayValue?.first?["msg"]?.stringValue?
                    .contains("MAX_STREAM_COUNT") == true)
        }
    }

    @Test func streamingNeedsAuthentication() async throws {
        try await TestSupport.app().test(.router) { client in
            let response = try await client.execute(
                uri: "/api/v1/template/generate", method: .post,
                headers: [.contentType: "application/json", .accept: "application/x-ndjson"],
                body: ByteBuffer(string: #"{"template":{"a":"{{name}}"},"count":5}"#))
            #expect(response.status == .unauthorized)
        }
    }

    /// A writer that fails after a few chunks, as a disconnected client's does.
    struct FailingWriter: APIBodyWriter {
        struct Disconnected: Error {}
        var allowed: Int
        var written = 0

        mutating func write(_ buffer: ByteBuffer) async throws {
            if written == allowed { throw Disconnected() }
            written += 1
        }
    }

    @Test func aFailedWriteStopsGeneration() async throws {
        let template = try JSONValue.parse(#"{"template":\#(Self.template),"count":10000000}"#)
        let api = await APIService(config: TestSupport.config())
        var members: [UInt8] = []
        template.serialize(into: &members)
        let request = try BulkRequest(body: ByteBuffer(bytes: members), limits: .default)
        let bulk = try api.prepare(request, format: .ndjson)
        var writer: any APIBodyWriter = FailingWriter(allowed: 3)
        var generated: UInt64 = 0
        await #expect(throws: FailingWriter.Disconnected.self) {
            try await RecordStream.write(bulk.plan, bulk.request, to: &writer, metrics: api.metrics) { generated = $0 }
        }
        #expect(generated > 0)
        #expect(generated < 100_000, "generation went on after the client left: \(generated)")
    }
}
