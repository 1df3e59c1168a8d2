/// How a run of records splits into shards that render on their own and concatenate, in name order, into exactly
/// the document `phoney generate` writes for the run: the first shard carries the prefix (`[`, the CSV header),
/// the last the suffix, and every record keeps the separator it has in the whole run.
///
/// Record *i* depends only on the template, the seed, the locale, the reference time and *i*, so shards need no
/// coordination: a local export renders them on its cores, and the same layout is the item list a fan-out over
/// machines works through.
public struct ShardLayout: Sendable, Equatable {
    /// One shard: its position, its records and its file name.
    public struct Shard: Sendable, Equatable {
        public var index: Int
        public var records: Range<UInt64>
        public var name: String
        public var isFirst: Bool
        public var isLast: Bool
    }

    public let offset: UInt64
    public let count: UInt64
    public let recordsPerShard: UInt64
    public let format: OutputFormat

    /// - Parameters:
    ///   - recordsPerShard: at least 1; the last shard holds the rest.
    public init(offset: UInt64 = 0, count: UInt64, recordsPerShard: UInt64, format: OutputFormat) {
        self.offset = offset
        self.count = count
        self.recordsPerShard = max(1, recordsPerShard)
        self.format = format
    }

    /// How many shards the run makes (at least one, so an empty run still has its document).
    public var shardCount: Int {
        Int(max(1, count / recordsPerShard + (count % recordsPerShard == 0 ? 0 : 1)))
    }

    /// The shards in record order.
    public var shards: [Shard] {
        (0..<shardCount).map { shard($0) }
    }

    /// Shard `index`.
    public func shard(_ index: Int) -> Shard {
        let lower = offset + UInt64(index) * recordsPerShard
        let upper = min(offset + count, lower + recordsPerShard)
        return Shard(
            index: index, records: lower..<max(lower, upper), name: Self.name(index, of: shardCount, format: format),
            isFirst: index == 0, isLast: index == shardCount - 1)
    }

    /// `part-000042.ndjson`: zero-padded to at least six digits and to the digits of the last index, so the names
    /// sort in record order.
    public static func name(_ index: Int, of total: Int, format: OutputFormat) -> String {
        let digits = max(6, String(max(total - 1, 0)).utf8.count)
        let number = String(index)
        return "part-" + String(repeating: "0", count: max(0, digits - number.utf8.count)) + number + "."
            + format.rawValue
    }
}

extension Plan {
    /// Writes shard `shard` of `layout` for the run seeded with `seed` to `sink`: the prefix when it is the first,
    /// its records (each with the separator it has in the whole run), the suffix when it is the last, and the line
    /// break `phoney generate` ends a JSON document with.
    ///
    /// - Parameters:
    ///   - threads: worker threads of the chunk engine; 0 renders on the calling thread.
    /// - Throws: `ExecutorError.template` when a unique field has too few values for the whole run (checked before
    ///   anything is written), or the sink's error.
    public func renderShard<Failure: Error>(
        _ shard: ShardLayout.Shard, of layout: ShardLayout, seed: UInt64, threads: Int,
        sink: (UnsafeRawBufferPointer) throws(Failure) -> Void
    ) throws(ExecutorError<Failure>) {
        do {
            try checkUnique(offset: layout.offset, count: layout.count)
        } catch {
            throw .template(error)
        }
        do throws(Failure) {
            if shard.isFirst { try withBytes(prefix, sink) }
            let engine = ChunkEngine(
                plan: self, seed: seed, offset: shard.records.lowerBound, count: UInt64(shard.records.count),
                threads: threads, runStart: layout.offset)
            while let chunk = engine.next() {
                defer { engine.release(chunk) }
                do throws(Failure) {
                    try sink(chunk.bytes)
                } catch {
                    engine.stop()
                    throw error
                }
            }
            if shard.isLast {
                try withBytes(suffix, sink)
                if format == .json { try withBytes([0x0A], sink) }
            }
        } catch {
            throw .sink(error)
        }
    }
}

/// A shard's render stopped before its last record: its deadline passed, or it was stopped.
package struct ShardHalted: Error, Sendable, Equatable {
    package var reason: RenderWatch.Halt
    /// Records of the shard made before the stop (not all of them were handed to the sink).
    package var rendered: UInt64
}

extension Plan {
    /// `renderShard` for an asynchronous sink (an upload): the engine's workers render ahead while the sink waits,
    /// and the calling task never blocks a thread of Swift's pool.
    ///
    /// - Parameters:
    ///   - deadline: when given and passed, the render halts (inside a record too) and this throws `ShardHalted`.
    /// - Throws: `TemplateFailure` for unique fields too small for the run, `ShardHalted`, or the sink's error.
    package func renderShard(
        _ shard: ShardLayout.Shard, of layout: ShardLayout, seed: UInt64, threads: Int, deadline: Deadline? = nil,
        sink: (UnsafeRawBufferPointer) async throws -> Void
    ) async throws {
        do {
            try checkUnique(offset: layout.offset, count: layout.count)
        } catch {
            throw TemplateFailure(errors: [error])
        }
        if shard.isFirst { try await Self.send(prefix, to: sink) }
        let engine = ChunkEngine(
            plan: self, seed: seed, offset: shard.records.lowerBound, count: UInt64(shard.records.count),
            threads: threads, runStart: layout.offset, deadline: deadline)
        defer { engine.stop() }
        var rendered: UInt64 = 0
        while let chunk = await engine.next() {
            do {
                try await sink(chunk.bytes)
            } catch {
                engine.release(chunk)
                throw error
            }
            rendered = chunk.records.upperBound - shard.records.lowerBound
            engine.release(chunk)
        }
        guard rendered == UInt64(shard.records.count) else {
            throw ShardHalted(reason: engine.halt, rendered: rendered)
        }
        if shard.isLast {
            try await Self.send(suffix + (format == .json ? [0x0A] : []), to: sink)
        }
    }

    /// Hands `bytes` to an asynchronous sink through memory that stays valid across its suspensions.
    static func send(_ bytes: [UInt8], to sink: (UnsafeRawBufferPointer) async throws -> Void) async throws {
        guard !bytes.isEmpty else { return }
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
        defer { copy.deallocate() }
        copy.copyBytes(from: bytes)
        try await sink(UnsafeRawBufferPointer(copy))
    }
}
