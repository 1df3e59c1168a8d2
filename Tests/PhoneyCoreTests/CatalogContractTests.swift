import Testing

@testable import PhoneyCore

/// What the engine relies on from every generator in the catalog, checked with default arguments: the declared
/// JSON type and escaping flag are honest, and distinct unique indices write distinct values.
struct CatalogContractTests {
    /// Catalog generators that compile without arguments.
    static let compilable: [String] = Catalog.specs.compactMap { spec in
        var arguments = Arguments(generator: spec.name, values: [], now: EngineTest.now)
        return (try? spec.compile(&arguments, LocaleData.enUS)) == nil ? nil : spec.name
    }

    /// Those of them that offer unique values.
    static let enumerable: [String] = compilable.filter { name in
        var arguments = Arguments(generator: name, values: [], now: EngineTest.now)
        return (try? Catalog.lookup(name)?.compile(&arguments, LocaleData.enUS))??.emitIndexed != nil
    }

    static func compiled(_ name: String) throws -> CompiledGenerator {
        let spec = try #require(Catalog.lookup(name))
        var arguments = Arguments(generator: name, values: [], now: EngineTest.now)
        return try spec.compile(&arguments, LocaleData.enUS)
    }

    /// A value of the declared type, or null (Faker's `null_boolean` and optional values).
    func matches(_ value: JSONValue, _ type: ValueType) -> Bool {
        switch (type, value) {
        case (_, .null), (.string, .string), (.boolean, .bool), (.object, .object), (.array, .array),
            (.number, .number):
            return true
        case (.integer, .number(let text)):
            return Int64(text) != nil
        default:
            return false
        }
    }

    /// A lone placeholder has the declared type, text around it keeps the record valid JSON, and CSV stays
    /// well-formed; a generator that declares itself JSON-safe never writes bytes that need escaping.
    @Test(arguments: compilable)
    func valuesAreTypedAndEscaped(_ name: String) throws {
        let generator = try Self.compiled(name)
        let template = #"{"v":"{{\#(name)}}","t":"<{{\#(name)}}>"}"#
        let count: UInt64 = 300
        let text = try EngineTest.text(template, .ndjson, seed: 77, count: count)
        let records = try EngineTest.records(ndjson: text)
        #expect(records.count == Int(count))
        let mistyped = records.compactMap { $0["v"] }.filter { !matches($0, generator.type) }
        #expect(mistyped.isEmpty, "\(name) declares \(generator.type), wrote \(mistyped.first?.serialized ?? "")")
        let unwrapped = records.filter { record in
            guard let text = record["t"]?.stringValue else { return true }
            return !(text.hasPrefix("<") && text.hasSuffix(">"))
        }
        #expect(unwrapped.isEmpty, "\(name) in text: \(unwrapped.first?.serialized ?? "")")
        if generator.jsonSafe && generator.type == .string {
            let raw = try EngineTest.bytes(#"{"v":"{{\#(name)}}"}"#, .ndjson, seed: 77, count: count)
            let escapes = raw.filter { $0 == UInt8(ascii: "\\") }.count
            #expect(escapes == 0, "\(name) claims JSON-safe output but wrote bytes that need escaping")
        }
        let csv = try CSVReader.parse(try EngineTest.bytes(template, .csv, seed: 77, count: count))
        #expect(csv.count == Int(count) + 1)
        #expect(csv.allSatisfy { $0.count == 2 })
        for (row, record) in zip(csv.dropFirst(), records) where generator.type == .string {
            #expect(row[0] == record["v"]?.stringValue)
        }
    }

    /// Distinct indices write distinct values: all of a small domain, an even sample of a large one.
    @Test(arguments: enumerable)
    func distinctIndicesWriteDistinctValues(_ name: String) throws {
        let generator = try Self.compiled(name)
        let emit = try #require(generator.emitIndexed)
        let domain = generator.uniqueDomain
        try #require(domain > 0)
        let samples = min(domain, 20_000)
        let step = domain / samples
        let context = EmitContext(capacity: 1 << 12)
        var seen: [String: UInt64] = [:]
        seen.reserveCapacity(Int(samples))
        var collisions: [String] = []
        for sample in 0..<samples {
            let index = sample * step
            context.out.removeAll()
            context.begin(record: sample, seed: 1)
            emit(context, index)
            let value = String(decoding: context.out.bytes, as: UTF8.self)
            if let earlier = seen.updateValue(index, forKey: value), collisions.count < 5 {
                collisions.append("`\(value)` at indices \(earlier) and \(index)")
            }
        }
        let repeats = Int(samples) - seen.count
        #expect(seen.count == Int(samples), "\(name): \(repeats) repeats in \(samples), e.g. \(collisions)")
    }
}
