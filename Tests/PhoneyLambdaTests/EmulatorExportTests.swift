import CompressNIO
import Foundation
import NIOCore
import PhoneyCore
import PhoneyTestSupport
import Testing

@testable import PhoneyAWS
@testable import PhoneyExport

/// An export job's shard and manifest events through the real `bootstrap` under the Runtime Interface Emulator,
/// writing to a moto S3 server: the parts joined are `phoney generate`'s output byte for byte, a retried shard
/// changes nothing, and a shard that is not the job's is an invocation error (which Step Functions retries).
@Suite(.serialized) struct EmulatorExportTests {
    @Test func shardEventsThroughTheEmulatorWriteTheRun() async throws {
        let server = try await MotoServer.start()
        defer { server.stop() }
        let environment = [
            "AWS_ACCESS_KEY_ID": "AKIDMOTOTEST", "AWS_SECRET_ACCESS_KEY": "moto-secret-access-key",
            "AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL": server.endpoint,
        ]
        let bucket = "phoney-rie-exports"
        let client = try S3Client.fromEnvironment(environment)
        _ = try await client.send(S3Call(operation: "CreateBucket", method: .PUT, bucket: bucket, idempotent: true))
        let run = ExportRun(
            template: #"{"name":"{{name}}","email":"{{email}}","bio":"{{text:max_nb_chars=300}}"}"#, seed: 9,
            locale: "en_US", now: 1_704_067_200, format: .csv, gzip: true, count: 5_000, recordsPerShard: 2_000)
        let folder = "exports/j-rie/"
        _ = try await client.putObject(bucket: bucket, key: folder + "job.json", body: Array(run.json.serialized.utf8))
        guard case .array(let items) = try JSONValue.parse(run.items(keyPrefix: folder)) else {
            Issue.record("items.json is not an array")
            return
        }
        var variables = environment
        variables["PHONEY_EXPORT_BUCKET"] = bucket
        variables["PHONEY_EXPORT_STATE_MACHINE_ARN"] =
            "arn:aws:states:us-east-1:123456789012:stateMachine:phoney-test-export"
        let emulator = try Emulator(environment: variables)
        defer { emulator.stop() }
        func event(_ kind: String, _ shard: JSONValue? = nil) -> String {
            var members: [(key: String, value: JSONValue)] = [
                ("phoney", .string(kind)), ("job", .string("j-rie")), ("bucket", .string(bucket)),
                ("spec", .string(folder + "job.json")),
            ]
            if let shard { members.append(("shard", shard)) }
            return JSONValue.object(members).serialized
        }
        for item in items + [items[1]] {
            let answer = try await emulator.invoke(event("export-shard", item))
            #expect(try answer.json()["index"] == item["index"], "\(answer.text.prefix(300))")
        }
        let stranger: JSONValue = .object([
            ("index", .number("0")), ("first", .number("1")), ("count", .number("2000")),
            ("key", .string(folder + "part-000000.csv.gz")),
        ])
        let refused = try await emulator.invoke(event("export-shard", stranger))
        #expect(try refused.json()["errorType"] == .string("Phoney.ExportFailed"), "\(refused.text.prefix(300))")
        let manifest = try await emulator.invoke(event("export-manifest"))
        #expect(
            try manifest.json()["manifest"] == .string("s3://\(bucket)/\(folder)manifest.json"),
            "\(manifest.text.prefix(300))")
        var joined: [UInt8] = []
        for index in 0..<run.layout.shardCount {
            var part = ByteBuffer(
                bytes: try #require(try await client.getObject(bucket: bucket, key: folder + run.partName(index))))
            joined += Array(try part.decompress(with: .gzip()).readableBytesView)
        }
        let expected = try Executor.render(try run.compile(), Executor.Run(seed: 9, count: 5_000, threads: 1))
        #expect(joined == expected)
        // The API still answers between export events.
        let health = try await emulator.invoke(Event.v2("GET", "/health"))
        #expect(try health.json()["statusCode"] == .number("200"))
    }
}
