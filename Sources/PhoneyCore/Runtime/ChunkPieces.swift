import Dispatch
import Synchronization

/// The chunks of one `Executor.run`, rendered by worker threads while the calling thread hands them to the sink in
/// record order.
///
/// Chunk `k` belongs to worker `k % workers`. Worker 0 is the calling thread: it renders each of its chunks when
/// that chunk is next and writes it at once. The other workers run on their own threads and render their chunks
/// in order into their own ring of `depth` buffers; the caller writes chunk `k` from its buffer once it is filled
/// and gives the buffer back. So rendering never waits for a wave to finish, writing overlaps the other workers'
/// rendering, the caller only sleeps when another worker is behind, and memory stays at about `workers × depth`
/// chunks. Each ring buffer has one producer and one consumer, both in order, so two semaphores per buffer are all
/// the synchronisation there is.
final class ChunkPieces: @unchecked Sendable {
    /// Buffers per thread worker, so it can run a few chunks ahead of the writer.
    static let depth = 4

    let plan: Plan
    let run: Executor.Run
    let chunk: UInt64
    let chunks: UInt64
    let workers: Int
    let permutations: [UniquePermutation]
    let contexts: [EmitContext]
    /// `filled[b]` is signalled when buffer `b` holds its next chunk; `free[b]` when the caller has written it.
    let filled: [DispatchSemaphore]
    let free: [DispatchSemaphore]
    /// Set when the sink failed: workers stop at their next buffer.
    let stopped = Atomic<Bool>(false)

    init(plan: Plan, run: Executor.Run, chunk: UInt64, workers: Int, capacity: Int) {
        self.plan = plan
        self.run = run
        self.chunk = chunk
        self.chunks = run.count / chunk + (run.count % chunk == 0 ? 0 : 1)
        self.workers = workers
        self.permutations = plan.permutations(seed: run.seed)
        let buffers = 1 + (workers - 1) * Self.depth
        self.contexts = (0..<buffers).map { _ in EmitContext(capacity: capacity) }
        // Semaphores start at 0 and are signalled up: libdispatch traps when one is freed below its start value.
        self.filled = (0..<buffers).map { _ in DispatchSemaphore(value: 0) }
        self.free = (0..<buffers).map { _ in
            let semaphore = DispatchSemaphore(value: 0)
            semaphore.signal()
            return semaphore
        }
    }

    /// The buffer chunk `index` is rendered into: 0 for the caller's chunks, else one of its worker's ring.
    func buffer(of index: UInt64) -> Int {
        let worker = Int(index % UInt64(workers))
        return worker == 0 ? 0 : 1 + (worker - 1) * Self.depth + Int(index / UInt64(workers)) % Self.depth
    }

    /// Renders chunk `index` into `context`, replacing what it held.
    func render(_ index: UInt64, into context: EmitContext) {
        let lower = run.offset + index * chunk
        context.out.removeAll()
        plan.render(
            lower..<lower + min(chunk, run.count - index * chunk), seed: run.seed, first: run.offset,
            permutations: permutations, into: context)
    }

    /// Records written once chunk `index` is out.
    func recordsThrough(_ index: UInt64) -> UInt64 {
        index * chunk + min(chunk, run.count - index * chunk)
    }

    /// One thread: each chunk rendered and written in turn.
    func renderInline<Failure: Error>(
        _ sink: (UnsafeRawBufferPointer) throws(Failure) -> Void, _ progress: (UInt64) -> Void
    ) throws(Failure) {
        for index in 0..<chunks {
            render(index, into: contexts[0])
            try sink(contexts[0].out.bytes)
            progress(recordsThrough(index))
        }
    }

    /// The calling thread and `workers - 1` more render; the calling thread writes.
    func renderInParallel<Failure: Error>(
        _ sink: (UnsafeRawBufferPointer) throws(Failure) -> Void, _ progress: (UInt64) -> Void
    ) throws(Failure) {
        let group = DispatchGroup()
        for worker in 1..<workers {
            DispatchQueue.global().async(group: group) { self.work(worker) }
        }
        for index in 0..<chunks {
            let buffer = buffer(of: index)
            if buffer == 0 {
                render(index, into: contexts[0])
            } else {
                filled[buffer].wait()
            }
            do {
                try sink(contexts[buffer].out.bytes)
            } catch {
                stopped.store(true, ordering: .releasing)
                // Wake any worker waiting for a buffer, so it sees the stop and returns.
                for semaphore in free { semaphore.signal() }
                group.wait()
                throw error
            }
            progress(recordsThrough(index))
            if buffer != 0 { free[buffer].signal() }
        }
        group.wait()
    }

    /// Thread worker `worker`'s loop: its chunks in order, each into the next buffer of its ring once that is free.
    func work(_ worker: Int) {
        var index = UInt64(worker)
        while index < chunks {
            let buffer = buffer(of: index)
            free[buffer].wait()
            if stopped.load(ordering: .acquiring) { return }
            render(index, into: contexts[buffer])
            filled[buffer].signal()
            index += UInt64(workers)
        }
    }
}
