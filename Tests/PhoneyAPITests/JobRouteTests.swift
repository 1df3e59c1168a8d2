import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PhoneyAPI
import PhoneyCore
import Synchronization
import Testing

/// `POST /api/v1/jobs` and `GET /api/v1/jobs/{id}` in front of their backend: authentication, validation, the
/// limits, and the 404 where jobs are not configured. The AWS backend itself (S3 and Step Functions) is tested
/// against moto in PhoneyExportTests; here a backend that records what it was asked stands in for it.
struct JobRouteTests {
    final class RecordingJobs: ExportJobs, @unchecked Sendable {
        let maxRecords: UInt64 = 100_000
        let maxShards = 10
        let started = Mutex<[ExportJobRequest]>([])

        func start(
            _ job: ExportJobRequest, locale: String, now: Int64, subject: String
        ) async throws -> ExportJobStatus {
            let earlier = started.withLock { list in
                defer { list.append(job) }
                return list.contains { $0.clientToken != nil && $0.clientToken == job.clientToken }
            }
            return ExportJobStatus(
                id: "j-\(job.clientToken ?? "new")", status: "RUNNING",
                shardsTotal: Int((job.count + job.recordsPerShard - 1) / job.recordsPerShard), shardsDone: 0,
                records: job.count, recordsWritten: 0, destination: "s3://bucket/exports/j/", existing: earlier)
        }

        func status(_ id: String) async throws -> ExportJobStatus? {
            id == "j-known"
                ? ExportJobStatus(
                    id: id, status: "SUCCEEDED", shardsTotal: 2, shardsDone: 2, records: 2_000, recordsWritten: 2_000,
                    destination: "s3://bucket/exports/j-known/", manifest: "s3://bucket/exports/j-known/manifest.json")
                : nil
        }
    }

    static let headers: HTTPFields = [.contentType: "application/json", .xAPIKey: TestSupport.apiKey]

    static func post(
        _ client: some TestClientProtocol, _ body: String, headers: HTTPFields = headers
    ) async throws
        -> (HTTPResponse.Status, JSONValue)
    {
        try await client.execute(uri: "/api/v1/jobs", method: .post, headers: headers, body: ByteBuffer(string: body)) {
            (response) async throws in (response.status, try TestSupport.json(response))
        }
    }

    @Test func withoutABackendBothRoutesAre404SayingWhere() async throws {
        try await TestSupport.app().test(.router) { client in
            let (status, document) = try await Self.post(client, #"{"template":{"n":"{{name}}"},"count":10}"#)
            #expect(status == .notFound)
            #expect(document["detail"]?.stringValue?.contains("phoney export") == true, "\(document)")
            let (unauthenticated, _) = try await Self.post(
                client, #"{"template":{"n":"{{name}}"},"count":10}"#, headers: [.contentType: "application/json"])
            #expect(unauthenticated == .unauthorized)
            try await client.execute(uri: "/api/v1/jobs/j-1", method: .get, headers: Self.headers) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func jobsAreValidatedAndLimitedBeforeTheyStart() async throws {
        let jobs = RecordingJobs()
        try await TestSupport.app(jobs: jobs).test(.router) { client in
            let cases: [(String, HTTPResponse.Status, String)] = [
                (#"{"template":{"n":"{{name}}"},"count":200000}"#, .unprocessableContent, "PHONEY_EXPORT_MAX_RECORDS"),
                (
                    #"{"template":{"n":"{{name}}"},"count":20000,"shard_records":1000}"#, .unprocessableContent,
                    "PHONEY_EXPORT_MAX_SHARDS"
                ),
                (#"{"template":{"n":"{{nope}}"},"count":10}"#, .unprocessableContent, "nope"),
                (#"{"template":{"n":"{{name}}"}}"#, .unprocessableContent, "count"),
                (#"{"template":{"n":"{{name}}"},"count":10,"prefix":"../up"}"#, .unprocessableContent, "prefix"),
                (#"{"template":{"n":"{{name}}"},"count":10,"client_token":"a b"}"#, .unprocessableContent, "token"),
                (
                    #"{"template":{"n":"{{name}}"},"count":10,"shard_records":5}"#, .unprocessableContent,
                    "shard_records"
                ),
                (#"{"template":{"n":"{{name}}"},"count":10,"destination":"x"}"#, .unprocessableContent, "destination"),
                (
                    #"{"template":{"n":"{{random_int:min=1,max=3,unique=true}}"},"count":10}"#, .unprocessableContent,
                    "unique"
                ),
            ]
            for (body, expected, fragment) in cases {
                let (status, document) = try await Self.post(client, body)
                #expect(status == expected, "\(body) → \(status) \(document)")
                #expect(document.serialized.contains(fragment), "\(body) → \(document.serialized)")
            }
            #expect(jobs.started.withLock { $0.isEmpty }, "nothing invalid reached the backend")
            let body =
                #"{"template":{"n":"{{name}}"},"count":5000,"shard_records":1000,"client_token":"t-1","gzip":true}"#
            let (first, started) = try await Self.post(client, body)
            #expect(first == .accepted)
            #expect(started["shards_total"] == .number("5"))
            #expect(started["status_url"] == .string("/api/v1/jobs/j-t-1"))
            let (second, _) = try await Self.post(client, body)
            #expect(second == .ok, "the same client token answers the job it started")
            let recorded = jobs.started.withLock { $0 }
            #expect(recorded.count == 2 && recorded[0].gzip && recorded[0].format == .ndjson)
            try await client.execute(uri: "/api/v1/jobs/j-known", method: .get, headers: Self.headers) {
                (response) async throws in
                #expect(response.status == .ok)
                #expect(
                    try TestSupport.json(response)["manifest"] == .string("s3://bucket/exports/j-known/manifest.json"))
            }
            try await client.execute(uri: "/api/v1/jobs/j-other", method: .get, headers: Self.headers) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
