import Benchmark
import PhoneyCore

/// The cost of a template before any record: JSON parsing, parsing plus compiling with no cache, and a plan-cache
/// hit (what a repeated request pays). Each run repeats the operation, so one run takes about a millisecond or
/// more for the small templates.
enum ParseBenchmarks {
    static func register(_ fixture: Fixture, _ text: String) {
        let options = Fixture.options()
        let name = "template \(fixture.rawValue)"

        let parses = Workload(unit: "parse", perRun: 100)
        Workload.benchmark("\(name) parse", parses) { benchmark in
            for _ in 0..<parses.perRun {
                blackHole(try? JSONValue.parse(text, limits: options.limits))
            }
        }

        let compiles = Workload(unit: "compile", perRun: 100)
        Workload.benchmark("\(name) parse + compile, no cache", compiles) { benchmark in
            for _ in 0..<compiles.perRun {
                blackHole(try? Plan.compile(json: text, options: options))
            }
        }

        let cache = PlanCache()
        _ = try? cache.plan(json: text, options: options)
        let lookups = Workload(unit: "lookup", perRun: 1_000)
        Workload.benchmark("\(name) plan-cache hit", lookups) { benchmark in
            for _ in 0..<lookups.perRun {
                blackHole(try? cache.plan(json: text, options: options).hit)
            }
        }
    }
}
