import Benchmark
import PhoneyCore

/// Rendering each fixture to NDJSON through the public executor, on one thread and on all of them, into a sink that
/// only counts bytes.
enum RenderBenchmarks {
    static func register(_ fixture: Fixture, _ plan: Plan) {
        let base = "render \(fixture.rawValue) ndjson"
        let records = Fixture.recordsPerRun
        var threadCounts = [1]
        if Executor.defaultThreads > 1 { threadCounts.append(Executor.defaultThreads) }
        for threads in threadCounts {
            let workload = Workload(unit: "record", perRun: records, threads: threads)
            Workload.benchmark(base + (threads == 1 ? " 1 thread" : " all threads"), workload) { benchmark in
                for _ in benchmark.scaledIterations {
                    workload.bytesPerRun = executorRun(plan, threads: threads, records: records)
                }
            }
        }
        if fixture == .person {
            // A request-sized call: the executor's fixed cost per call shows here.
            let small = Workload(unit: "record", perRun: smallCall)
            let name = "\(base) 1 thread, \(smallCall) records per call"
            Workload.benchmark(name, small, configuration: .phoney(maxIterations: 100_000)) { benchmark in
                for _ in benchmark.scaledIterations {
                    small.bytesPerRun = executorRun(plan, threads: 1, records: smallCall)
                }
            }
        }
        let context = EmitContext(capacity: chunkCapacity(plan))
        let permutations = plan.permutations(seed: Fixture.seed)
        let loop = Workload(unit: "record", perRun: records)
        Workload.benchmark("\(base) 1 thread, interpreter loop", loop) { benchmark in
            for _ in benchmark.scaledIterations {
                loop.bytesPerRun = interpreterLoop(plan, records: records, permutations: permutations, into: context)
            }
        }
    }

    /// Records per call of the request-sized benchmark.
    static let smallCall: UInt64 = 100

    /// Renders records `0..<records` with `Executor.run` and returns the byte count.
    static func executorRun(_ plan: Plan, threads: Int, records: UInt64) -> Int {
        var total = 0
        do {
            try Executor.run(plan, Executor.Run(seed: Fixture.seed, count: records, threads: threads)) {
                (bytes: UnsafeRawBufferPointer) throws(Never) in
                total &+= bytes.count
            }
        } catch {
            fatalError("render failed: \(error.templateError)")
        }
        return total
    }

    /// The executor's single-thread path without the executor: the same chunks rendered into one reused context,
    /// so what is left is the interpreter itself (the figure to hold against the specialised generator).
    static func interpreterLoop(
        _ plan: Plan, records: UInt64, permutations: [UniquePermutation], into context: EmitContext
    ) -> Int {
        let chunk = Executor.chunkRecords(for: plan)
        var total = 0
        var lower: UInt64 = 0
        while lower < records {
            let upper = min(records, lower + chunk)
            context.out.removeAll()
            plan.render(lower..<upper, seed: Fixture.seed, first: 0, permutations: permutations, into: context)
            total &+= context.out.count
            lower = upper
        }
        return total
    }

    /// A buffer the size the executor would give one chunk of `plan`.
    static func chunkCapacity(_ plan: Plan) -> Int {
        Int(Executor.chunkRecords(for: plan)) * max(plan.estimatedRecordBytes, 64) * 5 / 4 + 4096
    }
}
