import Testing

@testable import PhoneyCore

/// The `python` provider and the `misc` random generators: types, ranges, number text, unique values and errors.
struct PythonGeneratorTests {
    static func values(_ placeholder: String, count: UInt64 = 500, seed: UInt64 = 42) throws -> [JSONValue] {
        try EngineTest.records(#"{"v":"\#(placeholder)"}"#, seed: seed, count: count).map { try #require($0["v"]) }
    }

    /// The JSON number texts of `placeholder`'s values; records an issue for any other value.
    static func numbers(_ placeholder: String, count: UInt64 = 500, seed: UInt64 = 42) throws -> [String] {
        try values(placeholder, count: count, seed: seed).map { value in
            guard case .number(let text) = value else {
                Issue.record("not a number: \(value)")
                return ""
            }
            return text
        }
    }

    static func integers(_ placeholder: String, count: UInt64 = 500, seed: UInt64 = 42) throws -> [Int64] {
        try numbers(placeholder, count: count, seed: seed).map { try #require(Int64($0), "not an integer: \($0)") }
    }

    static func strings(_ placeholder: String, count: UInt64 = 500) throws -> [String] {
        try values(placeholder, count: count).map { try #require($0.stringValue, "not a string: \($0)") }
    }

    /// Digits after the point of a number text; nil when it has no point.
    static func fractionDigits(_ text: String) -> Int? {
        guard let point = text.firstIndex(of: ".") else { return nil }
        return text.distance(from: point, to: text.endIndex) - 1
    }

    /// A plain decimal number: optional minus, digits, optionally a point and digits (no exponent, no `+`).
    static func isPlainDecimal(_ text: String) -> Bool {
        let body = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count)
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    @Test(arguments: [
        ("{{random_int}}", Int64(0), Int64(9_999)),
        ("{{random_int:min=-5,max=5}}", -5, 5),
        ("{{random_int:min=-1000000000000,max=-999999999990}}", -1_000_000_000_000, -999_999_999_990),
        ("{{pyint}}", 0, 9_999),
        ("{{pyint:min_value=-3,max_value=3}}", -3, 3),
        ("{{random_digit}}", 0, 9),
        ("{{random_digit_not_null}}", 1, 9),
        ("{{random_digit_above_two}}", 2, 9),
        ("{{random_number:digits=4,fix_len=true}}", 1_000, 9_999),
        ("{{random_number:digits=2}}", 0, 99),
        ("{{random_number}}", 0, 999_999_999),
        ("{{random_number:fix_len=true}}", 1, 999_999_999),
    ])
    func integersStayInRange(_ placeholder: String, _ low: Int64, _ high: Int64) throws {
        let values = try Self.integers(placeholder)
        #expect(values.allSatisfy { $0 >= low && $0 <= high }, "\(values.filter { $0 < low || $0 > high })")
        if high - low <= 20 {
            #expect(Set(values).count == Int(high - low + 1), "every value in a small range shows up in 500 draws")
        } else {
            #expect(Set(values).count > min(100, Int(high - low) / 2))
        }
    }

    @Test func stepsAreHonoured() throws {
        let values = try Self.integers("{{random_int:min=3,max=100,step=5}}")
        #expect(values.allSatisfy { ($0 - 3) % 5 == 0 && $0 >= 3 && $0 <= 98 })
        #expect(Set(values).count == 20)
        #expect(
            try Self.integers("{{pyint:min_value=-10,max_value=10,step=10}}").allSatisfy { [-10, 0, 10].contains($0) })
    }

    @Test func randomNumberWithoutDigitsVariesItsLength() throws {
        let lengths = Set(try Self.integers("{{random_number:fix_len=true}}").map { String($0).count })
        #expect(lengths.count >= 5 && lengths.isSubset(of: Set(1...9)))
    }

    @Test(arguments: [
        "{{pyfloat}}", "{{pyfloat:left_digits=3,right_digits=2}}", "{{pyfloat:min_value=-5,max_value=5}}",
        "{{pyfloat:right_digits=1,positive=true}}", "{{pyfloat:left_digits=0,right_digits=4}}",
        "{{pyfloat:min_value=0.1,max_value=0.2,right_digits=3}}", "{{pyfloat:max_value=-100}}",
        "{{pyfloat:left_digits=15}}",
    ])
    func floatsArePlainNumbersWithAFraction(_ placeholder: String) throws {
        for text in try Self.numbers(placeholder) {
            #expect(Self.isPlainDecimal(text), "\(text)")
            let digits = try #require(Self.fractionDigits(text), "\(text) has no fraction")
            #expect(digits >= 1)
            #expect(text.hasSuffix(".0") || !text.hasSuffix("0"), "\(text) keeps a trailing zero")
            #expect(!text.hasPrefix("-0") || text.hasPrefix("-0.") && text != "-0.0", "\(text)")
            #expect(Double(text) != nil)
        }
    }

    @Test(arguments: [
        ("{{pyfloat:min_value=-5,max_value=5}}", -5.0, 5.0),
        ("{{pyfloat:min_value=0.1,max_value=0.2,right_digits=3}}", 0.1, 0.2),
        ("{{pyfloat:left_digits=3,right_digits=2}}", -999.99, 999.99),
        ("{{pyfloat:left_digits=2,positive=true}}", 0.0, 100),
        ("{{pyfloat:max_value=-100}}", -10_100, -100),
        ("{{pyfloat:min_value=1000}}", 1_000, 11_000),
        ("{{pydecimal:min_value=-2.5,max_value=7.25}}", -2.5, 7.25),
        ("{{pydecimal:left_digits=3,right_digits=2,positive=true}}", 0.0, 999.99),
    ])
    func boundedNumbersStayInBounds(_ placeholder: String, _ low: Double, _ high: Double) throws {
        let values = try Self.numbers(placeholder).compactMap(Double.init)
        #expect(values.count == 500)
        #expect(values.allSatisfy { $0 >= low && $0 <= high }, "\(values.filter { $0 < low || $0 > high })")
        if placeholder.contains("positive=true") { #expect(values.allSatisfy { $0 > 0 }) }
        #expect(Set(values).count > 50, "values barely vary")
    }

    @Test func fractionDigitsFollowRightDigits() throws {
        for text in try Self.numbers("{{pyfloat:left_digits=3,right_digits=2}}") {
            #expect((Self.fractionDigits(text) ?? 0) <= 2)
            #expect(text.split(separator: ".")[0].filter(\.isNumber).count <= 3)
        }
        for text in try Self.numbers("{{pydecimal:left_digits=3,right_digits=2}}") {
            #expect(Self.isPlainDecimal(text) && Self.fractionDigits(text) == 2, "\(text)")
        }
        #expect(try Self.numbers("{{pydecimal:right_digits=0}}").allSatisfy { Int64($0) != nil })
        let defaults = try Self.numbers("{{pydecimal}}")
        #expect(defaults.allSatisfy(Self.isPlainDecimal))
        #expect(Set(defaults.map { Self.fractionDigits($0) ?? 0 }).count > 5, "default fraction digits vary")
    }

    @Test func booleansAreJSONBooleans() throws {
        for placeholder in ["{{pybool}}", "{{boolean}}"] {
            let values = try Self.values(placeholder)
            #expect(Set(values.map { $0 == .bool(true) }) == [true, false])
            #expect(values.allSatisfy { $0 == .bool(true) || $0 == .bool(false) })
        }
        #expect(try Self.values("{{pybool:truth_probability=0}}").allSatisfy { $0 == .bool(false) })
        #expect(try Self.values("{{boolean:chance_of_getting_true=100}}").allSatisfy { $0 == .bool(true) })
        let biased = try Self.values("{{pybool:truth_probability=90}}", count: 1_000).filter { $0 == .bool(true) }
        #expect(biased.count > 800 && biased.count < 980)
        let nullable = try Self.values("{{null_boolean}}")
        #expect(nullable.contains(.null) && nullable.contains(.bool(true)) && nullable.contains(.bool(false)))
        #expect(nullable.allSatisfy { $0 == .null || $0 == .bool(true) || $0 == .bool(false) })
    }

    static func isLetters(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
    }

    @Test func stringsAreLettersOfTheAskedLength() throws {
        #expect(try Self.strings("{{pystr}}").allSatisfy { $0.count == 20 && Self.isLetters($0) })
        let varied = try Self.strings("{{pystr:min_chars=2,max_chars=5}}")
        #expect(varied.allSatisfy { (2...5).contains($0.count) && Self.isLetters($0) })
        #expect(Set(varied.map(\.count)) == [2, 3, 4, 5])
        let framed = try Self.strings(#"{{pystr:max_chars=3,prefix=id-,suffix='\"!'}}"#)
        #expect(framed.allSatisfy { $0.hasPrefix("id-") && $0.hasSuffix("\"!") && $0.count == 8 })
        #expect(try Self.strings("{{pystr:max_chars=0}}").allSatisfy(\.isEmpty))
        let letter = try Self.strings("{{random_letter}}")
        #expect(letter.allSatisfy { $0.count == 1 && Self.isLetters($0) } && Set(letter).count > 40)
        #expect(
            try Self.strings("{{random_lowercase_letter}}").allSatisfy { $0.count == 1 && ("a"..."z").contains($0) })
        #expect(
            try Self.strings("{{random_uppercase_letter}}").allSatisfy { $0.count == 1 && ("A"..."Z").contains($0) })
        let digits = try Self.strings("{{random_digit_or_empty}}")
        #expect(digits.contains("") && digits.allSatisfy { $0.isEmpty || ("0"..."9").contains($0) && $0.count == 1 })
        let nonNull = try Self.strings("{{random_digit_not_null_or_empty}}")
        #expect(nonNull.contains("") && !nonNull.contains("0") && Set(nonNull).count == 10)
    }

    @Test func randomLettersIsAJSONArray() throws {
        for value in try Self.values("{{random_letters:length=4}}") {
            let items = try #require(value.arrayValue, "not an array: \(value)")
            #expect(items.count == 4)
            #expect(items.allSatisfy { $0.stringValue.map { $0.count == 1 && Self.isLetters($0) } == true })
        }
        #expect(try Self.values("{{random_letters}}").allSatisfy { $0.arrayValue?.count == 16 })
        #expect(try Self.values("{{random_letters:length=0}}").allSatisfy { $0 == .array([]) })
        let inText = try Self.strings("x{{random_letters:length=2}}")
        #expect(inText.allSatisfy { $0.hasPrefix("x[\"") && $0.count == 10 })
    }

    @Test func numbersInsideTextBecomeStrings() throws {
        for text in try Self.strings("n={{random_int:min=-5,max=5}} f={{pyfloat:left_digits=1,right_digits=1}}") {
            let parts = text.split(separator: " ")
            #expect(parts.count == 2 && Int(parts[0].dropFirst(2)).map { (-5...5).contains($0) } == true, "\(text)")
        }
    }

    @Test func sameSeedSameBytesOtherSeedOtherBytes() throws {
        let template =
            #"{"a":"{{random_int:min=-50,max=50}}","b":"{{pyfloat}}","c":"{{pydecimal}}","d":"{{pystr:min_chars=1}}","#
            + #""e":"{{random_letters:length=3}}","f":"{{null_boolean}}","g":"{{random_number}}"}"#
        let first = try EngineTest.bytes(template, count: 300, threads: 1)
        #expect(first == (try EngineTest.bytes(template, count: 300, threads: 4)))
        #expect(first != (try EngineTest.bytes(template, seed: 7, count: 300, threads: 1)))
    }

    @Test(arguments: [
        ("{{random_int:min=1,max=500,unique=true}}", 500),
        ("{{random_int:min=-250,max=249,unique=true}}", 500),
        ("{{pyint:min_value=0,max_value=1000,step=10,unique=true}}", 101),
        ("{{random_digit:unique=true}}", 10),
        ("{{random_digit_above_two:unique=true}}", 8),
        ("{{random_digit_or_empty:unique=true}}", 11),
        ("{{random_number:digits=3,fix_len=true,unique=true}}", 900),
        ("{{random_letter:unique=true}}", 52),
        ("{{random_uppercase_letter:unique=true}}", 26),
        ("{{pystr:max_chars=2,unique=true}}", 2_704),
        ("{{pystr:min_chars=0,max_chars=2,unique=true}}", 2_757),
        ("{{pyfloat:min_value=0,max_value=1,right_digits=2,unique=true}}", 101),
        ("{{pydecimal:left_digits=1,right_digits=1,unique=true}}", 199),
        ("{{pybool:unique=true}}", 2),
        ("{{boolean:unique=true}}", 2),
        ("{{null_boolean:unique=true}}", 3),
    ])
    func uniqueValuesAreDistinctUpToTheDomain(_ placeholder: String, _ domain: Int) throws {
        let values = try Self.values(placeholder, count: UInt64(domain))
        #expect(Set(values.map(\.serialized)).count == domain)
        let plan = try EngineTest.compile(#"{"v":"\#(placeholder)"}"#)
        let error = #expect(throws: TemplateError.self) {
            try Executor.render(plan, Executor.Run(seed: 9, count: UInt64(domain) + 1))
        }
        #expect(error?.kind == .uniqueDomainTooSmall)
    }

    @Test func uniqueLongStringsAndListsStayDistinct() throws {
        let strings = try Self.strings("{{pystr:max_chars=30,unique=true}}", count: 2_000)
        #expect(Set(strings).count == 2_000 && strings.allSatisfy { $0.count == 30 })
        let lists = try Self.values("{{random_letters:length=3,unique=true}}", count: 2_000)
        #expect(Set(lists.map(\.serialized)).count == 2_000)
        let wide = try Self.integers("{{random_int:min=-9223372036854775808,max=9223372036854775807,unique=true}}")
        #expect(Set(wide).count == 500)
    }

    @Test(arguments: [
        "{{random_int:min=10,max=1}}",
        "{{random_int:step=0}}",
        "{{random_int:min=abc}}",
        "{{pyint:min_value=5,max_value=4}}",
        "{{pyint:step=-1}}",
        "{{pyfloat:left_digits=10,right_digits=10}}",
        "{{pyfloat:left_digits=-1}}",
        "{{pyfloat:left_digits=0,right_digits=0}}",
        "{{pyfloat:min_value=5,max_value=5}}",
        "{{pyfloat:min_value=5,max_value=1}}",
        "{{pyfloat:positive=true,min_value=-1}}",
        "{{pyfloat:left_digits=2,max_value=1000}}",
        "{{pyfloat:min_value=0.11,max_value=0.12,right_digits=1}}",
        "{{pydecimal:right_digits=19}}",
        "{{pydecimal:positive=true,max_value=-3}}",
        "{{pybool:truth_probability=101}}",
        "{{boolean:chance_of_getting_true=-1}}",
        "{{pystr:min_chars=30}}",
        "{{pystr:max_chars=-1}}",
        "{{random_number:digits=19}}",
        "{{random_number:digits=0,fix_len=true}}",
        "{{random_letters:length=-1}}",
        "{{random_digit:max=5}}",
    ])
    func badArgumentsAreInvalidParameters(_ placeholder: String) throws {
        let errors = EngineTest.errors(#"{"v":"\#(placeholder)"}"#)
        #expect(errors.first?.kind == .invalidParameter, "\(errors)")
        #expect(errors.first?.pointer == "/v")
    }

    @Test func generatorsListTheirParametersAndTypes() throws {
        let expected: [(String, String, ValueType, [String])] = [
            ("random_int", "misc", .integer, ["min", "max", "step"]),
            ("pyint", "python", .integer, ["min_value", "max_value", "step"]),
            ("pyfloat", "python", .number, ["left_digits", "right_digits", "positive", "min_value", "max_value"]),
            ("pydecimal", "python", .number, ["left_digits", "right_digits", "positive", "min_value", "max_value"]),
            ("pybool", "python", .boolean, ["truth_probability"]),
            ("pystr", "python", .string, ["min_chars", "max_chars", "prefix", "suffix"]),
            ("random_number", "misc", .integer, ["digits", "fix_len"]),
            ("random_letters", "misc", .array, ["length"]),
            ("null_boolean", "misc", .boolean, []),
        ]
        for (name, provider, type, parameters) in expected {
            let spec = try #require(Catalog.lookup(name))
            #expect(spec.provider == provider && spec.type == type && spec.parameters.map(\.name) == parameters)
            #expect(!spec.summary.isEmpty)
        }
    }
}
