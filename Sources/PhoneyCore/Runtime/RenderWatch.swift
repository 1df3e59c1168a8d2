import Synchronization

/// What a render checks as it writes, inside a record too: whether its consumer has stopped it (a client gone, a
/// shutdown), whether one chunk has grown past the most bytes the run may take, and whether its deadline has passed.
///
/// The checks cost nothing per value: the interpreter compares the bytes written with `EmitContext.checkAt` at
/// the end of each record, after each value of a generator that can write a lot, and inside such generators'
/// loops, and only calls `EmitContext.checkpoint()` once `checkEveryBytes` more have been written. Every
/// generator's time is linear in its output, so that is every millisecond or so of work.
///
/// `ChunkEngine` is a watch itself (a subclass), so a run allocates nothing more for it; its contexts refer to it
/// without retaining it.
package class RenderWatch: @unchecked Sendable {
    /// Why a render stopped before its records were done.
    package enum Halt: UInt8, Sendable {
        case none = 0
        /// The consumer called `stop()`.
        case stopped
        /// A chunk outgrew `maxChunkBytes`: the run cannot fit the response it is for.
        case tooLarge
        /// The deadline passed.
        case deadline
    }

    /// Output between two checks.
    package static let checkEveryBytes = 1 << 20

    /// The most bytes one chunk may hold, records and all; nil for no limit.
    package let maxChunkBytes: Int?
    package let deadline: Deadline?
    private let state = Atomic<UInt8>(Halt.none.rawValue)

    package init(maxChunkBytes: Int? = nil, deadline: Deadline? = nil) {
        self.maxChunkBytes = maxChunkBytes
        self.deadline = deadline
    }

    /// Why the render stopped, or `.none` while it has not.
    package var halt: Halt {
        Halt(rawValue: state.load(ordering: .acquiring)) ?? .none
    }

    /// Stops every render watched by this watch at its next check, unless one already stopped for another reason.
    package func requestHalt(_ reason: Halt = .stopped) {
        _ = state.compareExchange(
            expected: Halt.none.rawValue, desired: reason.rawValue, ordering: .acquiringAndReleasing)
    }

    /// Where the check after one at `bytes` is due: `checkEveryBytes` further on, or just past the limit when that
    /// comes first, so a render overshoots its limit by one value at most.
    func nextCheck(after bytes: Int) -> Int {
        let next = bytes &+ Self.checkEveryBytes
        guard let maxChunkBytes, maxChunkBytes < next else { return next }
        return max(bytes + 1, maxChunkBytes &+ 1)
    }

    /// Whether a render that has written `bytes` bytes of its chunk must stop now.
    func mustStop(chunkBytes bytes: Int) -> Bool {
        if state.load(ordering: .relaxed) != Halt.none.rawValue { return true }
        if let maxChunkBytes, bytes > maxChunkBytes {
            requestHalt(.tooLarge)
            return true
        }
        if let deadline, deadline.hasPassed() {
            requestHalt(.deadline)
            return true
        }
        return false
    }
}

extension EmitContext {
    /// Whether rendering must stop now: cheap while fewer than `checkAt` bytes are written, and asks the watch after
    /// that. Generators that loop over many values call it between them and return at once when it says so; what
    /// they wrote is thrown away with the rest of the chunk.
    @inlinable
    @inline(__always)
    package func shouldStop() -> Bool {
        out.count >= checkAt && checkpoint()
    }

    /// Asks the watch; `checkAt` is then `checkEveryBytes` further on, or 0 once halted, so every later
    /// `shouldStop()` says stop at once.
    @inline(never)
    @usableFromInline
    package func checkpoint() -> Bool {
        if checkAt == 0 { return true }
        guard let watch else {
            checkAt = .max
            return false
        }
        if watch.mustStop(chunkBytes: out.count) {
            checkAt = 0
            return true
        }
        checkAt = watch.nextCheck(after: out.count)
        return false
    }

    /// Whether the last render was halted by its watch.
    package var isHalted: Bool {
        checkAt == 0
    }

    /// Starts a chunk under `watch`: the first check after `checkEveryBytes` bytes.
    package func watch(_ watch: RenderWatch?) {
        self.watch = watch
        checkAt = watch?.nextCheck(after: 0) ?? .max
    }
}
