import Foundation
import PhoneyCore

/// The generator benchmark's table, on standard output and as the markdown of `Benchmarks/GENERATORS.md`.
enum GeneratorReport {
    /// The limit per value that only multi-sentence text may pass.
    static let limitNanoseconds = 1_000.0

    /// One generator's figures, the frame subtracted.
    struct Line {
        var name: String
        var provider: String
        var arguments: String
        var samples: Int
        var recordsPerSample: UInt64
        var nanosecondsPerRecord: Double
        var nanosecondsPerValue: Double
        var bestNanosecondsPerValue: Double
        var overLimit: Bool { nanosecondsPerValue > GeneratorReport.limitNanoseconds }
        var multiSentence: Bool { GeneratorBenchmarks.multiSentenceText.contains(name) }
    }

    /// Every measured generator, slowest first.
    static func lines(_ sampler: GeneratorBenchmarks.Sampler) -> [Line] {
        let frame = sampler.frame
        return sampler.subjects.filter { !$0.samples.isEmpty }.map { subject in
            Line(
                name: subject.name, provider: subject.provider, arguments: subject.arguments,
                samples: subject.samples.count, recordsPerSample: subject.records,
                nanosecondsPerRecord: subject.median, nanosecondsPerValue: subject.median - frame.median,
                bestNanosecondsPerValue: subject.best - frame.best)
        }.sorted { ($0.nanosecondsPerValue, $1.name) > ($1.nanosecondsPerValue, $0.name) }
    }

    static func print(_ sampler: GeneratorBenchmarks.Sampler) {
        let lines = lines(sampler)
        guard !lines.isEmpty else { return }
        let frame = sampler.frame
        Report.line(
            "generators: \(lines.count) one-field templates, en_US, \(frame.samples.count) samples of about "
                + "\(Report.fixed(GeneratorBenchmarks.Sampler.sampleNanoseconds / 1e6, 1)) ms each; frame "
                + "\(Report.fixed(frame.median, 1)) ns/record (best \(Report.fixed(frame.best, 1))), subtracted")
        Report.table(
            ["generator", "ns/value", "best ns/value", "ns/record", "records/sample", "> 1 µs"],
            lines.map { line in
                [
                    line.arguments.isEmpty ? line.name : "\(line.name) (\(line.arguments))",
                    Report.fixed(line.nanosecondsPerValue, 1), Report.fixed(line.bestNanosecondsPerValue, 1),
                    Report.fixed(line.nanosecondsPerRecord, 1), Report.grouped(Double(line.recordsPerSample)),
                    line.overLimit ? (line.multiSentence ? "text" : "FINDING") : "",
                ]
            })
        Report.line("")
    }

    /// Everything the benchmarks of this file and `LocaleBenchmarks` measured in one run, as markdown.
    static func markdown(
        _ sampler: GeneratorBenchmarks.Sampler?, rows: [Row], command: String, seconds: Double, loads: String
    ) -> String {
        var text = "# Generator and locale benchmarks\n\n"
        let date = ISO8601DateFormatter().string(from: Date())
        text += "Written by the bench itself, from one run (every figure below comes from that run):\n\n"
        text += "    \(command)\n\n"
        text += "- Date: \(date)\n"
        text += "- Machine: \(Executor.defaultThreads) cores, shared, noisy; load average \(loads)\n"
        text += "- Allocator: \(Report.allocator.description); the whole run took \(Report.fixed(seconds, 0)) s\n\n"
        if let sampler, !lines(sampler).isEmpty { text += generators(sampler) }
        let locales = rows.filter { $0.name.hasPrefix(LocaleBenchmarks.prefix) }
        if !locales.isEmpty { text += self.locales(locales) }
        return text
    }

    static func generators(_ sampler: GeneratorBenchmarks.Sampler) -> String {
        let lines = lines(sampler)
        let frame = sampler.frame
        let over = lines.filter(\.overLimit)
        let findings = over.filter { !$0.multiSentence }
        var text = "## Nanoseconds per value of every generator\n\n"
        text += """
            Each generator is compiled alone into `{"v": "{{name}}"}` (locale en_US, NDJSON, seed \(Fixture.seed)) and \
            rendered by the interpreter loop into one reused buffer. The benchmark `\(GeneratorBenchmarks.name)` \
            goes round all generators \(sampler.rounds) times; the first round sizes each sample to about \
            \(Report.fixed(GeneratorBenchmarks.Sampler.sampleNanoseconds / 1e6, 1)) ms of records and is not counted, \
            so each generator has \(frame.samples.count) samples. The record frame is the constant record \
            `{"v":"x"}` (a hand-built one-literal plan: the compiler refuses templates without placeholders), timed \
            in the same rounds: \(Report.fixed(frame.median, 1)) ns per record (median; best \
            \(Report.fixed(frame.best, 1))). **ns/value** is a generator's median ns per record minus the frame's \
            median; **best** is its fastest sample minus the frame's fastest. A value's cost so includes its op \
            dispatch, the generator call and the JSON escape check. The rounds took \
            \(Report.fixed(Double(sampler.nanoseconds) / 1e9, 1)) s.


            """
        text += "### Above 1 µs per value\n\n"
        if over.isEmpty {
            text += "None.\n\n"
        } else {
            text += "| generator | ns/value | best ns/value | multi-sentence text |\n|---|--:|--:|---|\n"
            for line in over {
                text += "| `\(line.name)` | \(Report.fixed(line.nanosecondsPerValue, 0)) | "
                text +=
                    "\(Report.fixed(line.bestNanosecondsPerValue, 0)) | \(line.multiSentence ? "yes" : "**no**") |\n"
            }
            text += "\n"
        }
        text +=
            findings.isEmpty
            ? "Every generator above 1 µs is multi-sentence text.\n\n"
            : "Findings (above 1 µs and not multi-sentence text): "
                + findings.map { "`\($0.name)` (\(Report.fixed($0.nanosecondsPerValue, 0)) ns)" }.joined(
                    separator: ", ") + ".\n\n"
        let needing = lines.filter { !$0.arguments.isEmpty }.sorted { $0.name < $1.name }
        text += "### Generators that do not compile without arguments\n\n"
        if needing.isEmpty {
            text += "None: all \(lines.count) compile as a bare `{{name}}` (`random_element` defaults to "
            text += "`elements=[a, b, c]`).\n"
        }
        for line in needing { text += "- `\(line.name)`: measured with `{{\(line.name):\(line.arguments)}}`\n" }
        text += "\n### Every generator, slowest first\n\n"
        text += "| # | generator | provider | ns/value | best ns/value | ns/record | records/sample |\n"
        text += "|--:|---|---|--:|--:|--:|--:|\n"
        for (index, line) in lines.enumerated() {
            let name = line.arguments.isEmpty ? "`\(line.name)`" : "`\(line.name)` (`\(line.arguments)`)"
            let flag = line.overLimit ? (line.multiSentence ? " (text)" : " **(over 1 µs)**") : ""
            text +=
                "| \(index + 1) | \(name)\(flag) | \(line.provider) | \(Report.fixed(line.nanosecondsPerValue, 1)) | "
            text +=
                "\(Report.fixed(line.bestNanosecondsPerValue, 1)) | \(Report.fixed(line.nanosecondsPerRecord, 1)) | "
            text += "\(Report.grouped(Double(line.recordsPerSample))) |\n"
        }
        return text + "\n"
    }

    static func locales(_ rows: [Row]) -> String {
        var text = "## The person fixture in every locale\n\n"
        text += """
            `fixtures/person.json` (eleven values) compiled per locale and rendered to NDJSON by `Executor.run` on one \
            thread, \(Report.grouped(Double(Fixture.recordsPerRun))) records per run (benchmarks \
            `\(LocaleBenchmarks.prefix)…`). Medians of the runs; best is the fastest run; a median far above the \
            best (spread) says background load hit that benchmark.


            """
        text += "| locale | runs | records/s | ns/record | best ns/record | spread | MB/s | bytes/record |\n"
        text += "|---|--:|--:|--:|--:|--:|--:|--:|\n"
        for row in rows {
            let locale = row.name.dropFirst(LocaleBenchmarks.prefix.count)
            text += "| \(locale) | \(row.runs) | \(Report.grouped(row.unitsPerSecond)) | "
            text += "\(Report.fixed(row.nanosecondsPerUnit, 1)) | \(Report.fixed(row.bestNanosecondsPerUnit, 1)) | "
            text += "\(Report.fixed((row.medianNanoseconds / row.bestNanoseconds - 1) * 100, 0)) % | "
            text += "\(Report.fixed(row.megabytesPerSecond, 1)) | "
            text += "\(Report.fixed(Double(row.workload.bytesPerRun) / row.perRun, 1)) |\n"
        }
        return text + "\n"
    }
}
