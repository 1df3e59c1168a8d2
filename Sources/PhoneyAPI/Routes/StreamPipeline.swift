import Dispatch
import HummingbirdCore
import NIOCore
import PhoneyCore

/// Renders a streamed run in waves of chunks, one chunk per core, each wave on a background task while the
/// previous wave is being written: rendering and socket writes overlap, and memory stays at two waves.
///
/// Chunks are sized like `ChunkRenderer`'s (one record first, then doubling up to about 256 KiB of output per
/// chunk), so a template whose records are far larger than estimated cannot blow the memory up.
package final class StreamPipeline: @unchecked Sendable {
    let plan: Plan
    let seed: UInt64
    let first: UInt64
    let end: UInt64
    let permutations: [UniquePermutation]
    let contexts: [EmitContext]
    private var next: UInt64
    private var lastChunk: UInt64 = 0
    private var bytesPerRecord = 1

    /// - Parameter lanes: chunks rendered in parallel per wave (the number of cores).
    package init(plan: Plan, seed: UInt64, offset: UInt64, count: UInt64, lanes: Int) {
        self.plan = plan
        self.seed = seed
        self.first = offset
        self.end = offset + count
        self.next = offset
        self.permutations = plan.permutations(seed: seed)
        let capacity = min(ChunkRenderer.targetBytes, max(plan.estimatedRecordBytes, 64) * 64) * 5 / 4 + 1024
        self.contexts = (0..<max(1, lanes)).map { _ in EmitContext(capacity: capacity) }
    }

    /// Renders the next wave: up to one chunk per lane, in record order.
    ///
    /// - Returns: the chunks' bytes and the number of records they hold; no buffers once every record is done.
    package func renderWave() -> (buffers: [ByteBuffer], records: UInt64) {
        guard next < end else { return ([], 0) }
        let fitting = UInt64(max(1, ChunkRenderer.targetBytes / max(bytesPerRecord, 1)))
        let size = min(ChunkRenderer.maxRecords, fitting, lastChunk == 0 ? 1 : lastChunk * 2)
        let lanes = lastChunk == 0 ? 1 : Int(min(UInt64(contexts.count), (end - next + size - 1) / size))
        let starts = (0..<lanes).map { next + UInt64($0) * size }
        let render: @Sendable (Int) -> Void = { lane in
            let lower = starts[lane]
            let context = self.contexts[lane]
            context.out.removeAll()
            self.plan.render(
                lower..<min(self.end, lower + size), seed: self.seed, first: self.first,
                permutations: self.permutations, into: context)
        }
        if lanes == 1 {
            render(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: lanes, execute: render)
        }
        let allocator = ByteBufferAllocator()
        var buffers: [ByteBuffer] = []
        var bytes = 0
        for lane in 0..<lanes {
            let out = contexts[lane].out
            var buffer = allocator.buffer(capacity: out.count)
            buffer.writeBytes(out.bytes)
            bytes += out.count
            buffers.append(buffer)
        }
        let upper = min(end, next + UInt64(lanes) * size)
        let records = upper - next
        bytesPerRecord = max(1, bytes / Int(records))
        next = upper
        lastChunk = size
        return (buffers, records)
    }

    /// Writes every record to `writer`, rendering wave k+1 while wave k is written.
    ///
    /// - Throws: whatever the writer throws (a client that went away): generation stops after the wave in hand.
    package func write(
        to writer: inout any ResponseBodyWriter, progress: (UInt64) -> Void
    ) async throws {
        var wave = renderWave()
        var sent: UInt64 = 0
        while !wave.buffers.isEmpty {
            let upcoming = Task.detached { self.renderWave() }
            do {
                for buffer in wave.buffers { try await writer.write(buffer) }
            } catch {
                upcoming.cancel()
                _ = await upcoming.value
                throw error
            }
            sent += wave.records
            progress(sent)
            wave = await upcoming.value
        }
    }
}
