import Benchmark
import Foundation
import PhoneyCore

/// Nanoseconds per value of every generator in the catalog, each compiled alone into `{"v": "{{name}}"}` (en_US,
/// NDJSON) and rendered by the interpreter loop.
///
/// One ordo-one benchmark, `generators ns per value`, whose every run is one round over all generators: each is timed
/// for about a millisecond of records, so a burst of background load spoils one sample of a few generators rather
/// than every sample of one. The constant record `{"v":"x"}` is timed the same way in every round; it is the record
/// frame (the record loop, seeding the record's random stream, writing the record's literal bytes), and a
/// generator's ns per value is the median of its ns per record minus the median of the frame's.
///
/// The compiler refuses a template without placeholders, so the frame's plan is built by hand: one literal op.
enum GeneratorBenchmarks {
    static let name = "generators ns per value"

    /// Arguments for the generators that do not compile without any; each is used only when the bare name fails.
    /// Every generator of the catalog compiles bare today (`random_element` defaults to `[a, b, c]`), so
    /// this is empty; a generator given a required parameter belongs here, else it is reported as skipped.
    static let arguments: [String: String] = [:]

    /// Generators that write text of several sentences; only these may take more than a microsecond per value.
    static let multiSentenceText: Set<String> = ["paragraph", "paragraphs", "sentences", "text", "texts"]

    /// The frame's row name in the tables.
    static let frameName = "(frame: {\"v\":\"x\"})"

    /// What the generator benchmark measured; read by the report after the runner is done.
    nonisolated(unsafe) static var sampler: Sampler?

    static func register() {
        var subjects: [Subject] = []
        for spec in Catalog.specs {
            do {
                subjects.append(try Subject(name: spec.name, provider: spec.provider))
            } catch {
                Registry.skipped.append("generator \(spec.name): \(error)")
            }
        }
        let sampler = Sampler(frame: Subject(frame: Array("{\"v\":\"x\"}\n".utf8)), subjects: subjects)
        self.sampler = sampler
        let workload = Workload(unit: "round", perRun: UInt64(subjects.count + 1))
        // Each run is a round of about a quarter of a second; thirty measured rounds give each generator thirty samples
        // (five with `--quick`).
        let configuration = Benchmark.Configuration.phoney(
            maxDuration: .seconds(60), maxIterations: 30, quickDuration: .seconds(5), quickIterations: 5)
        Workload.benchmark(name, workload, configuration: configuration) { _ in
            sampler.round()
        }
    }

    /// One compiled template and its samples.
    final class Subject {
        let name: String
        let provider: String
        /// The placeholder's arguments when the bare name did not compile; empty otherwise.
        let arguments: String
        let plan: Plan
        let permutations: [UniquePermutation]
        /// Records per timed sample, set by the first (warm-up) round: about `Sampler.sampleNanoseconds` worth.
        var records: UInt64 = 0
        /// Nanoseconds per record of each measured sample.
        var samples: [Double] = []

        init(template: String, name: String, provider: String, arguments: String = "") throws(FixtureError) {
            do {
                plan = try Plan.compile(json: template, options: Fixture.options())
            } catch {
                throw FixtureError(message: "`\(template)` does not compile: \(error)")
            }
            self.name = name
            self.provider = provider
            self.arguments = arguments
            permutations = plan.permutations(seed: Fixture.seed)
        }

        /// The frame: a plan that writes `literal` and nothing else.
        init(frame literal: [UInt8]) {
            plan = Plan(
                ops: [.literal(start: 0, count: UInt32(literal.count))], literals: literal, generators: [], arrays: [],
                uniqueDomains: [], uniqueStrides: [], uniqueFields: [], format: .ndjson, fields: [], columns: [],
                warnings: [], estimatedRecordBytes: literal.count)
            name = GeneratorBenchmarks.frameName
            provider = ""
            arguments = ""
            permutations = []
        }

        /// The one-field template of a generator, with arguments only if the bare name does not compile.
        convenience init(name: String, provider: String) throws(FixtureError) {
            do {
                try self.init(template: GeneratorBenchmarks.template(name), name: name, provider: provider)
            } catch {
                guard let arguments = GeneratorBenchmarks.arguments[name] else { throw error }
                try self.init(
                    template: GeneratorBenchmarks.template(name, arguments), name: name, provider: provider,
                    arguments: arguments)
            }
        }

        var median: Double { Self.percentile(samples, 0.5) }
        var best: Double { samples.min() ?? .nan }

        static func percentile(_ values: [Double], _ fraction: Double) -> Double {
            guard !values.isEmpty else { return .nan }
            let sorted = values.sorted()
            let position = fraction * Double(sorted.count - 1)
            let low = Int(position.rounded(.down))
            let high = Int(position.rounded(.up))
            return (sorted[low] + sorted[high]) / 2
        }
    }

    static func template(_ name: String, _ arguments: String = "") -> String {
        arguments.isEmpty ? "{\"v\": \"{{\(name)}}\"}" : "{\"v\": \"{{\(name):\(arguments)}}\"}"
    }

    /// Times every subject once per round, into one reused context.
    final class Sampler {
        /// Wall time aimed at per sample.
        static let sampleNanoseconds: Double = 1_000_000
        /// Records rendered untimed before each sample, so it starts with the generator's tables in cache.
        static let warmRecords: UInt64 = 16

        let frame: Subject
        let subjects: [Subject]
        let context = EmitContext(capacity: 1 << 20)
        /// Rounds run, the warm-up round included, and the nanoseconds they took in all.
        var rounds = 0
        var nanoseconds: UInt64 = 0

        init(frame: Subject, subjects: [Subject]) {
            self.frame = frame
            self.subjects = subjects
        }

        func round() {
            let start = DispatchTime.now().uptimeNanoseconds
            sample(frame)
            for subject in subjects { sample(subject) }
            rounds += 1
            nanoseconds += DispatchTime.now().uptimeNanoseconds - start
        }

        /// Records the subject's ns per record; on its first call only sizes its samples.
        func sample(_ subject: Subject) {
            if subject.records == 0 {
                // The second probe runs warm; the first pays for the generator's first touch of its tables.
                let probe: UInt64 = 512
                _ = time(subject, records: probe)
                let perRecord = Double(time(subject, records: probe)) / Double(probe)
                subject.records = UInt64(min(50_000, max(32, Self.sampleNanoseconds / max(perRecord, 1))))
                return
            }
            _ = RenderBenchmarks.interpreterLoop(
                subject.plan, records: Self.warmRecords, permutations: subject.permutations, into: context)
            subject.samples.append(Double(time(subject, records: subject.records)) / Double(subject.records))
        }

        func time(_ subject: Subject, records: UInt64) -> UInt64 {
            let start = DispatchTime.now().uptimeNanoseconds
            let bytes = RenderBenchmarks.interpreterLoop(
                subject.plan, records: records, permutations: subject.permutations, into: context)
            let end = DispatchTime.now().uptimeNanoseconds
            blackHole(bytes)
            return end - start
        }
    }
}
