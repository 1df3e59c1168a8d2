import Benchmark
import Foundation
import PhoneyCore

/// `swift run -c release bench`: runs every benchmark and prints per-record figures, then the ratios between them.
///
/// `--filter REGEX` and `--skip REGEX` pick benchmarks by name, as the package's runner does; `--markdown FILE`
/// also writes the generator and locale tables there (as in `Benchmarks/GENERATORS.md`). Any other argument
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
            if fixture == .person {
                APIBenchmarks.register(text)
            }
        }
        LocaleBenchmarks.register()
        GeneratorBenchmarks.register()
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
            let seconds = monotonicSeconds() - start
            Report.print(outcomes, skipped: Registry.skipped, seconds: seconds, loadBefore: loadBefore)
            if let path = selection.markdown {
                let text = GeneratorReport.markdown(
                    GeneratorBenchmarks.sampler, rows: outcomes.compactMap(Row.init), command: selection.command,
                    seconds: seconds, loads: "before \(loadBefore), after \(Report.loadAverage)")
                try text.write(toFile: path, atomically: true, encoding: .utf8)
                Report.line("wrote \(path)")
            }
        } catch {
            FileHandle.standardError.write(Data("bench: \(error)\n".utf8))
            exit(1)
        }
    }

    static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}

/// `--filter` and `--skip` regular expressions, matched against whole benchmark names, and `--markdown FILE`, where
/// the generator and locale tables are written.
struct Selection {
    var filters: [String] = []
    var skips: [String] = []
    var markdown: String?
    /// The command that ran the bench, for the markdown file.
    var command: String

    /// Nil when the arguments hold anything else.
    init?(_ arguments: ArraySlice<String>) {
        var rest = arguments
        while let option = rest.popFirst() {
            guard let value = rest.popFirst() else { return nil }
            switch option {
            case "--filter": filters.append(value)
            case "--skip": skips.append(value)
            case "--markdown": markdown = value
            default: return nil
            }
        }
        let quoted = arguments.map { argument in
            argument.allSatisfy { $0.isLetter || $0.isNumber || "-_./=".contains($0) } ? argument : "'\(argument)'"
        }
        command = (["swift run -c release --scratch-path .build-bench bench"] + quoted).joined(separator: " ")
    }

    func includes(_ name: String) -> Bool {
        func matches(_ pattern: String) -> Bool {
            (try? Regex(pattern)).map { name.wholeMatch(of: $0) != nil } ?? false
        }
        return (filters.isEmpty || filters.contains(where: matches)) && !skips.contains(where: matches)
    }
}
