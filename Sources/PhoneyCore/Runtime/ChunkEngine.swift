#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one chunking engine: renders records `offset..<(offset + count)` of a run as chunks handed out in record
/// order, for every consumer (the CLI's executor, the HTTP stream, the buffered envelope, the Lambda).
///
/// - **Adaptive chunks.** The first chunk is one record; each next one at most doubles, up to about
///   `targetChunkBytes` of output by the bytes records actually took so far (never the plan's estimate, which a
///   template like `{{[text]:count=1000,max_nb_chars=100000}}` misses by orders of magnitude), and at most
///   `maxChunkRecords` records.
/// - **Bounded memory.** Chunks are rendered into a fixed pool of buffers, and a chunk is only started while the
///   chunks in flight (rendered or rendering, not yet released by the consumer) are expected to hold less than
///   `budgetBytes`; one chunk is always allowed, so a record larger than the budget still renders, alone. A buffer
///   larger than the whole budget is given back to the system when it is released.
/// - **Backpressure.** Workers render only into free buffers, and buffers are freed by the consumer: a slow reader
///   slows generation down instead of growing memory.
/// - **Threads.** With `threads == 0` the consumer renders each chunk itself when it asks for it (the buffered
///   envelope, the Lambda: one core, no thread hop). Otherwise that many worker threads of the engine's own render
///   ahead, off Swift's cooperative pool, and an `async` consumer waits for a chunk without blocking a pool thread.
///
/// - **Stopping inside a record.** Every render is watched (`RenderWatch`): `stop()`, a chunk larger than
///   `maxChunkBytes` or a passed deadline halts it within about a mebibyte of output, inside a record too. A halted
///   chunk is never handed out: `next()` returns nil after the chunks before it, and `halt` says why.
///
/// Record *i* does not depend on how the run is cut into chunks, so the bytes are the same for any thread count.
package final class ChunkEngine: RenderWatch, @unchecked Sendable {
    /// Output a chunk aims at once records have been measured.
    package static let targetChunkBytes = 256 * 1024
    /// The most records in one chunk.
    package static let maxChunkRecords: UInt64 = 16_384
    /// Bytes the chunks in flight may hold, by default: 64 chunks of ordinary records, or one record of 16 MB.
    package static let defaultBudgetBytes = 16 << 20
    /// Buffers per worker thread, so each can run a few chunks ahead of the consumer.
    static let buffersPerWorker = 4

    /// One rendered chunk: its records and their bytes, valid until it is released.
    package struct Chunk {
        package let records: Range<UInt64>
        package let bytes: UnsafeRawBufferPointer
        let buffer: Int
        let sequence: Int
    }

    let plan: Plan
    let seed: UInt64
    let first: UInt64
    let end: UInt64
    let budgetBytes: Int
    let permutations: [UniquePermutation]
    let contexts: [EmitContext]
    let sync = EngineLock()
    /// Scheduling state, guarded by `sync`.
    var state: State
    /// Worker threads; each holds the engine until it ends, so the engine outlives them without a join.
    let workerCount: Int

    struct State {
        var cursor: UInt64
        var lastChunk: UInt64 = 0
        /// Average output per record of the last chunk finished; 0 until one is.
        var bytesPerRecord = 0
        var nextSequence = 0
        var consumedSequence = 0
        var inFlight = 0
        var inFlightBytes = 0
        /// The most bytes in flight at once, for tests and reports.
        var peakInFlightBytes = 0
        /// The most bytes one render wrote, halted or not, for tests and reports.
        var largestRenderBytes = 0
        var free: [Int]
        var ready: [Int: Chunk] = [:]
        var stopped = false
        /// An `async` consumer waiting for the next chunk in order.
        var waiter: CheckedContinuation<Void, Never>?
    }

    /// - Parameters:
    ///   - threads: worker threads; 0 renders on the consumer's thread when it asks.
    ///   - budgetBytes: bytes the chunks in flight may hold (one chunk is always allowed).
    ///   - runStart: the first record of the whole run, when these records are a part of it (a shard): the format's
    ///     separator goes before every record but that one.
    ///   - maxChunkBytes: a chunk that grows past this halts the run with `.tooLarge` (a response that cannot fit);
    ///     nil for no limit.
    ///   - deadline: past it, the run halts with `.deadline`.
    package init(
        plan: Plan, seed: UInt64, offset: UInt64, count: UInt64, threads: Int,
        budgetBytes: Int = ChunkEngine.defaultBudgetBytes, runStart: UInt64? = nil, maxChunkBytes: Int? = nil,
        deadline: Deadline? = nil
    ) {
        self.plan = plan
        self.seed = seed
        self.first = runStart ?? offset
        self.end = offset + count
        self.budgetBytes = max(budgetBytes, Self.targetChunkBytes)
        self.permutations = plan.permutations(seed: seed)
        let workers = threads <= 0 ? 0 : Int(min(UInt64(threads), max(count, 1)))
        let buffers = workers == 0 ? 1 : workers * Self.buffersPerWorker
        let expected = min(Self.targetChunkBytes, max(plan.estimatedRecordBytes, 64) * Int(min(count, 64)))
        self.contexts = (0..<buffers).map { _ in EmitContext(capacity: expected + expected / 4 + 1024) }
        self.state = State(cursor: offset, free: Array((0..<buffers).reversed()))
        self.workerCount = workers
        super.init(maxChunkBytes: maxChunkBytes, deadline: deadline)
        for _ in 0..<workers { startDetachedThread { self.work() } }
    }

    /// The most bytes one render wrote, a halted one included: how far a halt let a render go.
    package var largestRenderBytes: Int {
        sync.locked { state.largestRenderBytes }
    }

    /// The most bytes the chunks in flight held at once so far (rendered and not yet released).
    package var peakInFlightBytes: Int {
        sync.locked { state.peakInFlightBytes }
    }

    /// Stops the workers inside the chunks they are rendering (`halt` is then `.stopped`); chunks not yet taken are
    /// never handed out. A consumer that leaves before the last chunk must call it, or the workers wait for buffers
    /// that are never released. (`halt`, inherited from `RenderWatch`, says why a run stopped early: `.tooLarge` or
    /// `.deadline` when a render was halted; records handed out before a halt are whole and in order.)
    package func stop() {
        requestHalt()
        let waiter: CheckedContinuation<Void, Never>? = sync.locked {
            state.stopped = true
            sync.broadcast()
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    // MARK: Consumers

    /// The next chunk in record order, at most `limit` records when the consumer renders it itself; nil once every
    /// record has been handed out or the engine was stopped. Blocks while a worker is still rendering it.
    ///
    /// Each chunk must be `release`d before the engine can reuse its buffer.
    package func next(atMost limit: UInt64 = .max) -> Chunk? {
        if workerCount == 0 { return renderInline(atMost: limit) }
        return sync.locked {
            while true {
                if let chunk = takeReady() { return chunk }
                if finished { return nil }
                sync.wait()
            }
        }
    }

    /// The next chunk in record order, waiting without blocking a thread of Swift's cooperative pool.
    package func next() async -> Chunk? {
        if workerCount == 0 { return renderInline(atMost: .max) }
        while true {
            let outcome: Chunk?? = sync.locked {
                if let chunk = takeReady() { return .some(chunk) }
                return finished ? .some(nil) : nil
            }
            if let outcome { return outcome }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = sync.locked {
                    if state.ready[state.consumedSequence] != nil || finished { return true }
                    state.waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        }
    }

    /// Gives a chunk's buffer back, so the engine can render further.
    package func release(_ chunk: Chunk) {
        sync.locked {
            state.inFlight -= 1
            state.inFlightBytes -= chunk.bytes.count
            // Buffers are reused last-released first, so the few that grew for large records are the ones used again
            // and the rest stay small; only a buffer larger than the whole budget (one giant record) goes back to the
            // system at once.
            let context = contexts[chunk.buffer]
            if context.out.capacity > budgetBytes {
                context.out.shrink(to: Self.targetChunkBytes)
            }
            state.free.append(chunk.buffer)
            sync.broadcast()
        }
    }

    /// Under the lock: the next chunk in order, if it is rendered.
    private func takeReady() -> Chunk? {
        guard let chunk = state.ready.removeValue(forKey: state.consumedSequence) else { return nil }
        state.consumedSequence += 1
        return chunk
    }

    /// Under the lock: every record handed out, or stopped, and nothing left to take.
    private var finished: Bool {
        (state.stopped || state.cursor == end) && state.consumedSequence == state.nextSequence
    }

    /// With no workers: claims and renders the next chunk on the calling thread.
    private func renderInline(atMost limit: UInt64) -> Chunk? {
        guard limit > 0, let claim = sync.locked({ claimNext(atMost: limit, inline: true) }) else { return nil }
        render(claim)
        return sync.locked {
            finish(claim)
            return takeReady()
        }
    }

    // MARK: Workers

    struct Claim {
        var sequence: Int
        var buffer: Int
        var records: Range<UInt64>
        var estimate: Int
    }

    /// Under the lock: the next range to render and a buffer for it, or nil when none may start now.
    private func claimNext(atMost limit: UInt64, inline: Bool) -> Claim? {
        guard !state.stopped, state.cursor < end, let buffer = state.free.last else { return nil }
        // Until a chunk has been measured, one record at a time: its size is unknown.
        if state.bytesPerRecord == 0, state.inFlight > 0, !inline { return nil }
        let fitting = UInt64(max(1, Self.targetChunkBytes / max(state.bytesPerRecord, 1)))
        let growth = state.lastChunk == 0 ? 1 : state.lastChunk * 2
        let size = min(end - state.cursor, Self.maxChunkRecords, fitting, growth, limit)
        let estimate = Int(clamping: size) * max(state.bytesPerRecord, 1)
        if state.inFlight > 0, state.inFlightBytes + estimate > budgetBytes { return nil }
        state.free.removeLast()
        let claim = Claim(
            sequence: state.nextSequence, buffer: buffer, records: state.cursor..<(state.cursor + size),
            estimate: estimate)
        state.nextSequence += 1
        state.cursor += size
        state.lastChunk = size
        state.inFlight += 1
        state.inFlightBytes += estimate
        return claim
    }

    private func render(_ claim: Claim) {
        let context = contexts[claim.buffer]
        context.out.removeAll()
        context.watch(self)
        // Between chunks too: most chunks are smaller than a check's interval.
        if mustStop(chunkBytes: 0) {
            context.checkAt = 0
            return
        }
        plan.render(claim.records, seed: seed, first: first, permutations: permutations, into: context)
    }

    /// Under the lock: publishes a rendered chunk and learns its records' size.
    private func finish(_ claim: Claim) {
        state.largestRenderBytes = max(state.largestRenderBytes, contexts[claim.buffer].out.count)
        if contexts[claim.buffer].isHalted {
            // Nothing from this chunk on is handed out: the consumer gets the chunks before it, then nil.
            state.stopped = true
            state.nextSequence = min(state.nextSequence, claim.sequence)
            state.inFlight -= 1
            state.inFlightBytes -= claim.estimate
            let context = contexts[claim.buffer]
            if context.out.capacity > budgetBytes { context.out.shrink(to: Self.targetChunkBytes) }
            state.free.append(claim.buffer)
            return
        }
        let bytes = contexts[claim.buffer].out.bytes
        state.inFlightBytes += bytes.count - claim.estimate
        state.peakInFlightBytes = max(state.peakInFlightBytes, state.inFlightBytes)
        state.bytesPerRecord = max(1, bytes.count / max(1, claim.records.count))
        state.ready[claim.sequence] = Chunk(
            records: claim.records, bytes: bytes, buffer: claim.buffer, sequence: claim.sequence)
    }

    /// A worker thread's loop: claim, render, publish, until the run is done or stopped.
    private func work() {
        while true {
            let claim: Claim? = sync.locked {
                while true {
                    if state.stopped || state.cursor == end { return nil }
                    if let claim = claimNext(atMost: .max, inline: false) { return claim }
                    sync.wait()
                }
            }
            guard let claim else { return }
            render(claim)
            let waiter: CheckedContinuation<Void, Never>? = sync.locked {
                finish(claim)
                sync.broadcast()
                guard state.ready[state.consumedSequence] != nil || finished else { return nil }
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume()
        }
    }
}
