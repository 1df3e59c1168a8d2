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

    /// Records per chunk for a plan: about 256 KiB of output, at least 16 and at most 16,384 records.
    package static func chunkRecords(for plan: Plan) -> UInt64 {
        UInt64(min(16_384, max(16, (256 * 1024) / max(plan.estimatedRecordBytes, 1))))
    }

    /// Writes the whole document (prefix, records, suffix) to `sink` in pieces, in order; memory stays bounded by
    /// a few chunks per thread whatever the count.
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
        let chunk = chunkRecords(for: plan)
        let chunks = run.count / chunk + (run.count % chunk == 0 ? 0 : 1)
        // Room for one chunk, or for the whole run when it is smaller (`/fake` asks for up to 100 values, and
        // a chunk of a one-value plan is thousands of records).
        let capacity = Int(min(chunk, max(run.count, 1))) * max(plan.estimatedRecordBytes, 64) * 5 / 4 + 4096
        let pieces = ChunkPieces(
            plan: plan, run: run, chunk: chunk, workers: Int(min(UInt64(max(run.threads, 1)), max(chunks, 1))),
            capacity: capacity)
        do {
            if pieces.workers == 1 {
                try pieces.renderInline(sink, progress)
            } else {
                try pieces.renderInParallel(sink, progress)
            }
        } catch {
            throw .sink(error)
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
