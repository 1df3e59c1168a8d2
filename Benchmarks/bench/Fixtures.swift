import Foundation
import PhoneyCore

/// The templates the benchmarks render, read from the repository's `fixtures/` folder.
enum Fixture: String, CaseIterable {
    /// A person: id, names, email, phone, age, date, flag and a nested address (eleven values).
    case person
    /// The original Phoney's three-field example: name, email, phone number.
    case simple
    /// An order with a customer, a date and a literal array of five line items.
    case nested
    /// Fifty fields mixing the starter generators.
    case wide

    /// Seed of every benchmark run, so each run writes the same bytes.
    static let seed: UInt64 = 42

    /// Reference time of the compiled plans (2024-01-01T00:00:00Z), so relative dates do not move between runs.
    static let now: Int64 = 1_704_067_200

    /// Records rendered per measured run: enough for the executor's per-run costs to vanish per record, few enough
    /// (a few milliseconds) that many runs finish between the scheduler's interruptions on a busy machine.
    static let recordsPerRun: UInt64 = 10_000

    /// The folder holding the fixture files: `fixtures/` at the package root, two levels above this file.
    static let directory: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/fixtures"
    }()

    var path: String { "\(Fixture.directory)/\(rawValue).json" }

    /// The template text.
    ///
    /// - Throws: `FixtureError` when the file cannot be read.
    func template() throws(FixtureError) -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw FixtureError(message: "cannot read \(path)")
        }
        return text
    }

    /// The NDJSON plan of this fixture, compiled without a cache.
    func plan(format: OutputFormat = .ndjson, locale: String = "en_US") throws(FixtureError) -> Plan {
        let text = try template()
        do {
            return try Plan.compile(json: text, options: Fixture.options(format: format, locale: locale))
        } catch {
            throw FixtureError(message: "\(rawValue).json does not compile in \(locale): \(error)")
        }
    }

    static func options(format: OutputFormat = .ndjson, locale: String = "en_US") -> CompileOptions {
        CompileOptions(format: format, locale: locale, now: now)
    }
}

/// Why a fixture could not be loaded or compiled; the benchmarks that need it are left out and the reason printed.
struct FixtureError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
