import Benchmark

/// What one measured run of a benchmark does, so the report can turn per-run figures into per-record ones.
final class Workload {
    /// What is counted: `record`, `compile`, `parse`, `lookup`.
    let unit: String
    /// Units of work per measured run.
    let perRun: UInt64
    /// Threads the run uses.
    let threads: Int
    /// Output bytes of the last run (each run writes the same bytes); 0 when the benchmark writes none.
    var bytesPerRun = 0

    init(unit: String, perRun: UInt64, threads: Int = 1) {
        self.unit = unit
        self.perRun = perRun
        self.threads = threads
    }

    /// Registers a benchmark together with its workload.
    static func benchmark(
        _ name: String, _ workload: Workload, configuration: Benchmark.Configuration = .phoney(),
        body: @escaping (Benchmark) -> Void
    ) {
        guard let benchmark = Benchmark(name, configuration: configuration, closure: body) else { return }
        Registry.benchmarks.append(benchmark)
        Registry.workloads[name] = workload
    }

    /// Registers an asynchronous benchmark together with its workload.
    static func benchmark(
        _ name: String, _ workload: Workload, configuration: Benchmark.Configuration = .phoney(),
        body: @escaping (Benchmark) async -> Void
    ) {
        guard let benchmark = Benchmark(name, configuration: configuration, closure: body) else { return }
        Registry.benchmarks.append(benchmark)
        Registry.workloads[name] = workload
    }
}

/// What the bench registered, in order. Written while registering and read by the report, both on the main task
/// before and after the runner measures, never while it does.
enum Registry {
    nonisolated(unsafe) static var benchmarks: [Benchmark] = []
    nonisolated(unsafe) static var workloads: [String: Workload] = [:]
    /// Benchmarks left out because their fixture did not load or compile, with the reason.
    nonisolated(unsafe) static var skipped: [String] = []
}

/// How long each benchmark is measured: the full run, or `--quick` (every benchmark, briefly: the test command's run).
enum RunLength {
    /// Set from the command line before any benchmark is registered.
    nonisolated(unsafe) static var quick = false
}

extension Benchmark.Configuration {
    /// Throughput, wall time and malloc counts, measured for up to `maxDuration` after one warm-up run; with
    /// `--quick`, for up to `quickDuration` and `quickIterations` runs.
    ///
    /// No CPU-time or other operating-system metric: the runner reads those from `/proc` inside the window where
    /// it counts mallocs, and the reads allocate.
    static func phoney(
        maxDuration: Duration = .seconds(2), maxIterations: Int = 10_000, quickDuration: Duration = .milliseconds(400),
        quickIterations: Int = 10_000
    ) -> Benchmark.Configuration {
        .init(
            metrics: [.throughput, .wallClock, .mallocCountTotal], warmupIterations: 1,
            maxDuration: RunLength.quick ? min(maxDuration, quickDuration) : maxDuration,
            maxIterations: RunLength.quick ? min(maxIterations, quickIterations) : maxIterations)
    }
}
