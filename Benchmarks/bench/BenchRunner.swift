import Benchmark
import Foundation
import PhoneyCore

/// `swift run -c release bench`: runs every benchmark and prints per-record figures, then the ratios between them.
///
/// `--filter REGEX` and `--skip REGEX` pick benchmarks by name, as the package's runner does. Any other argument
/// hands over to the package's runner unchanged (so `swift package benchmark` and `--allocation-stacks` work).
@main
struct BenchRunner: BenchmarkRunnerHooks {
    static func registerBenchmarks() {
        for fixture in Fixture.allCases {
            let text: String
            let plan: Plan
            do {
                text = try fixture.template()
                plan = try fixture.plan()
            } catch {
                Registry.skipped.append("\(fixture.rawValue): \(error)")
                continue
            }
            RenderBenchmarks.register(fixture, plan)
            if fixture == .person {
                Specialized.register(plan)
            }
            ParseBenchmarks.register(fixture, text)
        }
        LocaleBenchmarks.register()
    }

    static func main() async {
        guard let selection = Selection(CommandLine.arguments.dropFirst()) else {
            await BenchmarkRunner.setupBenchmarkRunner(registerBenchmarks: registerBenchmarks)
            return
        }
        let start = monotonicSeconds()
        let loadBefore = Report.loadAverage
        registerBenchmarks()
        let selected = Registry.benchmarks.filter { selection.includes($0.name) }
        do {
            let outcomes = try await BenchHost.run(selected)
            Report.print(
                outcomes, skipped: Registry.skipped, seconds: monotonicSeconds() - start, loadBefore: loadBefore)
        } catch {
            FileHandle.standardError.write(Data("bench: \(error)\n".utf8))
            exit(1)
        }
    }

    static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}

/// `--filter` and `--skip` regular expressions, matched against whole benchmark names.
struct Selection {
    var filters: [String] = []
    var skips: [String] = []

    /// Nil when the arguments hold anything else.
    init?(_ arguments: ArraySlice<String>) {
        var rest = arguments
        while let option = rest.popFirst() {
            guard let value = rest.popFirst() else { return nil }
            switch option {
            case "--filter": filters.append(value)
            case "--skip": skips.append(value)
            default: return nil
            }
        }
    }

    func includes(_ name: String) -> Bool {
        func matches(_ pattern: String) -> Bool {
            (try? Regex(pattern)).map { name.wholeMatch(of: $0) != nil } ?? false
        }
        return (filters.isEmpty || filters.contains(where: matches)) && !skips.contains(where: matches)
    }
}
