import Crypto
import PhoneyAPI
import PhoneyCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// One written shard: what the manifest says of it, and what is kept in the folder's `.shards/` (the part's size
/// and SHA-256) so that an interrupted export can tell a complete part from a torn one. Kept out of the way so that
/// `cat DIR/part-*` is the dataset.
struct ShardEntry {
    var shard: ShardLayout.Shard
    var bytes: Int
    var sha256: String

    /// The entry of a shard already complete at `path`: its size and checksum recorded beside it and matching the
    /// file; nil when it must be written.
    /// - Parameter run: what identifies the run (template, seed, locale, reference time, format, layout): a part
    ///   left by another run is never kept.
    static func completed(
        _ shard: ShardLayout.Shard, path: String, record recordPath: String, run: String
    )
        -> ShardEntry?
    {
        guard let record = try? readFile(recordPath), let text = String(validating: record, as: UTF8.self)
        else { return nil }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard parts.count >= 3, let size = Int(parts[0]), parts[2] == run else { return nil }
        var status = stat()
        guard stat(path, &status) == 0, Int(status.st_size) == size,
            let digest = try? sha256(ofFile: path), digest == String(parts[1])
        else { return nil }
        return ShardEntry(shard: shard, bytes: size, sha256: digest)
    }

    /// Renders the shard into `path` (through a temporary file renamed into place, so a part is never half there
    /// under its own name) and records its size and checksum beside it.
    static func write(
        _ shard: ShardLayout.Shard, of layout: ShardLayout, plan: Plan, seed: UInt64, threads: Int, path: String,
        record recordPath: String, run: String
    ) throws -> ShardEntry {
        let temporary = path + ".partial"
        let file = try OutputFile.create(temporary)
        var hasher = SHA256()
        var bytes = 0
        do {
            try plan.renderShard(shard, of: layout, seed: seed, threads: threads) {
                (chunk: UnsafeRawBufferPointer) throws(OutputFile.WriteError) in
                try file.write(chunk)
                hasher.update(bufferPointer: chunk)
                bytes += chunk.count
            }
        } catch {
            file.close()
            unlink(temporary)
            switch error {
            case .template(let failure): throw failure
            case .sink(let failure): throw failure
            }
        }
        file.close()
        guard rename(temporary, path) == 0 else {
            throw OutputFile.WriteError(
                description: "cannot move \(temporary) to \(path): \(String(cString: strerror(errno)))")
        }
        let digest = hex(hasher.finalize())
        let record = try OutputFile.create(recordPath)
        defer { record.close() }
        try withBytes(Array("\(bytes) \(digest) \(run)\n".utf8)) {
            (text: UnsafeRawBufferPointer) throws(OutputFile.WriteError) in
            try record.write(text)
        }
        return ShardEntry(shard: shard, bytes: bytes, sha256: digest)
    }

    static func sha256(ofFile path: String) throws -> String {
        var hasher = SHA256()
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw OutputFile.WriteError(description: "cannot read \(path)") }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw OutputFile.WriteError(description: "cannot read \(path)") }
            if count == 0 { break }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
        return hex(hasher.finalize())
    }

    static func readFile(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw OutputFile.WriteError(description: "cannot read \(path)") }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return bytes
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        var out = ""
        for byte in digest {
            out.append(Character(Unicode.Scalar(byte >> 4 < 10 ? 0x30 + byte >> 4 : 0x57 + byte >> 4)))
            out.append(Character(Unicode.Scalar(byte & 0xF < 10 ? 0x30 + byte & 0xF : 0x57 + byte & 0xF)))
        }
        return out
    }
}

/// `manifest.json`: enough to verify any shard, or to render it again.
struct ExportManifest {
    var templateID: String
    var seed: UInt64
    var locale: String
    var now: Int64
    var format: OutputFormat
    var offset: UInt64
    var count: UInt64
    var recordsPerShard: UInt64
    var shards: [ShardEntry]

    /// The template's id as the HTTP API reports it: FNV-1a over its JSON written compactly.
    static func templateID(_ text: String) -> String {
        fnv1aHex((try? JSONValue.parse(text).serialized) ?? text)
    }

    /// What identifies the run a part belongs to.
    var runKey: String {
        fnv1aHex("\(templateID) \(seed) \(locale) \(now) \(format.rawValue) \(offset) \(count) \(recordsPerShard)")
    }

    func write(to path: String) throws {
        let document = JSONValue.object([
            ("manifest_version", .integer(1)),
            ("template_id", .string(templateID)),
            ("seed", .number(String(seed))),
            ("locale", .string(locale)),
            ("reference_time", .number(String(now))),
            ("format", .string(format.rawValue)),
            ("offset", .number(String(offset))),
            ("count", .number(String(count))),
            ("records_per_shard", .number(String(recordsPerShard))),
            (
                "shards",
                .array(
                    shards.map { entry in
                        .object([
                            ("index", .integer(entry.shard.index)),
                            ("key", .string(entry.shard.name)),
                            ("first_record", .number(String(entry.shard.records.lowerBound))),
                            ("record_count", .number(String(entry.shard.records.count))),
                            ("bytes", .integer(entry.bytes)),
                            ("sha256", .string(entry.sha256)),
                        ])
                    })
            ),
        ])
        let temporary = path + ".partial"
        let file = try OutputFile.create(temporary)
        try withBytes(Array((document.serialized + "\n").utf8)) {
            (text: UnsafeRawBufferPointer) throws(OutputFile.WriteError) in
            try file.write(text)
        }
        file.close()
        guard rename(temporary, path) == 0 else {
            throw OutputFile.WriteError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}
