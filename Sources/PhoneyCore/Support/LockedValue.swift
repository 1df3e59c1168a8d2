#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A value behind a pthread mutex, for state that several threads share (the plan cache, the rate limiter).
///
/// Not `Synchronization.Mutex`: on Linux its contended path hands the lock over inside the kernel (`FUTEX_LOCK_PI`,
/// in the uninstrumented `libswiftSynchronization.so`), so ThreadSanitizer sees no ordering between two holders and
/// reports every access under the lock as a race. pthread mutexes are intercepted, so these accesses are checked.
package final class LockedValue<Value> {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    package init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the value, holding the lock.
    package func withLock<Result, Failure: Error>(
        _ body: (inout Value) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}

extension LockedValue: @unchecked Sendable where Value: Sendable {}
