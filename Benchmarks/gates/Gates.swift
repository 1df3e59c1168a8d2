#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// `gates WORKLOAD ITERATIONS`: runs one workload's warm-up, then `ITERATIONS` measured iterations, and nothing
/// else, so that `scripts/bench-gate.sh` can count instructions and mallocs under callgrind.
///
/// The script runs each workload twice, at N and at 2N iterations, and takes the difference: start-up, set-up and
/// warm-up are the same in both runs and cancel out, leaving N iterations. `gates --list` prints the workloads.
@main
enum Gates {
    /// Iterations run before the measured ones, in both runs: first-use costs (a cold start, lazily built tables,
    /// the plan cache's first fill) land here.
    static let warmUps = 2

    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "generator-costs" {
            GeneratorCosts.main(Array(arguments.dropFirst()))
        }
        if arguments == ["--list"] {
            for workload in GateWorkload.all { print("\(workload.name)\t\(workload.summary)") }
            return
        }
        guard arguments.count == 2, let workload = GateWorkload.named(arguments[0]),
            let iterations = Int(arguments[1]), iterations >= 0
        else {
            fail("usage: gates WORKLOAD ITERATIONS, or gates --list", status: 2)
        }
        // No async main: it would park the main thread in `dispatch_main()` (`pthread_exit`, then `sigsuspend`),
        // where valgrind 3.19 crashes. The workload runs in a task and the task ends the process, as in `bootstrap`.
        Task.detached {
            await run(workload, iterations: iterations)
            exit(0)
        }
        while true { pause() }
    }

    static func run(_ workload: GateWorkload, iterations: Int) async {
        let iteration: GateIteration
        do {
            iteration = try await workload.prepare()
        } catch {
            fail("gates: \(workload.name) could not be set up: \(error)", status: 1)
        }
        var result = 0
        for _ in 0..<warmUps { result = await iteration.run() }
        for _ in 0..<iterations { result = await iteration.run() }
        print("\(workload.name): \(iterations) iterations after \(warmUps) warm-up; each returned \(result)")
    }

    static func fail(_ message: String, status: Int32) -> Never {
        var line = Array((message + "\n").utf8)
        _ = line.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
        exit(status)
    }
}
