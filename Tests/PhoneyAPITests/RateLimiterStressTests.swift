import Testing

@testable import PhoneyAPI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The rate limiter hit from several threads at once, for ThreadSanitizer (scripts/sanitize.sh thread): the window
/// admits exactly its limit however the requests interleave.
struct RateLimiterStressTests {
    @Test func exactlyTheLimitIsAllowedFromManyThreads() {
        let limiter = RateLimiter(limit: 500)
        let now: Int64 = 1_000 * 60_000
        let allowed = Counter()
        var threads: [pthread_t] = []
        final class Job {
            let run: () -> Void
            init(_ run: @escaping () -> Void) { self.run = run }
        }
        for thread in 0..<4 {
            var handle = pthread_t()
            let job = Job {
                for request in 0..<1_500 {
                    // Two clients shared by all threads, and one of each thread's own.
                    let client = request % 3 == 0 ? "own-\(thread)" : (request % 2 == 0 ? "a" : "b")
                    if limiter.check(client, now: now).allowed { allowed.add() }
                }
            }
            let result = pthread_create(
                &handle, nil,
                { argument in
                    Unmanaged<Job>.fromOpaque(argument!).takeRetainedValue().run()
                    return nil
                }, Unmanaged.passRetained(job).toOpaque())
            precondition(result == 0)
            threads.append(handle)
        }
        for handle in threads { pthread_join(handle, nil) }
        // 6,000 requests: 500 from each thread's own client (all allowed), 2,000 each from "a" and "b" (500 of each
        // allowed).
        #expect(allowed.value == 4 * 500 + 2 * 500)
        #expect(!limiter.check("a", now: now + 1).allowed)
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var count = 0
    init() { pthread_mutex_init(lock, nil) }
    deinit {
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }
    func add() {
        pthread_mutex_lock(lock)
        count += 1
        pthread_mutex_unlock(lock)
    }
    var value: Int {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return count
    }
}
