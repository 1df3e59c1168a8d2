/// Runs a plan over a range of records in parallel chunks and hands the bytes out in record order.
public enum Executor {
    /// Records `offset..<(offset + count)` of one run; `offset + count` must not pass `UInt64.max` (callers check).
    public struct Run: Sendable {
        public var seed: UInt64
        public var offset: UInt64
        public var count: UInt64
        /// Worker threads; 1 renders on the calling thread.
        public var threads: Int

        public init(seed: UInt64, offset: UInt64 = 0, count: UInt64, threads: Int = Executor.defaultThreads) {
            self.seed = seed
            self.offset = offset
            self.count = count
            self.threads = max(1, threads)
        }
    }

    /// All cores of the machine.
    public static var defaultThreads: Int {
        System.activeProcessorCount
    }

    /// Records in a full-size chunk of `plan` by its estimate (chunks start at one record and grow to this when
    /// records are the size the plan expects): for tests and benchmarks that need runs spanning several chunks.
    package static func chunkRecords(for plan: Plan) -> UInt64 {
        min(
            ChunkEngine.maxChunkRecords,
            UInt64(max(1, ChunkEngine.targetChunkBytes / max(plan.estimatedRecordBytes, 1))))
    }

    /// Writes the whole document (prefix, records, suffix) to `sink` in pieces, in order, through the
    /// ``ChunkEngine``: memory stays bounded (about 16 MiB of chunks in flight at most, or one chunk when a record is
    /// larger than that) whatever the count, the thread count and the size of the records.
    ///
    /// - Parameters:
    ///   - progress: called after each piece with the number of records written so far.
    /// - Throws: `TemplateError` when a unique field's domain is too small (before anything is written), or
    ///   whatever `sink` throws (generation stops there).
    public static func run<Failure: Error>(
        _ plan: Plan, _ run: Run,
        progress: (UInt64) -> Void = { _ in },
        sink: (UnsafeRawBufferPointer) throws(Failure) -> Void
    ) throws(ExecutorError<Failure>) {
        do {
            try plan.checkUnique(offset: run.offset, count: run.count)
        } catch {
            throw .template(error)
        }
        let prefix = plan.prefix
        do {
            try withBytes(prefix, sink)
        } catch {
            throw .sink(error)
        }
        // One thread renders on the calling thread between writes; more run as the engine's workers while the
        // calling thread writes.
        let engine = ChunkEngine(
            plan: plan, seed: run.seed, offset: run.offset, count: run.count,
            threads: run.threads == 1 ? 0 : run.threads)
        while let chunk = engine.next() {
            do {
                try sink(chunk.bytes)
            } catch {
                engine.release(chunk)
                engine.stop()
                throw .sink(error)
            }
            engine.release(chunk)
            progress(chunk.records.upperBound - run.offset)
        }
        do {
            try withBytes(plan.suffix, sink)
        } catch {
            throw .sink(error)
        }
    }

    /// The whole document in one array (for small runs and tests).
    public static func render(_ plan: Plan, _ run: Run) throws(TemplateError) -> [UInt8] {
        var output: [UInt8] = []
        do {
            try Executor.run(plan, run) { (bytes: UnsafeRawBufferPointer) throws(Never) in
                output.append(contentsOf: bytes)
            }
        } catch {
            throw error.templateError
        }
        return output
    }
}

/// Why a run stopped: the template's unique fields could not be satisfied, or the sink failed.
public enum ExecutorError<Failure: Error>: Error {
    case template(TemplateError)
    case sink(Failure)
}

extension ExecutorError where Failure == Never {
    /// Never a sink failure.
    public var templateError: TemplateError {
        switch self {
        case .template(let error): return error
        }
    }
}
