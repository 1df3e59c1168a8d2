// Fixed-seed golden outputs. Each case renders `fixtures/golden/NAME.template.json` with seed 42 and
// `now` = 1_700_000_000 and compares the bytes with `fixtures/golden/NAME.seed42.EXT`.
//
// A difference means the data a user gets for a given seed has changed. That is a deliberate, documented change,
// never a side effect: say why in the commit, then re-record with
//
//     RECORD_GOLDEN=1 swift test --filter GoldenTests
//
// and review the diff of `fixtures/golden/` before committing it.
import Glibc
import Testing

@testable import PhoneyCore

struct GoldenTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var format: OutputFormat
        var count: UInt64

        var fileExtension: String { format.rawValue }
        var testDescription: String { "\(name).seed42.\(fileExtension)" }
    }

    static let cases: [Case] = [
        Case(name: "person", format: .ndjson, count: 8),
        Case(name: "person", format: .csv, count: 8),
        Case(name: "order", format: .ndjson, count: 6),
        Case(name: "order", format: .json, count: 3),
        Case(name: "order", format: .csv, count: 6),
    ]

    static let directory = TestFiles.repositoryRoot() + "/fixtures/golden"
    static var recording: Bool { getenv("RECORD_GOLDEN").map { String(cString: $0) == "1" } ?? false }

    func render(_ test: Case, threads: Int) throws -> [UInt8] {
        let source = try #require(
            TestFiles.read("\(Self.directory)/\(test.name).template.json"), "missing template \(test.name)")
        let options = CompileOptions(format: test.format, now: 1_700_000_000)
        let plan = try Plan.compile(json: String(decoding: source, as: UTF8.self), options: options)
        return try Executor.render(plan, Executor.Run(seed: 42, count: test.count, threads: threads))
    }

    @Test(arguments: cases)
    func matchesGoldenFile(_ test: Case) throws {
        let output = try render(test, threads: 1)
        let path = "\(Self.directory)/\(test.name).seed42.\(test.fileExtension)"
        if Self.recording {
            #expect(TestFiles.write(output, to: path), "could not write \(path)")
            return
        }
        let golden = try #require(
            TestFiles.read(path), "missing \(path); record it with RECORD_GOLDEN=1 swift test --filter GoldenTests")
        if output != golden {
            let prefix = zip(output, golden).prefix { $0 == $1 }.count
            let context = String(decoding: output[prefix..<min(output.count, prefix + 120)], as: UTF8.self)
            Issue.record(
                "\(path) differs from byte \(prefix) (got \(output.count) bytes, golden \(golden.count)): \(context)")
        }
        #expect(try render(test, threads: 4) == output, "golden output must not depend on the thread count")
    }

    @Test func goldenFilesAreWellFormed() throws {
        for test in Self.cases where !Self.recording {
            let golden = try #require(TestFiles.read("\(Self.directory)/\(test.name).seed42.\(test.fileExtension)"))
            let text = String(decoding: golden, as: UTF8.self)
            switch test.format {
            case .ndjson: #expect(try EngineTest.records(ndjson: text).count == Int(test.count))
            case .json: #expect(try EngineTest.records(json: text).count == Int(test.count))
            case .csv: #expect(try CSVReader.parse(golden).count == Int(test.count) + 1)
            }
        }
    }
}
