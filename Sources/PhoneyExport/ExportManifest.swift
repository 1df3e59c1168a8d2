import PhoneyCore

/// One written shard, as its sidecar (`.shards/<part>.json`) and the manifest record it: its records, where it is,
/// its size and checksums, and the run it belongs to. The sidecar is written after the part, so a part with a
/// matching sidecar (and size) is complete; a part left by another run is never taken for this one.
package struct ShardRecord: Sendable, Equatable {
    package var run: String
    package var index: Int
    /// The part's file name, or its object key.
    package var key: String
    package var records: Range<UInt64>
    package var digest: ShardEncoder.Digest
    /// The stored object's entity tag, for an S3 part: a resumed export keeps the part only when the object still
    /// has it.
    package var etag: String?

    package init(run: String, index: Int, key: String, records: Range<UInt64>, digest: ShardEncoder.Digest) {
        self.run = run
        self.index = index
        self.key = key
        self.records = records
        self.digest = digest
    }

    /// The manifest's entry for the shard (without the run key, which the manifest holds once).
    package var entry: JSONValue {
        .object([
            ("index", .number(String(index))),
            ("key", .string(key)),
            ("first_record", .number(String(records.lowerBound))),
            ("record_count", .number(String(records.count))),
            ("bytes", .number(String(digest.bytes))),
            ("sha256", .string(digest.sha256)),
            ("content_bytes", .number(String(digest.contentBytes))),
            ("content_sha256", .string(digest.contentSHA256)),
        ])
    }

    /// The sidecar: the entry and the run key.
    package var sidecar: String {
        guard case .object(var members) = entry else { return "" }
        members.insert(("run", .string(run)), at: 0)
        if let etag { members.append(("etag", .string(etag))) }
        return JSONValue.object(members).serialized + "\n"
    }

    /// Reads a sidecar; nil when it is not one (a torn write, another format).
    package init?(sidecar text: String) {
        guard let value = try? JSONValue.parse(text),
            case .string(let run)? = value["run"], case .string(let key)? = value["key"],
            let index = Self.unsigned(value["index"]), let first = Self.unsigned(value["first_record"]),
            let count = Self.unsigned(value["record_count"]), let bytes = Self.unsigned(value["bytes"]),
            case .string(let sha256)? = value["sha256"], let contentBytes = Self.unsigned(value["content_bytes"]),
            case .string(let contentSHA256)? = value["content_sha256"],
            !first.addingReportingOverflow(count).overflow
        else { return nil }
        self.init(
            run: run, index: Int(clamping: index), key: key, records: first..<(first + count),
            digest: ShardEncoder.Digest(
                bytes: Int(clamping: bytes), sha256: sha256, contentBytes: Int(clamping: contentBytes),
                contentSHA256: contentSHA256))
        if case .string(let etag)? = value["etag"] { self.etag = etag }
    }

    static func unsigned(_ value: JSONValue?) -> UInt64? {
        guard case .number(let text)? = value else { return nil }
        return UInt64(text)
    }
}

extension ExportRun {
    /// `manifest.json`: the run (enough to render any shard again) and every shard with its checksums.
    package func manifest(_ shards: [ShardRecord], job: String? = nil) -> String {
        var members: [(key: String, value: JSONValue)] =
            [
                ("manifest_version", .number("1")),
                ("template_id", .string(templateID)),
                ("run", .string(runKey)),
            ] + self.members + [
                ("shard_count", .number(String(shards.count))),
                ("bytes", .number(String(shards.reduce(0) { $0 + $1.digest.bytes }))),
                ("shards", .array(shards.map(\.entry))),
            ]
        if let job { members.insert(("job_id", .string(job)), at: 1) }
        return JSONValue.object(members).serialized + "\n"
    }

    /// `items.json`: the shards as a Step Functions Distributed Map reads them, one item each, from the same
    /// layout the local export uses.
    package func items(keyPrefix: String) -> String {
        let list = layout.shards.map { shard -> JSONValue in
            .object([
                ("index", .number(String(shard.index))),
                ("first", .number(String(shard.records.lowerBound))),
                ("count", .number(String(shard.records.count))),
                ("key", .string(keyPrefix + partName(shard.index))),
            ])
        }
        return JSONValue.array(list).serialized
    }
}
