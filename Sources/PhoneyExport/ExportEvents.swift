import PhoneyAWS
import PhoneyCore

/// The Lambda events of an export job, sent by its state machine rather than by API Gateway:
///
/// - `{"phoney": "export-shard", "job", "bucket", "spec", "shard": {"index", "first", "count", "key"}}` renders
///   and uploads one shard (the item comes from `items.json`, which `ExportRun.items` made from the same layout);
///   a shard already complete is answered at once, so a retried item neither duplicates nor loses records.
/// - `{"phoney": "export-manifest", "job", "bucket", "spec"}` checks that every shard is there and writes the
///   manifest, last.
///
/// A failure is an invocation error (the Runtime API's error response), which the state machine retries.
package struct ExportEvents: Sendable {
    package let client: S3Client
    package let bucket: String
    package let prefix: String
    /// Worker threads for a shard's render: Lambda gives one vCPU per 1,769 MB, up to six.
    package let threads: Int

    package init(client: S3Client, bucket: String, prefix: String, threads: Int = Executor.defaultThreads) {
        self.client = client
        self.bucket = bucket
        self.prefix = prefix.isEmpty || prefix.hasSuffix("/") ? prefix : prefix + "/"
        self.threads = threads
    }

    /// From the function's environment; nil when `PHONEY_EXPORT_BUCKET` is not set.
    package static func fromEnvironment(_ environment: [String: String]) throws -> ExportEvents? {
        guard let bucket = environment["PHONEY_EXPORT_BUCKET"], !bucket.isEmpty else { return nil }
        return ExportEvents(
            client: try S3Client.fromEnvironment(environment), bucket: bucket,
            prefix: environment["PHONEY_EXPORT_PREFIX"].flatMap { $0.isEmpty ? nil : $0 } ?? "exports/")
    }

    /// Whether `event` is one of these (its `phoney` member names one).
    package static func handles(_ event: JSONValue) -> Bool {
        guard case .string(let kind)? = event["phoney"] else { return false }
        return kind == "export-shard" || kind == "export-manifest"
    }

    /// Handles an export event; the result is the invocation's response document.
    ///
    /// - Throws: `ExportError` (a bad event, a missing shard) or the storage's error: the invocation fails.
    package func handle(_ event: JSONValue, deadline: Deadline?) async throws -> JSONValue {
        guard case .string(let kind)? = event["phoney"] else { throw ExportError.invalidJob("not an export event") }
        guard case .string(let bucket)? = event["bucket"], bucket == self.bucket else {
            throw ExportError.invalidJob("the event's bucket is not this function's export bucket (\(self.bucket))")
        }
        guard case .string(let spec)? = event["spec"], spec.hasPrefix(prefix), spec.hasSuffix("/job.json"),
            !spec.contains("/../"), !spec.contains("/./")
        else {
            throw ExportError.invalidJob("the event's spec must be a job.json under \(prefix)")
        }
        let folder = String(spec.dropLast("job.json".utf8.count))
        guard let stored = try await client.getObject(bucket: bucket, key: spec, maxBytes: 1 << 20) else {
            throw ExportError.invalidJob("s3://\(bucket)/\(spec) does not exist")
        }
        let value: JSONValue
        do {
            value = try JSONValue.parse(String(decoding: stored, as: UTF8.self))
        } catch {
            throw ExportError.invalidJob("s3://\(bucket)/\(spec) is not JSON: \(error)")
        }
        let run = try ExportRun(json: value)
        let export = S3Export(run: run, client: client, bucket: bucket, prefix: folder)
        switch kind {
        case "export-shard":
            return try await shard(event, export: export, deadline: deadline)
        case "export-manifest":
            let records = try await export.sidecars()
            let missing = records.indices.filter { records[$0] == nil }
            guard missing.isEmpty else {
                throw ExportError.storage(
                    "\(missing.count) of \(records.count) shards are missing (first: \(missing.prefix(5).map(String.init).joined(separator: ", "))); "
                        + "the manifest is written only when every shard is there")
            }
            let job: String? = if case .string(let id)? = event["job"] { id } else { nil }
            try await export.writeManifest(records.compactMap { $0 }, job: job)
            return .object([
                ("manifest", .string("s3://\(bucket)/\(export.manifestKey)")),
                ("shards", .number(String(records.count))),
                ("records", .number(String(run.count))),
            ])
        default:
            throw ExportError.invalidJob("unknown export event `\(kind)`")
        }
    }

    func shard(_ event: JSONValue, export: S3Export, deadline: Deadline?) async throws -> JSONValue {
        let run = export.run
        guard let item = event["shard"], let index = Self.unsigned(item["index"]).map(Int.init(clamping:)),
            index < run.layout.shardCount
        else {
            throw ExportError.invalidJob(
                "the event's shard has no index within the job's \(run.layout.shardCount) shards")
        }
        let shard = run.layout.shard(index)
        // The item must be the layout's own: the state machine and this code cannot disagree silently.
        guard Self.unsigned(item["first"]) == shard.records.lowerBound,
            Self.unsigned(item["count"]) == UInt64(shard.records.count),
            case .string(let key)? = item["key"], key == export.key(index)
        else {
            throw ExportError.invalidJob(
                "shard \(index) of the event (\(item.serialized)) is not the job's: records \(shard.records), key "
                    + export.key(index))
        }
        let record: ShardRecord
        if let done = try await export.completed(index) {
            record = done
        } else {
            let plan: Plan
            do {
                plan = try run.compile()
            } catch {
                throw ExportError.template("the job's template does not compile: \(error)")
            }
            record = try await export.writeShard(index, plan: plan, threads: threads, deadline: deadline)
        }
        return .object([
            ("index", .number(String(index))), ("key", .string(record.key)),
            ("bytes", .number(String(record.digest.bytes))), ("sha256", .string(record.digest.sha256)),
        ])
    }

    static func unsigned(_ value: JSONValue?) -> UInt64? {
        guard case .number(let text)? = value else { return nil }
        return UInt64(text)
    }
}
