import Foundation
import PhoneyCore

/// Every figure of one bench run, for `--json FILE` (what `scripts/bench-report.sh` turns into the README's tables).
///
/// Times are nanoseconds per unit of work (a record, a parse, a compile, a lookup, a request). Wall-clock figures
/// move with the machine's load, so each comes with its ratio to the reference measured in the same run, the
/// hand-specialised `person` generator: `throughputVersusReference` for records (records/s as a multiple of the
/// reference's, medians; `bestThroughputVersusReference` from the best runs) and `costInReferenceRecords` for every
/// unit (its median time in the reference's records).
struct BenchDocument: Encodable {
    struct Machine: Encodable {
        var cpu: String
        var cores: Int
        var loadAverageBefore: String
        var loadAverageAfter: String
        var allocator: String
        var mallocsCounted: Bool
    }

    struct Reference: Encodable {
        var benchmark: String
        var medianNanosecondsPerRecord: Double
        var bestNanosecondsPerRecord: Double
        var recordsPerSecond: Double
        /// Whether its bytes equal the interpreter's (checked at start-up).
        var check: String
    }

    struct Entry: Encodable {
        var name: String
        var unit: String
        var unitsPerRun: UInt64
        var threads: Int
        var runs: Int
        var medianNanosecondsPerUnit: Double
        var bestNanosecondsPerUnit: Double
        var unitsPerSecond: Double
        var megabytesPerSecond: Double
        var bytesPerRun: Int
        /// Nil when the malloc interposer did not see the calls.
        var mallocsPerUnit: Double?
        var throughputVersusReference: Double?
        /// The same from the best runs (background load only ever adds time).
        var bestThroughputVersusReference: Double?
        var costInReferenceRecords: Double?
    }

    struct Generator: Encodable {
        var name: String
        var provider: String
        var arguments: String
        var samples: Int
        var nanosecondsPerValue: Double
        var bestNanosecondsPerValue: Double
        var nanosecondsPerRecord: Double
    }

    var command: String
    var quick: Bool
    var date: String
    var seconds: Double
    var machine: Machine
    var recordsPerRenderRun: UInt64
    var seed: UInt64
    var reference: Reference?
    var benchmarks: [Entry]
    var ratios: [Report.Ratio]
    /// Nanoseconds per value of each generator (the frame subtracted), when the generator benchmark ran.
    var generators: [Generator]
    var skipped: [String]
    var failed: [String]

    init(
        _ outcomes: [BenchHost.Outcome], command: String, quick: Bool, seconds: Double, loadBefore: String,
        loadAfter: String
    ) {
        let rows = outcomes.compactMap(Row.init)
        let (allocator, counted) = Report.allocator
        let reference = rows.first { $0.name == Specialized.benchmarkName }
        self.command = command
        self.quick = quick
        date = ISO8601DateFormatter().string(from: Date())
        self.seconds = seconds
        machine = Machine(
            cpu: Self.cpuModel, cores: Executor.defaultThreads, loadAverageBefore: loadBefore,
            loadAverageAfter: loadAfter, allocator: allocator, mallocsCounted: counted)
        recordsPerRenderRun = Fixture.recordsPerRun
        seed = Fixture.seed
        self.reference = reference.map { row in
            Reference(
                benchmark: row.name, medianNanosecondsPerRecord: row.nanosecondsPerUnit,
                bestNanosecondsPerRecord: row.bestNanosecondsPerUnit, recordsPerSecond: row.unitsPerSecond,
                check: Specialized.check)
        }
        benchmarks = rows.filter { $0.workload.unit != "round" }.map { row in
            Entry(
                name: row.name, unit: row.workload.unit, unitsPerRun: row.workload.perRun,
                threads: row.workload.threads, runs: row.runs, medianNanosecondsPerUnit: row.nanosecondsPerUnit,
                bestNanosecondsPerUnit: row.bestNanosecondsPerUnit, unitsPerSecond: row.unitsPerSecond,
                megabytesPerSecond: row.megabytesPerSecond, bytesPerRun: row.workload.bytesPerRun,
                mallocsPerUnit: counted ? row.mallocsPerUnit : nil,
                throughputVersusReference: row.workload.unit == "record" ? reference.map(row.throughputVersus) : nil,
                bestThroughputVersusReference: row.workload.unit == "record"
                    ? reference.map { $0.bestNanosecondsPerUnit / row.bestNanosecondsPerUnit } : nil,
                costInReferenceRecords: reference.map { row.costInRecords(of: $0) })
        }
        ratios = Report.ratios(rows.filter { $0.workload.unit == "record" })
        if rows.contains(where: { $0.name == GeneratorBenchmarks.name }), let sampler = GeneratorBenchmarks.sampler {
            generators = GeneratorReport.lines(sampler).map { line in
                Generator(
                    name: line.name, provider: line.provider, arguments: line.arguments, samples: line.samples,
                    nanosecondsPerValue: line.nanosecondsPerValue,
                    bestNanosecondsPerValue: line.bestNanosecondsPerValue,
                    nanosecondsPerRecord: line.nanosecondsPerRecord)
            }
        } else {
            generators = []
        }
        skipped = Registry.skipped
        failed = outcomes.compactMap { outcome in outcome.error.map { "\(outcome.name): \($0)" } }
    }

    /// The `model name` line of `/proc/cpuinfo`, or `unknown`.
    static var cpuModel: String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return "unknown"
    }

    func write(toFile path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        // A median of no runs is NaN, which JSON cannot hold.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }
}
