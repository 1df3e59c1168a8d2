import Benchmark
import Foundation
import PhoneyCore

/// `PHONEY_BENCHMARKS=1 swift run -c release bench`: runs every benchmark and prints per-record figures, then the
/// ratios between them.
///
/// `--quick` measures every benchmark briefly (the test command's run, under a minute); `--filter REGEX` and
/// `--skip REGEX` pick benchmarks by name, as the package's runner does (the reference, the hand-specialised
/// `person` generator, always runs: wall-clock figures are read as ratios to it); `--json FILE` writes every figure
/// there; `--markdown FILE` also writes the generator and locale tables there (as in `Benchmarks/GENERATORS.md`).
/// Any other argument hands over to the package's runner unchanged (so `swift package benchmark` and
/// `--allocation-stacks` work).
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
        RunLength.quick = selection.quick
        registerBenchmarks()
        let selected = Registry.benchmarks.filter {
            selection.includes($0.name) || $0.name == Specialized.benchmarkName
        }
        do {
            let outcomes = try await BenchHost.run(selected)
            let seconds = monotonicSeconds() - start
            let loadAfter = Report.loadAverage
            Report.print(outcomes, skipped: Registry.skipped, seconds: seconds, loadBefore: loadBefore)
            if let path = selection.json {
                let document = BenchDocument(
                    outcomes, command: selection.command, quick: selection.quick, seconds: seconds,
                    loadBefore: loadBefore, loadAfter: loadAfter)
                try document.write(toFile: path)
                Report.line("wrote \(path)")
            }
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

/// `--filter` and `--skip` regular expressions, matched against whole benchmark names; `--quick`; `--json FILE`,
/// where every figure is written; and `--markdown FILE`, where the generator and locale tables are written.
struct Selection {
    var filters: [String] = []
    var skips: [String] = []
    var quick = false
    var json: String?
    var markdown: String?
    /// The command that ran the bench, for the markdown file.
    var command: String

    /// Nil when the arguments hold anything else.
    init?(_ arguments: ArraySlice<String>) {
        var rest = arguments
        while let option = rest.popFirst() {
            if option == "--quick" {
                quick = true
                continue
            }
            guard let value = rest.popFirst() else { return nil }
            switch option {
            case "--filter": filters.append(value)
            case "--skip": skips.append(value)
            case "--json": json = value
            case "--markdown": markdown = value
            default: return nil
            }
        }
        let quoted = arguments.map { argument in
            argument.allSatisfy { $0.isLetter || $0.isNumber || "-_./=".contains($0) } ? argument : "'\(argument)'"
        }
        command = (["PHONEY_BENCHMARKS=1 swift run -c release bench"] + quoted).joined(separator: " ")
    }

    func includes(_ name: String) -> Bool {
        func matches(_ pattern: String) -> Bool {
            (try? Regex(pattern)).map { name.wholeMatch(of: $0) != nil } ?? false
        }
        return (filters.isEmpty || filters.contains(where: matches)) && !skips.contains(where: matches)
    }
}
