import PhoneyCore
import PhoneyDigest

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// An export into a folder: `part-NNNNNN.FORMAT[.gz]` files, a sidecar for each in `.shards/` (kept out of the way
/// so that `cat DIR/part-*` is the dataset) and `manifest.json`, written last.
package struct FolderExport {
    package let run: ExportRun
    package let folder: String

    package init(run: ExportRun, folder: String) {
        self.run = run
        self.folder = folder
    }

    /// What an export did: every shard's record, and how many were already complete.
    package struct Outcome {
        package var shards: [ShardRecord]
        package var kept: Int
    }

    /// Writes the shards that are not complete yet and then the manifest.
    ///
    /// - Parameters:
    ///   - progress: called with the records done so far (kept shards count at once).
    /// - Throws: `ExportError` naming the file and the system's reason, or the template's failure.
    package func write(
        plan: Plan, threads: Int, progress: (UInt64) -> Void = { _ in }
    ) throws -> Outcome {
        try Self.makeFolder(folder)
        try Self.makeFolder(folder + "/.shards")
        let layout = run.layout
        var shards: [ShardRecord] = []
        var kept = 0
        var done: UInt64 = 0
        for shard in layout.shards {
            if let record = completed(shard.index) {
                shards.append(record)
                kept += 1
            } else {
                shards.append(try write(shard, plan: plan, threads: threads) { progress(done + $0) })
            }
            done += UInt64(shard.records.count)
            progress(done)
        }
        try Self.replace(folder + "/manifest.json", with: Array(run.manifest(shards).utf8))
        return Outcome(shards: shards, kept: kept)
    }

    /// The record of shard `index` when its part is complete: its sidecar is this run's and the part's size and
    /// SHA-256 match it.
    package func completed(_ index: Int) -> ShardRecord? {
        let name = run.partName(index)
        guard let text = try? Self.read(folder + "/.shards/" + name + ".json"),
            let record = ShardRecord(sidecar: String(decoding: text, as: UTF8.self)), record.run == run.runKey,
            record.key == name, record.index == index
        else { return nil }
        var status = stat()
        guard stat(folder + "/" + name, &status) == 0, Int(status.st_size) == record.digest.bytes,
            let digest = try? Self.sha256(ofFile: folder + "/" + name), digest == record.digest.sha256
        else { return nil }
        return record
    }

    /// Renders one shard into its part (through a temporary file renamed into place, so a part is never half
    /// there under its own name), then its sidecar.
    func write(
        _ shard: ShardLayout.Shard, plan: Plan, threads: Int, progress: (UInt64) -> Void
    ) throws -> ShardRecord {
        let name = run.partName(shard.index)
        let path = folder + "/" + name
        let temporary = path + ".partial"
        let file = try FileSink(creating: temporary)
        var encoder = try ShardEncoder(gzip: run.gzip)
        let digest: ShardEncoder.Digest
        do {
            try plan.renderShard(shard, of: run.layout, seed: run.seed, threads: threads) {
                (chunk: UnsafeRawBufferPointer) throws(ExportError) in
                do {
                    try encoder.encode(chunk) { bytes throws in try file.write(bytes) }
                } catch let error as ExportError {
                    throw error
                } catch {
                    throw .storage("gzip failed: \(error)")
                }
            }
            digest = try encoder.finish { bytes in try file.write(bytes) }
            try file.close()
        } catch {
            file.abandon()
            unlink(temporary)
            switch error {
            case let failure as ExecutorError<ExportError>:
                switch failure {
                case .template(let template): throw ExportError.template(template.description)
                case .sink(let sink): throw sink
                }
            default: throw error
            }
        }
        guard rename(temporary, path) == 0 else {
            throw ExportError.storage("cannot move \(temporary) to \(path): \(String(cString: strerror(errno)))")
        }
        let record = ShardRecord(
            run: run.runKey, index: shard.index, key: name, records: shard.records, digest: digest)
        try Self.replace(folder + "/.shards/" + name + ".json", with: Array(record.sidecar.utf8))
        return record
    }

    // MARK: Files

    static func makeFolder(_ path: String) throws(ExportError) {
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw .storage("cannot create `\(path)`: \(String(cString: strerror(errno)))")
        }
    }

    /// Writes `bytes` to `path` through a temporary file renamed into place.
    static func replace(_ path: String, with bytes: [UInt8]) throws(ExportError) {
        let temporary = path + ".partial"
        let file = try FileSink(creating: temporary)
        do throws(ExportError) {
            try bytes.withUnsafeBytes { buffer in Result { () throws(ExportError) in try file.write(buffer) } }.get()
            try file.close()
        } catch {
            file.abandon()
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            throw .storage("cannot write `\(path)`: \(String(cString: strerror(errno)))")
        }
    }

    static func read(_ path: String) throws(ExportError) -> [UInt8] {
        var bytes: [UInt8] = []
        try forEachBlock(of: path) { block throws(ExportError) in
            bytes.append(contentsOf: block)
            if bytes.count > 1 << 20 { throw .storage("`\(path)` is larger than a sidecar can be") }
        }
        return bytes
    }

    static func sha256(ofFile path: String) throws(ExportError) -> String {
        var hasher = SHA256Hasher()
        try forEachBlock(of: path) { block throws(ExportError) in hasher.update(block) }
        return ShardEncoder.hex(hasher.finalize())
    }

    /// Reads the file at `path` in blocks of 64 KiB.
    static func forEachBlock(
        of path: String, _ body: (UnsafeRawBufferPointer) throws(ExportError) -> Void
    ) throws(ExportError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .storage("cannot read `\(path)`: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw .storage("cannot read `\(path)`: \(String(cString: strerror(errno)))") }
            if count == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }
}

/// A file written with `write(2)`: errors name the file and the system's reason (a full disk is ENOSPC).
final class FileSink {
    let path: String
    private var descriptor: Int32

    init(creating path: String) throws(ExportError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw .storage("cannot open `\(path)` for writing: \(String(cString: strerror(errno)))")
        }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(ExportError) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw .storage("cannot write `\(path)`: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// Closes the file; a failed close (a deferred write error on some file systems) is an error too.
    func close() throws(ExportError) {
        let result = Glibc.close(descriptor)
        descriptor = -1
        if result != 0 { throw .storage("cannot write `\(path)`: \(String(cString: strerror(errno)))") }
    }

    func abandon() {
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
        descriptor = -1
    }
}
