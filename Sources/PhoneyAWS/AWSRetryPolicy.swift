/// How often and how patiently a failed AWS call is tried again: exponential backoff with full jitter, as AWS's
/// "standard" retry mode does.
package struct AWSRetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included; 1 means no retry.
    package var maxAttempts: Int
    /// The cap of the first wait; each later cap doubles.
    package var baseDelay: Duration
    /// The largest cap.
    package var maxDelay: Duration

    package init(maxAttempts: Int, baseDelay: Duration, maxDelay: Duration) {
        precondition(maxAttempts >= 1, "at least one attempt")
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// Five attempts, waits capped at 0.2, 0.4, 0.8 and 1.6 s (up to 20 s for later attempts).
    package static let standard = AWSRetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(200), maxDelay: .seconds(20))

    /// One attempt.
    package static let none = AWSRetryPolicy(maxAttempts: 1, baseDelay: .zero, maxDelay: .zero)

    /// The wait after failed attempt number `attempt` (from 1): uniformly random between zero and
    /// `min(maxDelay, baseDelay × 2^(attempt − 1))`, so many clients throttled together do not retry together.
    package func delay(afterAttempt attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let doubling = baseDelay * (1 << min(max(attempt - 1, 0), 20))
        let cap = min(maxDelay, doubling)
        let nanoseconds = cap.components.seconds * 1_000_000_000 + cap.components.attoseconds / 1_000_000_000
        guard nanoseconds > 0 else { return .zero }
        return .nanoseconds(Int64.random(in: 0...nanoseconds, using: &generator))
    }

    /// Sleeps for ``delay(afterAttempt:using:)``.
    ///
    /// - Throws: `AWSError` of kind `transport` when the task is cancelled while it waits.
    func wait(afterAttempt attempt: Int, operation: String, resource: String) async throws(AWSError) {
        var generator = SystemRandomNumberGenerator()
        do {
            try await Task.sleep(for: delay(afterAttempt: attempt, using: &generator))
        } catch {
            throw AWSError(
                .transport, "cancelled while waiting to retry", operation: operation, resource: resource)
        }
    }
}
