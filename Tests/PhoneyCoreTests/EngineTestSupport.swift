import Glibc
import Testing

@testable import PhoneyCore

/// Helpers shared by the engine tests: compile, render, read records back.
enum EngineTest {
    /// A fixed reference time, so relative dates never depend on the day the tests run.
    static let now: Int64 = 1_700_000_000

    static func options(
        _ format: OutputFormat = .json, locale: String = "en_US", uniqueAll: Bool = false
    ) -> CompileOptions {
        CompileOptions(format: format, locale: locale, uniqueAll: uniqueAll, now: now)
    }

    static func compile(_ template: String, _ options: CompileOptions = options()) throws -> Plan {
        try Plan.compile(json: template, options: options)
    }

    /// The errors a template fails with; empty when it compiles.
    static func errors(_ template: String, _ options: CompileOptions = options()) -> [TemplateError] {
        do {
            _ = try Plan.compile(json: template, options: options)
            return []
        } catch {
            return error.errors
        }
    }

    /// The single error a template fails with.
    static func error(
        _ template: String, _ options: CompileOptions = options(), sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> TemplateError {
        let found = errors(template, options)
        #expect(found.count == 1, "expected one error, got \(found)", sourceLocation: sourceLocation)
        return try #require(found.first, sourceLocation: sourceLocation)
    }

    static func bytes(
        _ template: String, _ format: OutputFormat = .json, seed: UInt64 = 42, offset: UInt64 = 0, count: UInt64,
        threads: Int = 2, uniqueAll: Bool = false
    ) throws -> [UInt8] {
        let plan = try compile(template, options(format, uniqueAll: uniqueAll))
        return try Executor.render(plan, Executor.Run(seed: seed, offset: offset, count: count, threads: threads))
    }

    static func text(
        _ template: String, _ format: OutputFormat = .json, seed: UInt64 = 42, offset: UInt64 = 0, count: UInt64,
        threads: Int = 2, uniqueAll: Bool = false
    ) throws -> String {
        let output = try bytes(
            template, format, seed: seed, offset: offset, count: count, threads: threads, uniqueAll: uniqueAll)
        return String(decoding: output, as: UTF8.self)
    }

    /// Records of NDJSON text: one object per `\n`-terminated line.
    static func records(ndjson text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [JSONValue] {
        #expect(text.isEmpty || text.hasSuffix("\n"), "NDJSON must end with a newline", sourceLocation: sourceLocation)
        return try text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
            let value = try JSONValue.parse(String(line))
            guard case .object = value else {
                Issue.record("NDJSON line is not an object: \(line)", sourceLocation: sourceLocation)
                return value
            }
            return value
        }
    }

    /// Records of a JSON document: one array of objects.
    static func records(json text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [JSONValue] {
        guard case .array(let items) = try JSONValue.parse(text, limits: TemplateLimits(maxBytes: .max, maxNodes: .max))
        else {
            Issue.record("JSON output is not one array", sourceLocation: sourceLocation)
            return []
        }
        return items
    }

    /// Renders NDJSON and parses it back.
    static func records(
        _ template: String, seed: UInt64 = 42, offset: UInt64 = 0, count: UInt64, threads: Int = 2,
        uniqueAll: Bool = false
    ) throws -> [JSONValue] {
        try records(
            ndjson: text(
                template, .ndjson, seed: seed, offset: offset, count: count, threads: threads, uniqueAll: uniqueAll))
    }
}

extension JSONValue {
    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var keys: [String] {
        if case .object(let members) = self { return members.map(\.key) }
        return []
    }
}

/// Whole-file reads and writes with Glibc, so the tests need no Foundation.
enum TestFiles {
    /// The repository root, found from this file's path (`<root>/Tests/PhoneyCoreTests/…`).
    static func repositoryRoot(_ filePath: String = #filePath) -> String {
        var parts = filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }

    static func read(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var contents: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let read = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if read == 0 { break }
            contents.append(contentsOf: buffer[0..<read])
        }
        return contents
    }

    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        guard let file = fopen(path, "wb") else { return false }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        return fclose(file) == 0 && written == bytes.count
    }
}
