extension PythonProvider {
    /// The base provider's `random_*`, `boolean` and `null_boolean`, listed under `misc`.
    static let randomGenerators: [GeneratorSpec] = [
        GeneratorSpec(
            "random_int", provider: "misc", type: .integer,
            parameters: [Parameter("min", "int", "0"), Parameter("max", "int", "9999"), Parameter("step", "int", "1")],
            summary: "An integer from min to max, in steps of step"
        ) { arguments, _ in
            try integers(&arguments, min: ("min", 0), max: ("max", 9_999), step: "step")
        },
        digit("random_digit", 0, "A digit, 0 to 9"),
        digit("random_digit_not_null", 1, "A digit, 1 to 9"),
        digit("random_digit_above_two", 2, "A digit, 2 to 9"),
        digitOrEmpty("random_digit_or_empty", 0, "A digit 0 to 9, or an empty string, evenly"),
        digitOrEmpty("random_digit_not_null_or_empty", 1, "A digit 1 to 9, or an empty string, evenly"),
        GeneratorSpec(
            "random_number", provider: "misc", type: .integer,
            parameters: [Parameter("digits", "int", "None"), Parameter("fix_len", "bool", "false")],
            summary: "A number of up to digits digits (exactly digits with fix_len); 1 to 9 digits when not given"
        ) { arguments, _ in
            let digits = try arguments.int("digits")
            let fixed = try arguments.bool("fix_len", default: false)
            if let digits {
                guard (0...18).contains(digits) else {
                    throw arguments.error("digits", "must be from 0 to 18, got \(digits)")
                }
                guard !fixed || digits >= 1 else {
                    throw arguments.error("digits", "must be at least 1 when `fix_len` is true, got 0")
                }
                let high = powersOfTen[Int(digits)] - 1
                return steps(from: fixed ? powersOfTen[Int(digits) - 1] : 0, through: high)
            }
            return randomNumber(fixed: fixed)
        },
        letterSpec("random_letter", 0, 52, "An ASCII letter, a to z or A to Z"),
        letterSpec("random_lowercase_letter", 0, 26, "A lower-case ASCII letter"),
        letterSpec("random_uppercase_letter", 26, 26, "An upper-case ASCII letter"),
        GeneratorSpec(
            "random_letters", provider: "misc", type: .array, parameters: [Parameter("length", "int", "16")],
            summary: "A list of length random ASCII letters, like [\"q\",\"B\"]"
        ) { arguments, _ in
            let length = Int(try arguments.int("length", default: 16, in: 0...maxLetters))
            return CompiledGenerator(
                type: .array, jsonSafe: false, uniqueDomain: letterStrings(length),
                emitIndexed: { context, index in letters(length, index: index, list: true, context) },
                emit: { context in letters(length, index: nil, list: true, context) })
        },
        GeneratorSpec(
            "boolean", provider: "misc", type: .boolean, parameters: [Parameter("chance_of_getting_true", "int", "50")],
            summary: "true with chance_of_getting_true percent chance, else false"
        ) { arguments, _ in
            try boolean(&arguments, "chance_of_getting_true")
        },
        GeneratorSpec(
            "null_boolean", provider: "misc", type: .boolean, summary: "true, false or null, evenly"
        ) { _, _ in
            let values: [[UInt8]] = [Array("null".utf8), trueText, falseText]
            return CompiledGenerator(
                type: .boolean, jsonSafe: true, uniqueDomain: 3,
                emitIndexed: { context, index in context.out.append(values[Int(index)]) },
                emit: { context in context.out.append(values[context.rng.index(3)]) })
        },
    ]

    /// A digit from `low` to 9, as a number.
    static func digit(_ name: String, _ low: Int64, _ summary: String) -> GeneratorSpec {
        GeneratorSpec(name, provider: "misc", type: .integer, summary: summary) { _, _ in
            steps(from: low, through: 9)
        }
    }

    /// A digit from `low` to 9 or nothing, evenly, as a string (Faker returns an int or `""`).
    static func digitOrEmpty(_ name: String, _ low: UInt64, _ summary: String) -> GeneratorSpec {
        GeneratorSpec(name, provider: "misc", summary: summary) { _, _ in
            let digits = 10 - low
            return CompiledGenerator(
                jsonSafe: true, uniqueDomain: digits + 1,
                emitIndexed: { context, index in
                    if index < digits { context.out.append(0x30 &+ UInt8(truncatingIfNeeded: low &+ index)) }
                },
                emit: { context in
                    if context.rng.next() & 1 == 0 {
                        context.out.append(0x30 &+ UInt8(truncatingIfNeeded: low &+ context.rng.below(digits)))
                    }
                })
        }
    }

    /// `random_number` without `digits`: Faker picks 1 to 9 digits per value. Unique over every value that can give.
    static func randomNumber(fixed: Bool) -> CompiledGenerator {
        let first: Int64 = fixed ? 1 : 0
        return CompiledGenerator(
            type: .integer, jsonSafe: true, uniqueDomain: UInt64(999_999_999 - first + 1),
            emitIndexed: { context, index in context.out.appendDecimal(first &+ Int64(index)) },
            emit: { context in
                let digits = 1 + context.rng.index(9)
                let high = powersOfTen[digits] - 1
                context.out.appendDecimal(context.rng.int(fixed ? powersOfTen[digits - 1] : 0, high))
            })
    }

    /// One of `count` letters of `string.ascii_letters` from position `first`.
    static func letterSpec(_ name: String, _ first: UInt64, _ count: UInt64, _ summary: String) -> GeneratorSpec {
        GeneratorSpec(name, provider: "misc", summary: summary) { _, _ in
            CompiledGenerator(
                jsonSafe: true, uniqueDomain: count,
                emitIndexed: { context, index in context.out.append(letter(first &+ index)) },
                emit: { context in context.out.append(letter(first &+ context.rng.below(count))) })
        }
    }
}
