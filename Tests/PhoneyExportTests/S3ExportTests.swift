import Logging
import NIOCore
import PhoneyAPI
import PhoneyCore
import PhoneyTestSupport
import Testing

@testable import PhoneyAWS
@testable import PhoneyExport

/// Exports into S3 (a moto server on loopback, through our own SigV4 client): the CLI's path, the Lambda's shard
/// and manifest events, and the jobs API's Step Functions executions.
@Suite(.serialized)
struct S3ExportTests {
    static let bucket = "phoney-exports-test"

    static func environment(_ server: MotoServer) -> [String: String] {
        [
            "AWS_ACCESS_KEY_ID": "AKIDMOTOTEST", "AWS_SECRET_ACCESS_KEY": "moto-secret-access-key",
            "AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL": server.endpoint,
        ]
    }

    static func client(_ server: MotoServer) async throws -> S3Client {
        let client = try S3Client.fromEnvironment(environment(server))
        _ = try await client.send(S3Call(operation: "CreateBucket", method: .PUT, bucket: bucket, idempotent: true))
        return client
    }

    /// All parts of the export under `prefix`, downloaded and joined in name order.
    static func joined(_ export: S3Export) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for index in 0..<export.run.layout.shardCount {
            let part = try #require(try await export.client.getObject(bucket: bucket, key: export.key(index)))
            bytes += export.run.gzip ? try ExportRunTests.gunzip(part) : part
        }
        return bytes
    }

    /// About 12 MB in two shards of 6 MB: each is a multipart upload of two 5 MiB parts, and the joined download is
    /// `phoney generate`'s output; a second run keeps every shard.
    @Test func partsUploadedToS3AreTheRunAndAResumeKeepsThem() async throws {
        let server = try await MotoServer.start()
        defer { server.stop() }
        let client = try await Self.client(server)
        let run = ExportRun(
            template: #"{"t":"{{[pystr]:count=30,min_chars=1000,max_chars=1000}}","n":"{{name}}"}"#, seed: 5,
            locale: "en_US", now: 1_704_067_200, format: .ndjson, count: 400, recordsPerShard: 200)
        var export = S3Export(run: run, client: client, bucket: Self.bucket, prefix: "exports/cli/run-1")
        export.partSize = S3UploadStream.minimumPartSize
        let plan = try run.compile()
        let first = try await export.write(plan: plan, threads: 2)
        #expect(first.kept == 0 && first.shards.count == 2)
        #expect(first.shards.allSatisfy { $0.digest.bytes > S3UploadStream.minimumPartSize })
        #expect(try await Self.joined(export) == (try ExportRunTests.generated(run)))
        let manifest = try JSONValue.parse(
            String(
                decoding: try #require(try await client.getObject(bucket: Self.bucket, key: export.manifestKey)),
                as: UTF8.self))
        guard case .array(let shards)? = manifest["shards"] else {
            Issue.record("no shards in the manifest")
            return
        }
        #expect(shards.count == 2)
        #expect(shards[1]["key"] == .string("exports/cli/run-1/part-000001.ndjson"))
        let second = try await export.write(plan: plan, threads: 2)
        #expect(second.kept == 2)
        #expect(try await client.listMultipartUploads(bucket: Self.bucket).isEmpty, "no upload left open")
    }

    /// The state machine's events, as the Distributed Map sends them: each item of items.json renders its shard
    /// (a retried item is answered from what is there), an item that is not the job's own is refused, and the
    /// manifest is refused until every shard is there.
    @Test(arguments: [(OutputFormat.csv, true), (.ndjson, false), (.json, true)])
    func shardAndManifestEventsWriteTheJob(_ format: OutputFormat, _ gzip: Bool) async throws {
        let server = try await MotoServer.start()
        defer { server.stop() }
        let client = try await Self.client(server)
        let run = ExportRunTests.run(format: format, gzip: gzip, count: 1_000, perShard: 300)
        let folder = "exports/j-test/"
        _ = try await client.putObject(
            bucket: Self.bucket, key: folder + "job.json", body: Array(run.json.serialized.utf8))
        let events = ExportEvents(client: client, bucket: Self.bucket, prefix: "exports/", threads: 2)
        guard case .array(let items) = try JSONValue.parse(run.items(keyPrefix: folder)) else {
            Issue.record("items.json is not an array")
            return
        }
        func event(_ kind: String, shard: JSONValue? = nil) -> JSONValue {
            var members: [(key: String, value: JSONValue)] = [
                ("phoney", .string(kind)), ("job", .string("j-test")), ("bucket", .string(Self.bucket)),
                ("spec", .string(folder + "job.json")),
            ]
            if let shard { members.append(("shard", shard)) }
            return .object(members)
        }
        let early = await #expect(throws: ExportError.self) {
            _ = try await events.handle(event("export-manifest"), deadline: nil)
        }
        #expect(early?.description.contains("4 of 4 shards are missing") == true, "\(String(describing: early))")
        for item in items {
            let answer = try await events.handle(event("export-shard", shard: item), deadline: nil)
            #expect(answer["index"] == item["index"])
        }
        // A retry of the same item: the same answer, nothing rewritten.
        let retried = try await events.handle(event("export-shard", shard: items[1]), deadline: nil)
        #expect(retried["index"] == .number("1"))
        let wrong: JSONValue = .object([
            ("index", .number("1")), ("first", .number("0")), ("count", .number("300")),
            ("key", .string(folder + run.partName(1))),
        ])
        let refused = await #expect(throws: ExportError.self) {
            _ = try await events.handle(event("export-shard", shard: wrong), deadline: nil)
        }
        #expect(refused?.description.contains("is not the job's") == true)
        let done = try await events.handle(event("export-manifest"), deadline: nil)
        #expect(done["manifest"] == .string("s3://\(Self.bucket)/\(folder)manifest.json"))
        let export = S3Export(run: run, client: client, bucket: Self.bucket, prefix: folder)
        #expect(try await Self.joined(export) == (try ExportRunTests.generated(run)))
        // Outside the export prefix, or another bucket: refused before anything is read.
        var outside = event("export-manifest")
        if case .object(var members) = outside {
            members[3] = ("spec", .string("other/j-test/job.json"))
            outside = .object(members)
        }
        await #expect(throws: ExportError.self) { _ = try await events.handle(outside, deadline: nil) }
    }

    /// A shard whose deadline has passed stops inside its render and leaves no upload behind.
    @Test func aShardPastItsDeadlineStopsAndLeavesNothing() async throws {
        let server = try await MotoServer.start()
        defer { server.stop() }
        let client = try await Self.client(server)
        let run = ExportRunTests.run(count: 100_000, perShard: 100_000)
        let export = S3Export(run: run, client: client, bucket: Self.bucket, prefix: "exports/late/")
        let error = await #expect(throws: ShardHalted.self) {
            _ = try await export.writeShard(
                0, plan: try run.compile(), threads: 1, deadline: Deadline(uptimeNanoseconds: 0))
        }
        #expect(error?.reason == .deadline)
        #expect(try await client.headObject(bucket: Self.bucket, key: export.key(0)) == nil)
        #expect(try await client.listMultipartUploads(bucket: Self.bucket).isEmpty)
    }

    /// The jobs API's backend against moto's Step Functions: a job writes job.json and items.json and starts an
    /// execution named after it; its status counts the shards written; the same client token is the same job,
    /// and reusing it for another job is a conflict.
    @Test func jobsStartExecutionsAndReportProgress() async throws {
        let server = try await MotoServer.start()
        defer { server.stop() }
        let client = try await Self.client(server)
        let stepFunctions = try StepFunctionsClient.fromEnvironment(Self.environment(server))
        let created = try await stepFunctions.json.call(
            "CreateStateMachine",
            .object([
                ("name", .string("phoney-test-export")),
                ("definition", .string(#"{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}"#)),
                ("roleArn", .string("arn:aws:iam::123456789012:role/phoney-export")),
            ]), resource: "state machine")
        guard case .string(let machine)? = created["stateMachineArn"] else {
            Issue.record("no state machine: \(created.serialized)")
            return
        }
        let jobs = ExportJobsService(
            s3: client, stepFunctions: stepFunctions, bucket: Self.bucket, prefix: "exports/", stateMachineArn: machine,
            maxRecords: 1_000_000, maxShards: 100)
        let body = #"{"template":{"n":"{{name}}"},"count":2500,"seed":3,"shard_records":1000,"client_token":"abc-1"}"#
        let request = try ExportJobRequest(body: ByteBuffer(string: body), limits: .default)
        let started = try await jobs.start(request, locale: "en_US", now: 1_704_067_200, subject: "api_user")
        #expect(started.shardsTotal == 3 && started.shardsDone == 0 && !started.existing)
        #expect(started.destination == "s3://\(Self.bucket)/exports/\(started.id)/")
        let again = try await jobs.start(request, locale: "en_US", now: 1_704_067_200, subject: "api_user")
        #expect(again.id == started.id && again.existing)
        let other = try ExportJobRequest(
            body: ByteBuffer(string: body.replacingOccurrences("2500", "2600")), limits: .default)
        let conflict = await #expect(throws: APIError.self) {
            _ = try await jobs.start(other, locale: "en_US", now: 1_704_067_200, subject: "api_user")
        }
        #expect(conflict?.status == .conflict)
        // Two shards written by the shard events: the status counts them and their records.
        let events = ExportEvents(client: client, bucket: Self.bucket, prefix: "exports/", threads: 1)
        let folder = "exports/\(started.id)/"
        let items = try JSONValue.parse(
            String(
                decoding: try #require(try await client.getObject(bucket: Self.bucket, key: folder + "items.json")),
                as: UTF8.self))
        for index in [0, 2] {
            _ = try await events.handle(
                .object([
                    ("phoney", .string("export-shard")), ("job", .string(started.id)), ("bucket", .string(Self.bucket)),
                    ("spec", .string(folder + "job.json")), ("shard", try #require(items[index])),
                ]), deadline: nil)
        }
        let progress = try #require(try await jobs.status(started.id))
        #expect(progress.shardsDone == 2 && progress.recordsWritten == 1_500)
        #expect(try await jobs.status("j-none") == nil)
    }
}

extension JSONValue {
    fileprivate subscript(index: Int) -> JSONValue? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
