import PhoneyCore

/// Renders a run's records on the calling thread, one chunk at a time, sizing each chunk from the bytes records
/// actually took so far rather than from the plan's estimate.
///
/// A template's estimate can be far off (`{{[text]:count=1000,max_nb_chars=100000}}` makes ~50 MB records), so the
/// first chunk is one record and each next one at most doubles, up to about 256 KiB of output: memory stays near
/// one chunk (or one record, when a record is larger) whatever the count and the template.
package final class ChunkRenderer {
    static let targetBytes = 256 * 1024
    static let maxRecords: UInt64 = 16_384

    let plan: Plan
    let seed: UInt64
    let first: UInt64
    let end: UInt64
    let permutations: [UniquePermutation]
    let context: EmitContext
    private(set) var next: UInt64
    private var lastChunk: UInt64 = 0
    private var bytesPerRecord: Int = 1

    /// Records `offset..<(offset + count)` of the run seeded with `seed`.
    package init(plan: Plan, seed: UInt64, offset: UInt64, count: UInt64) {
        self.plan = plan
        self.seed = seed
        self.first = offset
        self.end = offset + count
        self.next = offset
        self.permutations = plan.permutations(seed: seed)
        let expected = min(Self.targetBytes, max(plan.estimatedRecordBytes, 64) * Int(min(count, 64)))
        self.context = EmitContext(capacity: expected + expected / 4 + 1024)
    }

    /// The bytes of the last chunk rendered.
    package var bytes: UnsafeRawBufferPointer { context.out.bytes }

    /// Renders the next chunk, of at most `limit` records, into `bytes`, replacing the previous one.
    ///
    /// - Returns: the number of records rendered; 0 once all are done.
    package func renderNext(atMost limit: UInt64 = .max) -> UInt64 {
        guard next < end, limit > 0 else { return 0 }
        let fitting = UInt64(max(1, Self.targetBytes / max(bytesPerRecord, 1)))
        let size = min(end - next, Self.maxRecords, fitting, lastChunk == 0 ? 1 : lastChunk * 2, limit)
        context.out.removeAll()
        plan.render(next..<(next + size), seed: seed, first: first, permutations: permutations, into: context)
        bytesPerRecord = max(1, context.out.count / Int(size))
        next += size
        lastChunk = size
        return size
    }
}
