extension MiscProvider {
    /// Faker's pattern generators (`numerify`, `lexify`, `bothify`, `hexify`) and list picks (`random_elements`,
    /// `random_choices`, `random_sample`), from its base provider.
    static let patternGenerators: [GeneratorSpec] = [numerify, lexify, bothify, hexify] + listPicks

    /// One step of a compiled pattern.
    enum PatternStep: Sendable {
        /// Text copied as written: bytes `start..<end` of the pattern's literal buffer.
        case literal(start: Int, end: Int)
        /// `#`: a digit 0 to 9.
        case digit
        /// `%`: a digit 1 to 9.
        case nonZeroDigit
        /// `!`: a digit 0 to 9, or nothing (each of the 11 outcomes equally likely).
        case digitOrEmpty
        /// `@`: a digit 1 to 9, or nothing.
        case nonZeroDigitOrEmpty
        /// `?`: one of the letters.
        case letter
        /// `^`: a hex digit.
        case hex
    }

    /// A pattern compiled once: its steps, the literal text they copy, and the letters `?` draws from.
    struct Pattern: Sendable {
        var steps: [PatternStep] = []
        var literals: [UInt8] = []
        /// UTF-8 of each letter (a letter may be any character).
        var letters: [[UInt8]] = []
        var upperHex = false
        var jsonSafe = true

        /// Distinct values the pattern can spell, saturating; nil when `!` or `@` make two indices spell alike.
        var domain: UInt64? {
            var product: UInt64 = 1
            for step in steps {
                let radix: UInt64
                switch step {
                case .literal: continue
                case .digit: radix = 10
                case .nonZeroDigit: radix = 9
                case .letter: radix = UInt64(letters.count)
                case .hex: radix = 16
                case .digitOrEmpty, .nonZeroDigitOrEmpty: return nil
                }
                let (next, overflow) = product.multipliedReportingOverflow(by: radix)
                product = overflow ? .max : next
            }
            return product
        }

        /// Compiles `text`, replacing the marker characters of `kinds`.
        init(_ text: String, digits: Bool, letters: String?, hex: Bool, upperHex: Bool) {
            self.upperHex = upperHex
            if let letters { self.letters = letters.unicodeScalars.map { Array(String($0).utf8) } }
            var literalStart = 0
            func closeLiteral(_ steps: inout [PatternStep], _ literals: [UInt8]) {
                if literals.count > literalStart { steps.append(.literal(start: literalStart, end: literals.count)) }
                literalStart = literals.count
            }
            for byte in text.utf8 {
                let step: PatternStep?
                switch byte {
                case UInt8(ascii: "#") where digits: step = .digit
                case UInt8(ascii: "%") where digits: step = .nonZeroDigit
                case UInt8(ascii: "!") where digits: step = .digitOrEmpty
                case UInt8(ascii: "@") where digits: step = .nonZeroDigitOrEmpty
                case UInt8(ascii: "?") where letters != nil: step = .letter
                case UInt8(ascii: "^") where hex: step = .hex
                default: step = nil
                }
                if let step {
                    closeLiteral(&steps, literals)
                    steps.append(step)
                } else {
                    literals.append(byte)
                }
            }
            closeLiteral(&steps, literals)
            let unsafe: (UInt8) -> Bool = { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
            jsonSafe =
                !literals.contains(where: unsafe)
                && !(steps.contains { if case .letter = $0 { true } else { false } }
                    && self.letters.joined().contains(where: unsafe))
        }

        func appendHexDigit(_ value: UInt64, _ out: inout ByteWriter) {
            let digit = UInt8(truncatingIfNeeded: value & 0xF)
            out.append(digit < 10 ? 0x30 + digit : (upperHex ? 0x41 : 0x61) + digit - 10)
        }

        func appendLetter(_ index: Int, _ out: inout ByteWriter) {
            letters[index].withUnsafeBufferPointer { out.append($0.baseAddress!, count: $0.count) }
        }

        func write(_ context: EmitContext) {
            for step in steps {
                switch step {
                case .literal(let start, let end):
                    literals.withUnsafeBufferPointer { context.out.append($0.baseAddress! + start, count: end - start) }
                case .digit: context.out.append(0x30 + UInt8(context.rng.below(10)))
                case .nonZeroDigit: context.out.append(0x31 + UInt8(context.rng.below(9)))
                case .digitOrEmpty:
                    let draw = context.rng.below(11)
                    if draw < 10 { context.out.append(0x30 + UInt8(draw)) }
                case .nonZeroDigitOrEmpty:
                    let draw = context.rng.below(10)
                    if draw < 9 { context.out.append(0x31 + UInt8(draw)) }
                case .letter: appendLetter(context.rng.index(letters.count), &context.out)
                case .hex: appendHexDigit(context.rng.next(), &context.out)
                }
            }
        }

        /// The value with index `index`, its steps read as the digits of a mixed-radix number (only for patterns
        /// with a `domain`).
        func write(index: UInt64, _ context: EmitContext) {
            var rest = index
            func digit(_ radix: UInt64) -> UInt64 {
                defer { rest /= radix }
                return rest % radix
            }
            for step in steps {
                switch step {
                case .literal(let start, let end):
                    literals.withUnsafeBufferPointer { context.out.append($0.baseAddress! + start, count: end - start) }
                case .digit: context.out.append(0x30 + UInt8(digit(10)))
                case .nonZeroDigit: context.out.append(0x31 + UInt8(digit(9)))
                case .letter: appendLetter(Int(digit(UInt64(letters.count))), &context.out)
                case .hex: appendHexDigit(digit(16), &context.out)
                case .digitOrEmpty, .nonZeroDigitOrEmpty: break
                }
            }
        }
    }

    static let asciiLetters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

    static func patternGenerator(_ pattern: Pattern) -> CompiledGenerator {
        let domain = pattern.domain
        return CompiledGenerator(
            jsonSafe: pattern.jsonSafe, uniqueDomain: domain ?? 0,
            emitIndexed: domain.map { _ -> CompiledGenerator.EmitIndexed in
                { context, index in pattern.write(index: index, context) }
            },
            emit: { context in pattern.write(context) })
    }

    static func letters(_ arguments: inout Arguments) throws(TemplateError) -> String {
        let letters = try arguments.string("letters", default: asciiLetters)
        guard !letters.isEmpty else { throw arguments.error("letters", "must hold at least one character") }
        return letters
    }

    static let numerify = GeneratorSpec(
        "numerify", provider: "misc", parameters: [.init("text", "string", "###")],
        summary: "`text` with each `#` a digit, `%` a digit 1-9, `!` a digit or nothing, `@` a digit 1-9 or nothing"
    ) { arguments, _ in
        let text = try arguments.string("text", default: "###")
        return patternGenerator(Pattern(text, digits: true, letters: nil, hex: false, upperHex: false))
    }

    static let lexify = GeneratorSpec(
        "lexify", provider: "misc",
        parameters: [.init("text", "string", "????"), .init("letters", "string", "a-z and A-Z")],
        summary: "`text` with each `?` one of `letters`"
    ) { arguments, _ in
        let text = try arguments.string("text", default: "????")
        let letters = try letters(&arguments)
        return patternGenerator(Pattern(text, digits: false, letters: letters, hex: false, upperHex: false))
    }

    static let bothify = GeneratorSpec(
        "bothify", provider: "misc",
        parameters: [.init("text", "string", "## ??"), .init("letters", "string", "a-z and A-Z")],
        summary: "`text` with `?` as a letter and `#`, `%`, `!`, `@` as in `numerify`"
    ) { arguments, _ in
        let text = try arguments.string("text", default: "## ??")
        let letters = try letters(&arguments)
        return patternGenerator(Pattern(text, digits: true, letters: letters, hex: false, upperHex: false))
    }

    static let hexify = GeneratorSpec(
        "hexify", provider: "misc",
        parameters: [.init("text", "string", "^^^^"), .init("upper", "bool", "false")],
        summary: "`text` with each `^` a hex digit"
    ) { arguments, _ in
        let text = try arguments.string("text", default: "^^^^")
        let upper = try arguments.bool("upper", default: false)
        return patternGenerator(Pattern(text, digits: false, letters: nil, hex: true, upperHex: upper))
    }

    /// Writes element `element` of `pool` as a JSON array item: strings quoted and escaped, numbers as written.
    static func writeItem(_ pool: ElementPool, _ element: Int, _ out: inout ByteWriter) {
        guard pool.type == .string else { return pool.write(element, &out) }
        out.append(UInt8(ascii: "\""))
        let start = out.count
        pool.write(element, &out)
        if !pool.jsonSafe { JSONEscape.escapeWritten(&out, from: start) }
        out.append(UInt8(ascii: "\""))
    }

    /// `random_elements` and its two fixed forms: a list of `length` elements (by default 1 to all of them), drawn
    /// with replacement, or without it (`unique`, as Faker's own `unique=True`, not Phoney's unique-per-field).
    static func listPick(_ name: String, unique fixedUnique: Bool?, summary: String) -> GeneratorSpec {
        var parameters: [GeneratorSpec.Parameter] = [
            .init("elements", "list", "[a, b, c]"), .init("length", "int", "1 to the number of elements"),
        ]
        if fixedUnique == nil { parameters.append(.init("unique", "bool", "false")) }
        if fixedUnique != true { parameters.append(.init("weights", "list")) }
        return GeneratorSpec(name, provider: "misc", type: .array, parameters: parameters, summary: summary) {
            arguments, _ in
            let pool = try elementPool(&arguments)
            let unique = try fixedUnique ?? arguments.bool("unique", default: false)
            if unique, !pool.threshold.isEmpty {
                throw arguments.error("weights", "cannot be used with unique picks")
            }
            let limit = unique ? pool.distinct.count : 1000
            let length = try arguments.int("length").map { Int($0) }
            if let length, !(0...limit).contains(length) {
                throw arguments.error(
                    "length",
                    unique
                        ? "must be from 0 to \(limit), the number of distinct elements, got \(length)"
                        : "must be from 0 to 1000, got \(length)")
            }
            let most = unique ? pool.distinct.count : pool.count
            return CompiledGenerator(type: .array, jsonSafe: false) { context in
                let count = length ?? 1 + context.rng.index(most)
                context.out.append(UInt8(ascii: "["))
                if unique {
                    // A partial Fisher-Yates shuffle of the distinct elements: the first `count` are the sample.
                    var order = pool.distinct
                    for position in 0..<count {
                        order.swapAt(position, position + context.rng.index(order.count - position))
                        if position > 0 { context.out.append(UInt8(ascii: ",")) }
                        writeItem(pool, order[position], &context.out)
                    }
                } else {
                    for position in 0..<count {
                        if position > 0 { context.out.append(UInt8(ascii: ",")) }
                        writeItem(pool, pool.pick(&context.rng), &context.out)
                    }
                }
                context.out.append(UInt8(ascii: "]"))
            }
        }
    }

    static let listPicks = [
        listPick(
            "random_elements", unique: nil,
            summary:
                "A list of `length` of `elements` (1 to all of them by default); `unique=true` picks each at most once"),
        listPick("random_choices", unique: false, summary: "A list of `length` of `elements`, drawn with replacement"),
        listPick("random_sample", unique: true, summary: "A list of `length` distinct `elements`"),
    ]
}
