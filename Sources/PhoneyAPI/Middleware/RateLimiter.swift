import PhoneyCore

/// Per-client request limits over a sliding one-minute window.
///
/// Each client keeps the counts of the current and the previous fixed minute; the window's count is the current
/// minute's plus the previous minute's weighted by how much of it still lies inside the last 60 seconds. This is
/// the sliding-window-counter scheme: O(1) memory per client and no burst of twice the limit at a minute's edge.
package final class RateLimiter: Sendable {
    /// What the limiter decided for one request.
    package struct Decision: Sendable, Equatable {
        package var allowed: Bool
        /// Requests left in the window after this one.
        package var remaining: Int
        /// Seconds until the client may try again (0 when allowed).
        package var retryAfter: Int
        /// Unix time (seconds) when the window has room again: the end of the current minute when allowed.
        package var reset: Int64
    }

    struct Entry {
        var minute: Int64
        var current: Int
        var previous: Int
    }

    /// The clients and the minute their table was last pruned.
    struct Table {
        var entries: [String: Entry] = [:]
        var prunedMinute: Int64 = .min
    }

    /// Clients kept before the table is pruned of those not seen in the current or the previous minute.
    package static let pruneAbove = 50_000
    /// Clients kept at most: past this, even after pruning (that many clients active in two minutes), the table
    /// starts afresh, which lets those clients a little more than their limit for a minute rather than grow memory.
    package static let maximumClients = 1_000_000

    package let limit: Int
    let windowMilliseconds: Int64
    private let table = LockedValue<Table>(Table())

    /// - Parameters:
    ///   - limit: requests allowed per window; 0 or less allows everything.
    ///   - windowSeconds: the window's length.
    package init(limit: Int, windowSeconds: Int = 60) {
        self.limit = limit
        self.windowMilliseconds = Int64(windowSeconds) * 1000
    }

    package var enabled: Bool { limit > 0 }

    /// Counts a request from `client` at `now` (Unix milliseconds) if the window has room.
    package func check(_ client: String, now: Int64) -> Decision {
        let window = windowMilliseconds
        let minute = now / window
        let elapsed = now % window
        let windowEnd = (minute + 1) * window / 1000
        return table.withLock { table in
            // At most once a minute: pruning copies the table, and doing it on every request once more than
            // `pruneAbove` clients were active would make each request pay for all of them.
            if table.entries.count > Self.pruneAbove, table.prunedMinute != minute {
                table.entries = table.entries.filter { $0.value.minute >= minute - 1 }
                table.prunedMinute = minute
            }
            if table.entries.count >= Self.maximumClients { table.entries = [:] }
            return decide(client, in: &table.entries, now: now, minute: minute, elapsed: elapsed, windowEnd: windowEnd)
        }
    }

    /// Counts the request in `entries` when the window has room.
    private func decide(
        _ client: String, in entries: inout [String: Entry], now: Int64, minute: Int64, elapsed: Int64,
        windowEnd: Int64
    ) -> Decision {
        let window = windowMilliseconds
        var entry = entries[client] ?? Entry(minute: minute, current: 0, previous: 0)
        if entry.minute != minute {
            entry.previous = entry.minute == minute - 1 ? entry.current : 0
            entry.current = 0
            entry.minute = minute
        }
        let weight = Double(window - elapsed) / Double(window)
        let estimate = Double(entry.previous) * weight + Double(entry.current)
        if estimate + 1 <= Double(limit) {
            entry.current += 1
            entries[client] = entry
            let remaining = max(0, Int((Double(limit) - estimate - 1).rounded(.down)))
            return Decision(allowed: true, remaining: remaining, retryAfter: 0, reset: windowEnd)
        }
        entries[client] = entry
        let wait = waitMilliseconds(entry, elapsed: elapsed)
        let seconds = max(1, Int((Double(wait) / 1000).rounded(.up)))
        return Decision(allowed: false, remaining: 0, retryAfter: seconds, reset: now / 1000 + Int64(seconds))
    }

    /// Clients in the table, for tests.
    package var clientCount: Int {
        table.withLock { $0.entries.count }
    }

    /// The shortest wait after which one more request fits.
    func waitMilliseconds(_ entry: Entry, elapsed: Int64) -> Double {
        let window = Double(windowMilliseconds)
        let room = Double(limit - 1)
        let left = window - Double(elapsed)
        if entry.previous > 0, room - Double(entry.current) >= 0 {
            // Within this minute, as the previous minute's weight fades.
            let wait = left - (room - Double(entry.current)) * window / Double(entry.previous)
            if wait < left { return max(0, wait) }
        }
        // In the next minute, as this minute's weight fades.
        let intoNext = entry.current > 0 ? window - room * window / Double(entry.current) : 0
        return left + max(0, intoNext)
    }
}
