#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A mutex with one condition variable, for the chunk engine's workers and its blocking consumer to wait on.
///
/// `Synchronization.Mutex` has no condition to wait for, and the workers must sleep rather than spin while the
/// consumer is behind.
final class EngineLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>

    init() {
        mutex = .allocate(capacity: 1)
        condition = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Runs `body` holding the lock.
    func locked<Result>(_ body: () throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Waits for a `broadcast`, releasing the lock meanwhile; only inside `locked`.
    func wait() {
        pthread_cond_wait(condition, mutex)
    }

    /// Wakes every waiter; only inside `locked`.
    func broadcast() {
        pthread_cond_broadcast(condition)
    }
}

/// Starts a detached thread of its own (not one of Swift's cooperative pool, nor of Dispatch's) running `body`.
func startDetachedThread(_ body: @escaping () -> Void) {
    final class Box {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }
    let box = Unmanaged.passRetained(Box(body)).toOpaque()
    #if canImport(Darwin)
        var thread: pthread_t?
    #else
        var thread = pthread_t()
    #endif
    let result = pthread_create(
        &thread, nil,
        { argument in
            let box = Unmanaged<AnyObject>.fromOpaque(argument!).takeRetainedValue()
            (box as! Box).body()
            return nil
        }, box)
    precondition(result == 0, "pthread_create failed: \(result)")
    #if canImport(Darwin)
        pthread_detach(thread!)
    #else
        pthread_detach(thread)
    #endif
}
