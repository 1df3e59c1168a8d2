import Benchmark
import Foundation
import PhoneyCore

#if canImport(Glibc)
    import Glibc
#endif

/// The figures of one benchmark, per unit of work (a record, a compile, a lookup).
struct Row {
    var name: String
    var workload: Workload
    var runs: Int
    /// Wall time of one run, median and best, in nanoseconds.
    var medianNanoseconds: Double
    var bestNanoseconds: Double
    /// Mallocs in one run, median and most.
    var medianMallocs: Double
    var mostMallocs: Double

    init?(_ outcome: BenchHost.Outcome) {
        guard let workload = Registry.workloads[outcome.name],
            let wall = outcome.results.first(where: { $0.metric == .wallClock })?.statistics
        else { return nil }
        let mallocs = outcome.results.first(where: { $0.metric == .mallocCountTotal })?.statistics
        let wallPercentiles = wall.percentiles(for: [0, 50])
        let mallocPercentiles = mallocs?.percentiles(for: [50, 100]) ?? [0, 0]
        self.name = outcome.name
        self.workload = workload
        self.runs = wall.measurementCount
        self.bestNanoseconds = Double(wallPercentiles[0])
        self.medianNanoseconds = Double(wallPercentiles[1])
        self.medianMallocs = Double(mallocPercentiles[0])
        self.mostMallocs = Double(mallocPercentiles[1])
    }

    var perRun: Double { Double(workload.perRun) }
    var nanosecondsPerUnit: Double { medianNanoseconds / perRun }
    var bestNanosecondsPerUnit: Double { bestNanoseconds / perRun }
    var unitsPerSecond: Double { perRun * 1e9 / medianNanoseconds }
    var megabytesPerSecond: Double { Double(workload.bytesPerRun) * 1e3 / medianNanoseconds }
    var mallocsPerUnit: Double { medianMallocs / perRun }

    /// Records per second as a multiple of `reference`'s (medians): the way wall-clock throughput is read, since
    /// both moved with the same machine's load in the same run.
    func throughputVersus(_ reference: Row) -> Double {
        reference.nanosecondsPerUnit / nanosecondsPerUnit
    }

    /// The median time of one unit (a compile, a request) in records of `reference` (its median).
    func costInRecords(of reference: Row) -> Double {
        nanosecondsPerUnit / reference.nanosecondsPerUnit
    }
}

/// Prints the results as two tables (rendering, templates) and the ratios worth reading.
enum Report {
    static func print(_ outcomes: [BenchHost.Outcome], skipped: [String], seconds: Double, loadBefore: String) {
        let rows = outcomes.compactMap(Row.init)
        let renders = rows.filter { $0.workload.unit == "record" }
        // The generator benchmark's runs are rounds over every generator; its own table follows.
        let templates = rows.filter { $0.workload.unit != "record" && $0.workload.unit != "round" }
        line("Phoney benchmarks")
        let (allocator, counted) = Report.allocator
        line("  allocator: \(allocator)")
        line("  machine: \(Executor.defaultThreads) cores; load average before \(loadBefore), after \(loadAverage)")
        line("  render runs: \(grouped(Double(Fixture.recordsPerRun))) records to NDJSON, seed \(Fixture.seed)")
        let reference = rows.first { $0.name == Specialized.benchmarkName }
        if let reference {
            line(
                "  reference: the hand-specialised person generator, \(fixed(reference.nanosecondsPerUnit, 1)) "
                    + "ns/record (median) in this run; x ref = records/s as a multiple of its; ref records = the "
                    + "time of one unit in its records")
        }
        line("")
        if !renders.isEmpty {
            table(
                [
                    "render", "runs", "records/s", "x ref", "MB/s", "ns/record", "best ns/rec", "mallocs/run",
                    "mallocs/record",
                ],
                renders.map { row in
                    [
                        row.name, "\(row.runs)", grouped(row.unitsPerSecond),
                        reference.map { fixed(row.throughputVersus($0), 2) } ?? "-", fixed(row.megabytesPerSecond, 1),
                        fixed(row.nanosecondsPerUnit, 1), fixed(row.bestNanosecondsPerUnit, 1),
                        counted ? mallocRange(row) : "-", counted ? fixed(row.mallocsPerUnit, 5) : "-",
                    ]
                })
            line("")
        }
        if !templates.isEmpty {
            table(
                ["template", "runs", "per run", "per second", "µs each", "best µs", "ref records", "mallocs each"],
                templates.map { row in
                    [
                        row.name, "\(row.runs)", grouped(row.perRun), grouped(row.unitsPerSecond),
                        fixed(row.nanosecondsPerUnit / 1e3, 3), fixed(row.bestNanosecondsPerUnit / 1e3, 3),
                        reference.map { fixed(row.costInRecords(of: $0), 1) } ?? "-",
                        counted ? fixed(row.mallocsPerUnit, 2) : "-",
                    ]
                })
            line("")
        }
        if rows.contains(where: { $0.name == GeneratorBenchmarks.name }), let sampler = GeneratorBenchmarks.sampler {
            GeneratorReport.print(sampler)
        }
        ratios(printing: renders)
        for reason in skipped { line("skipped: \(reason)") }
        for outcome in outcomes where outcome.error != nil {
            line("failed: \(outcome.name): \(outcome.error!)")
        }
        line(String(format: "(%.0f s in all; medians of the runs; MB = 10^6 bytes)", seconds))
    }

    /// One ratio of records per second: `fast` over `slow`, from the best runs (background load only ever adds
    /// time) and from the medians.
    struct Ratio: Encodable {
        var fixture: String
        var comparison: String
        var best: Double
        var median: Double
    }

    /// The ratios worth reading: threads, the interpreter against the specialised generator, the executor's cost.
    static func ratios(_ renders: [Row]) -> [Ratio] {
        func find(_ name: String) -> Row? { renders.first { $0.name == name } }
        func ratio(_ fixture: String, _ comparison: String, _ fast: Row, _ slow: Row) -> Ratio {
            Ratio(
                fixture: fixture, comparison: comparison,
                best: slow.bestNanosecondsPerUnit / fast.bestNanosecondsPerUnit,
                median: slow.nanosecondsPerUnit / fast.nanosecondsPerUnit)
        }
        var ratios: [Ratio] = []
        for fixture in Fixture.allCases {
            let name = fixture.rawValue
            let base = "render \(name) ndjson"
            let one = find("\(base) 1 thread")
            let loop = find("\(base) 1 thread, interpreter loop")
            if let one, let all = find("\(base) all threads") {
                ratios.append(ratio(name, "all threads (\(all.workload.threads)) vs 1 thread", all, one))
            }
            if let loop, let special = find("\(base) 1 thread, specialized") {
                ratios.append(ratio(name, "specialized vs interpreter loop", special, loop))
            }
            if let one, let loop {
                ratios.append(ratio(name, "bare interpreter loop vs executor, 1 thread", loop, one))
            }
        }
        return ratios
    }

    /// Prints the ratios of `renders`.
    static func ratios(printing renders: [Row]) {
        var lines = ratios(renders).map { ratio in
            var text =
                "\(ratio.fixture): \(ratio.comparison): \(fixed(ratio.best, 2))x (medians: "
                + "\(fixed(ratio.median, 2))x)"
            if ratio.comparison.hasPrefix("specialized") {
                text += "; the interpreter runs at \(fixed(100 / ratio.best, 0))% of the ceiling"
            }
            return text
        }
        if renders.contains(where: { $0.name == Specialized.benchmarkName }) {
            lines.append("person: specialized output: \(Specialized.check)")
        }
        guard !lines.isEmpty else { return }
        line("ratios of records per second (best runs; medians in parentheses)")
        for text in lines { line("  " + text) }
        line("")
    }

    /// The malloc implementation in use (jemalloc when it is preloaded, else glibc's), and whether the benchmark
    /// package's malloc interposer sees the calls: it must be the first `malloc` in the symbol lookup order.
    static var allocator: (description: String, counted: Bool) {
        func loaded(_ library: String) -> UnsafeMutableRawPointer? { dlopen(library, RTLD_LAZY | RTLD_NOLOAD) }
        let name = loaded("libjemalloc.so.2") != nil ? "jemalloc" : "glibc malloc"
        guard let interposer = loaded("libMallocInterposerSwift.so"), let counted = dlsym(interposer, "malloc") else {
            return ("\(name) (no malloc interposer: malloc counts not measured)", false)
        }
        guard dlsym(nil, "malloc") == counted else {
            return ("\(name) (malloc resolves ahead of the interposer: malloc counts not measured)", false)
        }
        return (name, true)
    }

    /// The 1, 5 and 15 minute load averages.
    static var loadAverage: String {
        var loads = [0.0, 0.0, 0.0]
        guard getloadavg(&loads, 3) == 3 else { return "?" }
        return loads.map { fixed($0, 2) }.joined(separator: " ")
    }

    static func mallocRange(_ row: Row) -> String {
        row.mostMallocs == row.medianMallocs
            ? grouped(row.medianMallocs) : "\(grouped(row.medianMallocs))..\(grouped(row.mostMallocs))"
    }

    static func table(_ header: [String], _ rows: [[String]]) {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        for (index, row) in all.enumerated() {
            let cells = row.indices.map { column in
                column == 0
                    ? row[column].padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - row[column].count) + row[column]
            }
            line(cells.joined(separator: "  "))
            if index == 0 { line(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
    }

    static func grouped(_ value: Double) -> String {
        let digits = String(Int(value.rounded()))
        var result = ""
        for (index, character) in digits.reversed().enumerated() {
            if index > 0, index % 3 == 0, character != "-" { result.append(",") }
            result.append(character)
        }
        return String(result.reversed())
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    static func line(_ text: String) {
        Swift.print(text)
    }
}
