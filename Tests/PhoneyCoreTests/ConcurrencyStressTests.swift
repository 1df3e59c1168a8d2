import Testing

@testable import PhoneyCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The engine's shared state hit from several threads at once, for ThreadSanitizer (scripts/sanitize.sh thread) to
/// watch: plain threads joined with `pthread_join`, so every hand-over is one the sanitizer can see.
struct ConcurrencyStressTests {
    static let person = #"{"name":"{{name}}","email":"{{email}}","city":"{{city}}","n":"{{random_int}}"}"#

    @Test func planCacheFromManyThreads() throws {
        let cache = PlanCache(capacity: 2)
        let templates = (0..<5).map { #"{"f\#($0)":"{{name}}","g":"{{email}}"}"# }
        let options = EngineTest.options()
        let rounds = 200
        onThreads(4) { thread in
            for round in 0..<rounds {
                // Hits, misses and evictions interleaved: capacity 2 for 5 templates.
                let template = templates[(thread + round) % templates.count]
                let plan = try? cache.plan(json: template, options: options).plan
                precondition(plan != nil, "a valid template failed to compile")
            }
        }
        let statistics = cache.statistics
        #expect(statistics.hits + statistics.misses == UInt64(4 * rounds))
    }

    @Test(arguments: [2, 4])
    func chunkEnginesFromManyThreads(_ workers: Int) throws {
        let plan = try EngineTest.compile(Self.person, EngineTest.options(.ndjson))
        let expected = try Executor.render(plan, Executor.Run(seed: 9, count: 3_000, threads: 1))
        let results = Results(count: 3)
        onThreads(3) { thread in
            // Two full runs and one far longer that stops part-way, each with its own workers.
            let count: UInt64 = thread == 2 ? 50_000_000 : 3_000
            let engine = ChunkEngine(plan: plan, seed: 9, offset: 0, count: count, threads: workers)
            var bytes = plan.prefix
            var chunks = 0
            while let chunk = engine.next() {
                bytes.append(contentsOf: chunk.bytes)
                engine.release(chunk)
                chunks += 1
                if thread == 2, chunks == 3 { engine.stop() }
            }
            results.set(thread, bytes + plan.suffix)
        }
        #expect(results.get(0) == expected)
        #expect(results.get(1) == expected)
        // What the workers had rendered before the stop still comes out (at most the 16 MB budget), then nothing.
        #expect(results.get(2).count < 32 << 20)
    }

    @Test func stopWhileAnAsyncConsumerWaits() async throws {
        let plan = try EngineTest.compile(Self.person, EngineTest.options(.csv))
        for _ in 0..<20 {
            let engine = ChunkEngine(plan: plan, seed: 1, offset: 0, count: 10_000_000, threads: 2)
            let first = try #require(await engine.next())
            engine.release(first)
            let stopper = Task.detached { engine.stop() }
            while let chunk = await engine.next() { engine.release(chunk) }
            await stopper.value
        }
    }
}

/// One slot per thread, written by that thread and read after the join: separate storage per slot, since writing
/// elements of one Swift array from several threads is itself a race.
private final class Results: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<[UInt8]>
    private let count: Int
    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: [], count: count)
    }
    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
    func set(_ index: Int, _ value: [UInt8]) { slots[index] = value }
    func get(_ index: Int) -> [UInt8] { slots[index] }
}

/// Runs `body(i)` on `count` new threads and joins them all.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    final class Job {
        let body: @Sendable (Int) -> Void
        let index: Int
        init(_ body: @escaping @Sendable (Int) -> Void, _ index: Int) {
            self.body = body
            self.index = index
        }
    }
    #if canImport(Darwin)
        var threads: [pthread_t?] = []
    #else
        var threads: [pthread_t] = []
    #endif
    for index in 0..<count {
        #if canImport(Darwin)
            var thread: pthread_t?
        #else
            var thread = pthread_t()
        #endif
        let job = Unmanaged.passRetained(Job(body, index)).toOpaque()
        let result = pthread_create(
            &thread, nil,
            { argument in
                let job = Unmanaged<Job>.fromOpaque(argument!).takeRetainedValue()
                job.body(job.index)
                return nil
            }, job)
        precondition(result == 0, "pthread_create failed: \(result)")
        threads.append(thread)
    }
    #if canImport(Darwin)
        for thread in threads { pthread_join(thread!, nil) }
    #else
        for thread in threads { pthread_join(thread, nil) }
    #endif
}
