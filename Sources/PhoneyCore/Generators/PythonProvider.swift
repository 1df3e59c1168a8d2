/// Faker's `python` provider (`pyint`, `pyfloat`, `pydecimal`, `pybool`, `pystr`) and the base provider's
/// `random_*` generators, which Phoney lists under `misc`.
///
/// Every argument is resolved when the template compiles; numbers are written digit by digit, never through
/// `Double` formatting.
enum PythonProvider {
    typealias Parameter = GeneratorSpec.Parameter

    static let generators: [GeneratorSpec] = pythonGenerators + randomGenerators

    static let pythonGenerators: [GeneratorSpec] = [
        GeneratorSpec(
            "pyint", provider: "python", type: .integer,
            parameters: [
                Parameter("min_value", "int", "0"), Parameter("max_value", "int", "9999"),
                Parameter("step", "int", "1"),
            ],
            summary: "An integer from min_value to max_value, in steps of step"
        ) { arguments, _ in
            try integers(&arguments, min: ("min_value", 0), max: ("max_value", 9_999), step: "step")
        },
        decimalSpec("pyfloat", float: true, "A float; bounded by min_value/max_value or by left_digits/right_digits"),
        decimalSpec(
            "pydecimal", float: false,
            "A decimal number with exactly right_digits fraction digits; bounded like pyfloat"),
        GeneratorSpec(
            "pybool", provider: "python", type: .boolean, parameters: [Parameter("truth_probability", "int", "50")],
            summary: "true with truth_probability percent chance, else false"
        ) { arguments, _ in
            try boolean(&arguments, "truth_probability")
        },
        GeneratorSpec(
            "pystr", provider: "python",
            parameters: [
                Parameter("min_chars", "int", "None"), Parameter("max_chars", "int", "20"),
                Parameter("prefix", "string", ""), Parameter("suffix", "string", ""),
            ],
            summary: "Random ASCII letters: max_chars of them, or min_chars to max_chars; with prefix and suffix"
        ) { arguments, _ in
            let maximum = try arguments.int("max_chars", default: 20, in: 0...maxLetters)
            let minimum = try arguments.int("min_chars") ?? maximum
            guard (0...maximum).contains(minimum) else {
                throw arguments.error("min_chars", "must be from 0 to `max_chars` (\(maximum)), got \(minimum)")
            }
            return text(
                prefix: Array(try arguments.string("prefix", default: "").utf8),
                suffix: Array(try arguments.string("suffix", default: "").utf8),
                lengths: Int(minimum)...Int(maximum))
        },
    ]

    /// The longest run of random letters one value may ask for.
    static let maxLetters: Int64 = 10_000

    // MARK: - Integers

    /// An integer generator over `min, min + step, …` up to `max`, with the arguments' names and defaults.
    static func integers(
        _ arguments: inout Arguments, min: (key: String, default: Int64), max: (key: String, default: Int64),
        step stepKey: String
    ) throws(TemplateError) -> CompiledGenerator {
        let low = try arguments.int(min.key, default: min.default)
        let high = try arguments.int(max.key, default: max.default)
        let step = try arguments.int(stepKey, default: 1)
        guard step >= 1 else { throw arguments.error(stepKey, "must be at least 1, got \(step)") }
        guard low <= high else { throw arguments.error(max.key, "must be at least `\(min.key)` (\(low)), got \(high)") }
        return steps(from: low, through: high, by: step)
    }

    /// Integers `low, low + step, …` not above `high`, drawn uniformly; unique over all of them.
    static func steps(from low: Int64, through high: Int64, by step: Int64 = 1) -> CompiledGenerator {
        let stride = UInt64(step)
        let last = UInt64(bitPattern: high &- low) / stride
        return CompiledGenerator(
            type: .integer, jsonSafe: true, uniqueDomain: last == .max ? .max : last + 1,
            emitIndexed: { context, index in context.out.appendDecimal(low &+ Int64(bitPattern: index &* stride)) },
            emit: { context in
                let index = last == .max ? context.rng.next() : context.rng.below(last + 1)
                context.out.appendDecimal(low &+ Int64(bitPattern: index &* stride))
            })
    }

    /// 10ⁿ for n in 0...18.
    static let powersOfTen: [Int64] = (0...18).map { power in (0..<power).reduce(Int64(1)) { value, _ in value * 10 } }

    // MARK: - Booleans

    static let trueText: [UInt8] = Array("true".utf8)
    static let falseText: [UInt8] = Array("false".utf8)

    /// `true` with the percent chance in argument `key` (default 50); unique over the two values.
    static func boolean(_ arguments: inout Arguments, _ key: String) throws(TemplateError) -> CompiledGenerator {
        let percent = UInt64(try arguments.int(key, default: 50, in: 0...100))
        return CompiledGenerator(
            type: .boolean, jsonSafe: true, uniqueDomain: 2,
            emitIndexed: { context, index in context.out.appendBoolean(index != 0) },
            emit: { context in context.out.appendBoolean(context.rng.below(100) < percent) })
    }

    // MARK: - Letters

    /// The `index`-th of Python's `string.ascii_letters` (a–z, then A–Z).
    @inline(__always)
    static func letter(_ index: UInt64) -> UInt8 {
        index < 26 ? 0x61 &+ UInt8(truncatingIfNeeded: index) : 0x41 &+ UInt8(truncatingIfNeeded: index &- 26)
    }

    /// 52ⁿ, or `UInt64.max` from n = 12 on (52¹² > 2⁶⁴).
    static func letterStrings(_ length: Int) -> UInt64 {
        length >= 12 ? .max : (0..<length).reduce(UInt64(1)) { value, _ in value * 52 }
    }

    /// Writes `count` letters, each a JSON string in a list when `list` is set.
    ///
    /// With an index, the last (up to 12) letters spell it in base 52, so distinct indices below 52^count write
    /// distinct letters; the others stay random.
    static func letters(_ count: Int, index: UInt64?, list: Bool, _ context: EmitContext) {
        var rest = index ?? 0
        let spelled = index == nil ? count : count - min(count, 12)
        if list { context.out.append(0x5B) }
        for position in 0..<count {
            let value: UInt64
            if position < spelled {
                value = context.rng.below(52)
            } else {
                value = rest % 52
                rest /= 52
            }
            if list {
                if position > 0 { context.out.append(0x2C) }
                context.out.append(0x22)
                context.out.append(letter(value))
                context.out.append(0x22)
            } else {
                context.out.append(letter(value))
            }
        }
        if list { context.out.append(0x5D) }
    }

    /// `prefix`, then letters of a length in `lengths`, then `suffix`; unique over every such string.
    static func text(prefix: [UInt8], suffix: [UInt8], lengths: ClosedRange<Int>) -> CompiledGenerator {
        let jsonSafe = !(prefix + suffix).contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
        var domain: UInt64 = 0
        for length in lengths {
            let (sum, overflow) = domain.addingReportingOverflow(letterStrings(length))
            domain = overflow ? .max : sum
            if overflow { break }
        }
        let span = UInt64(lengths.upperBound - lengths.lowerBound) + 1
        return CompiledGenerator(
            jsonSafe: jsonSafe, uniqueDomain: domain,
            emitIndexed: { context, index in
                // Indices count the strings of the shortest length first, then the next length, and so on.
                var rest = index
                var length = lengths.lowerBound
                while length < lengths.upperBound, rest >= letterStrings(length) {
                    rest -= letterStrings(length)
                    length += 1
                }
                if !prefix.isEmpty { context.out.append(prefix) }
                letters(length, index: rest, list: false, context)
                if !suffix.isEmpty { context.out.append(suffix) }
            },
            emit: { context in
                let length = lengths.lowerBound + Int(context.rng.below(span))
                if !prefix.isEmpty { context.out.append(prefix) }
                letters(length, index: nil, list: false, context)
                if !suffix.isEmpty { context.out.append(suffix) }
            })
    }
}
