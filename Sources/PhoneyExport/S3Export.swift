import PhoneyAPI
import PhoneyAWS
import PhoneyCore

/// An export into an S3 prefix: each part uploaded as it renders (multipart past one part, so memory stays at the
/// engine's chunks plus two parts whatever the shard's size), a sidecar for each in `PREFIX.shards/`, and
/// `PREFIX manifest.json` last. The CLI's `--to s3://…` and the Lambda's shard and manifest events both use it.
package struct S3Export: Sendable {
    package let run: ExportRun
    package let client: S3Client
    package let bucket: String
    /// Key prefix of the export's objects: empty, or ending with `/`.
    package let prefix: String
    /// Part size of the multipart uploads.
    package var partSize = S3UploadStream.defaultPartSize

    package init(run: ExportRun, client: S3Client, bucket: String, prefix: String) {
        self.run = run
        self.client = client
        self.bucket = bucket
        self.prefix = prefix.isEmpty || prefix.hasSuffix("/") ? prefix : prefix + "/"
    }

    /// For the CLI: the destination `s3://BUCKET/PREFIX` with credentials, region and endpoint from the
    /// environment (`--endpoint-url` first).
    package init(run: ExportRun, destination: S3Location, endpointURL: String?) throws(AWSError) {
        let client = try S3Client.fromEnvironment(ProcessEnvironment.current(), endpointURL: endpointURL)
        self.init(run: run, client: client, bucket: destination.bucket, prefix: destination.prefix)
    }

    package func key(_ index: Int) -> String { prefix + run.partName(index) }
    package func sidecarKey(_ index: Int) -> String { prefix + ".shards/" + run.partName(index) + ".json" }
    package var manifestKey: String { prefix + "manifest.json" }

    /// Writes every shard not complete yet, one after another, then the manifest.
    package func write(
        plan: Plan, threads: Int, progress: (UInt64) -> Void = { _ in }
    ) async throws -> (shards: [ShardRecord], kept: Int) {
        var shards: [ShardRecord] = []
        var kept = 0
        var done: UInt64 = 0
        for shard in run.layout.shards {
            if let record = try await completed(shard.index) {
                shards.append(record)
                kept += 1
            } else {
                shards.append(try await writeShard(shard.index, plan: plan, threads: threads))
            }
            done += UInt64(shard.records.count)
            progress(done)
        }
        try await writeManifest(shards)
        return (shards, kept)
    }

    /// The record of shard `index` when it is complete: its sidecar belongs to this run and the object has the
    /// size and entity tag the sidecar recorded (so it is the upload the sidecar describes).
    package func completed(_ index: Int) async throws -> ShardRecord? {
        guard let bytes = try await client.getObject(bucket: bucket, key: sidecarKey(index), maxBytes: 1 << 20),
            let record = ShardRecord(sidecar: String(decoding: bytes, as: UTF8.self)), record.run == run.runKey,
            record.index == index, record.key == key(index),
            let object = try await client.headObject(bucket: bucket, key: key(index)),
            object.size == record.digest.bytes, record.etag == nil || record.etag == object.etag
        else { return nil }
        return record
    }

    /// Renders shard `index` and uploads it, then its sidecar. A failed upload is aborted (no parts left behind);
    /// rendering it again makes the same bytes under the same key.
    ///
    /// - Parameter deadline: the render halts when it passes, and this throws `ShardHalted`.
    package func writeShard(
        _ index: Int, plan: Plan, threads: Int, deadline: Deadline? = nil
    ) async throws -> ShardRecord {
        let shard = run.layout.shard(index)
        let stream = try S3UploadStream(
            client: client, bucket: bucket, key: key(index), contentType: contentType,
            metadata: ["phoney-run": run.runKey, "phoney-shard": String(index)], partSize: partSize)
        var encoder = try ShardEncoder(gzip: run.gzip)
        let digest: ShardEncoder.Digest
        let upload: S3UploadResult
        do {
            try await plan.renderShard(shard, of: run.layout, seed: run.seed, threads: threads, deadline: deadline) {
                chunk in
                var encoded: [UInt8] = []
                try encoder.encode(chunk) { encoded.append(contentsOf: $0) }
                try await stream.write(encoded)
            }
            var tail: [UInt8] = []
            digest = try encoder.finish { tail.append(contentsOf: $0) }
            try await stream.write(tail)
            upload = try await stream.finish()
        } catch {
            await stream.abort()
            throw error
        }
        var record = ShardRecord(
            run: run.runKey, index: index, key: key(index), records: shard.records, digest: digest)
        record.etag = upload.etag
        _ = try await client.putObject(
            bucket: bucket, key: sidecarKey(index), body: Array(record.sidecar.utf8), contentType: "application/json")
        return record
    }

    /// The records of every shard from their sidecars, read a few at a time; nil entries are shards not complete.
    package func sidecars(concurrency: Int = 32) async throws -> [ShardRecord?] {
        let count = run.layout.shardCount
        var records = [ShardRecord?](repeating: nil, count: count)
        try await withThrowingTaskGroup(of: (Int, ShardRecord?).self) { group in
            var next = 0
            func add() {
                let index = next
                next += 1
                group.addTask { (index, try await self.completed(index)) }
            }
            while next < min(count, concurrency) { add() }
            while let (index, record) = try await group.next() {
                records[index] = record
                if next < count { add() }
            }
        }
        return records
    }

    /// Writes `manifest.json` once every shard is there.
    ///
    /// - Throws: `ExportError.storage` naming the first missing shards when some are not complete.
    package func writeManifest(_ shards: [ShardRecord], job: String? = nil) async throws {
        let missing = shards.count == run.layout.shardCount ? [] : Array(shards.count..<run.layout.shardCount)
        guard missing.isEmpty else {
            throw ExportError.storage("\(missing.count) shards are missing; the manifest is written only when all are")
        }
        _ = try await client.putObject(
            bucket: bucket, key: manifestKey, body: Array(run.manifest(shards, job: job).utf8),
            contentType: "application/json")
    }

    var contentType: String {
        run.gzip ? "application/gzip" : run.format.contentType
    }
}
