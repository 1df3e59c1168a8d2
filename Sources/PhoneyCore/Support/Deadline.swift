/// A moment on the monotonic clock by which work must be done: a Lambda invocation's deadline less its reserve,
/// or a server request's time budget.
package struct Deadline: Sendable, Comparable, Hashable {
    /// `monotonicNanoseconds()` at the deadline.
    package let uptimeNanoseconds: UInt64

    package init(uptimeNanoseconds: UInt64) {
        self.uptimeNanoseconds = uptimeNanoseconds
    }

    /// The deadline `nanoseconds` from `start` (now by default).
    package static func after(_ nanoseconds: UInt64, from start: UInt64 = monotonicNanoseconds()) -> Deadline {
        Deadline(uptimeNanoseconds: start &+ nanoseconds)
    }

    /// Whether the deadline has passed at `now`.
    package func hasPassed(at now: UInt64 = monotonicNanoseconds()) -> Bool {
        now >= uptimeNanoseconds
    }

    package static func < (lhs: Deadline, rhs: Deadline) -> Bool {
        lhs.uptimeNanoseconds < rhs.uptimeNanoseconds
    }
}
