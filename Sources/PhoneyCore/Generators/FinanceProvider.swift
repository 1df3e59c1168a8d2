/// Faker's `credit_card` and `bank` providers: card numbers with valid Luhn check digits, expiry dates, IBANs with
/// valid mod-97 check digits, SWIFT codes and ABA routing numbers.
enum FinanceProvider {
    static let generators: [GeneratorSpec] = cardGenerators + bankGenerators

    /// A run of issuer prefixes: every number from `low` to `high`, written with `digits` digits.
    struct PrefixRun: Sendable {
        var low: UInt64
        var high: UInt64
        var digits: Int

        init(_ low: UInt64, _ high: UInt64? = nil, digits: Int) {
            self.low = low
            self.high = high ?? low
            self.digits = digits
        }
    }

    /// One card network and length.
    struct CardType: Sendable {
        var key: String
        var name: String
        var length: Int
        var prefixes: [PrefixRun]
        var securityName: String
        var securityDigits: Int
        /// The provider name, pre-encoded.
        var nameBytes: [UInt8]
        var securityNameBytes: [UInt8]

        init(_ key: String, _ name: String, length: Int, _ prefixes: [PrefixRun], security: String, digits: Int = 3) {
            self.key = key
            self.name = name
            self.length = length
            self.prefixes = prefixes
            self.securityName = security
            self.securityDigits = digits
            self.nameBytes = Array(name.utf8)
            self.securityNameBytes = Array(security.utf8)
        }
    }

    /// The card types, with issuer prefixes from the networks' published ranges. Types of one length never
    /// share a prefix and no prefix of a type starts another, so (type, prefix, account digits) spells uniquely.
    static let cardTypes: [CardType] = [
        CardType(
            "maestro", "Maestro", length: 12,
            [
                PrefixRun(5018, digits: 4), PrefixRun(5020, digits: 4), PrefixRun(5038, digits: 4),
                PrefixRun(5600, 5899, digits: 4), PrefixRun(6304, digits: 4), PrefixRun(6759, digits: 4),
                PrefixRun(6761, 6763, digits: 4), PrefixRun(604, digits: 4), PrefixRun(6390, digits: 4),
            ], security: "CVV"),
        CardType(
            "mastercard", "Mastercard", length: 16, [PrefixRun(51, 55, digits: 2), PrefixRun(2221, 2720, digits: 4)],
            security: "CVC"),
        CardType("visa16", "VISA 16 digit", length: 16, [PrefixRun(4, digits: 1)], security: "CVC"),
        CardType("visa13", "VISA 13 digit", length: 13, [PrefixRun(4, digits: 1)], security: "CVC"),
        CardType("visa19", "VISA 19 digit", length: 19, [PrefixRun(4, digits: 1)], security: "CVC"),
        CardType(
            "amex", "American Express", length: 15, [PrefixRun(34, digits: 2), PrefixRun(37, digits: 2)],
            security: "CID", digits: 4),
        CardType(
            "discover", "Discover", length: 16,
            [PrefixRun(6011, digits: 4), PrefixRun(644, 649, digits: 3), PrefixRun(65, digits: 2)], security: "CVC"),
        CardType(
            "diners", "Diners Club / Carte Blanche", length: 14,
            [PrefixRun(300, 305, digits: 3), PrefixRun(36, digits: 2), PrefixRun(38, digits: 2)], security: "CVC"),
        CardType(
            "jcb15", "JCB 15 digit", length: 15, [PrefixRun(2131, digits: 4), PrefixRun(1800, digits: 4)],
            security: "CVC"),
        CardType("jcb16", "JCB 16 digit", length: 16, [PrefixRun(3528, 3589, digits: 4)], security: "CVC"),
    ]

    /// Keys accepted by `card_type` that name a family of types.
    static let cardFamilies: [String: [String]] = [
        "visa": ["visa16", "visa13", "visa19"], "jcb": ["jcb15", "jcb16"], "american express": ["amex"],
        "americanexpress": ["amex"], "master card": ["mastercard"], "diners club": ["diners"],
    ]

    /// The card types a `card_type` argument selects (all of them when it is absent).
    static func cardTypes(_ arguments: inout Arguments) throws(TemplateError) -> [CardType] {
        guard var key = try arguments.string("card_type")?.lowercased().trimmingWhitespace(), key != "none" else {
            return cardTypes
        }
        if let exact = cardTypes.first(where: { $0.key == key }) { return [exact] }
        if let family = cardFamilies[key] {
            return family.map { member in cardTypes.first { $0.key == member }! }
        }
        key = key.replacing(" ", with: "")
        if let exact = cardTypes.first(where: { $0.key == key }) { return [exact] }
        let known = (cardTypes.map(\.key) + ["visa", "jcb"]).sorted().joined(separator: ", ")
        throw arguments.error("card_type", "must be one of \(known), got `\(key)`")
    }

    static func power10(_ exponent: Int) -> UInt64 {
        var value: UInt64 = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Appends the Luhn check digit of the `count` digits just written.
    static func appendLuhn(digits count: Int, _ out: inout ByteWriter) {
        var sum: UInt64 = 0
        var double = true
        var position = out.count - 1
        for _ in 0..<count {
            var digit = UInt64(out.base[position] &- 0x30)
            if double {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
            double.toggle()
            position -= 1
        }
        out.append(0x30 &+ UInt8((10 - sum % 10) % 10))
    }

    /// Writes a random number of `type`: a prefix from one of its runs, random digits, the check digit.
    static func writeCardNumber(_ type: CardType, _ context: EmitContext) {
        let run = type.prefixes[context.rng.index(type.prefixes.count)]
        context.out.appendPadded(run.low + context.rng.below(run.high - run.low + 1), width: run.digits)
        context.out.appendRandomDigits(type.length - 1 - run.digits, &context.rng)
        appendLuhn(digits: type.length - 1, &context.out)
    }

    /// The numbers of `types` laid end to end: each segment is one prefix run with all its account numbers.
    struct CardSpace: Sendable {
        struct Segment: Sendable {
            var low: UInt64
            var prefixDigits: Int
            var accountDigits: Int
            var accounts: UInt64
            var size: UInt64
        }

        var segments: [Segment] = []
        var total: UInt64 = 0

        init(_ types: [CardType]) {
            for type in types {
                for run in type.prefixes {
                    let accountDigits = type.length - 1 - run.digits
                    let accounts = power10(accountDigits)
                    let size = (run.high - run.low + 1) * accounts
                    segments.append(
                        Segment(
                            low: run.low, prefixDigits: run.digits, accountDigits: accountDigits, accounts: accounts,
                            size: size))
                    total += size
                }
            }
        }

        /// Writes the number at `index` in `0..<total`.
        func write(_ index: UInt64, _ out: inout ByteWriter) {
            var rest = index
            var position = 0
            while rest >= segments[position].size {
                rest -= segments[position].size
                position += 1
            }
            let segment = segments[position]
            out.appendPadded(segment.low + rest / segment.accounts, width: segment.prefixDigits)
            out.appendPadded(rest % segment.accounts, width: segment.accountDigits)
            appendLuhn(digits: segment.prefixDigits + segment.accountDigits, &out)
        }
    }

    /// Writes a random security code of `type`: 3 digits, or 4 for American Express.
    static func writeSecurityCode(_ type: CardType, _ context: EmitContext) {
        context.out.appendRandomDigits(type.securityDigits, &context.rng)
    }

    static let cardTypeParameter = GeneratorSpec.Parameter("card_type", "string")

    static let cardGenerators: [GeneratorSpec] = [
        GeneratorSpec(
            "credit_card_number", provider: "credit_card", parameters: [cardTypeParameter],
            summary: "A card number with a valid Luhn check digit; `card_type` picks the network (visa, amex…)"
        ) { arguments, _ in
            let types = try cardTypes(&arguments)
            let space = CardSpace(types)
            return CompiledGenerator(
                uniqueDomain: space.total,
                emitIndexed: { context, index in space.write(index, &context.out) },
                emit: { context in writeCardNumber(types[context.rng.index(types.count)], context) })
        },
        GeneratorSpec(
            "credit_card_provider", provider: "credit_card", parameters: [cardTypeParameter],
            summary: "A card network's name, such as `VISA 16 digit` or `American Express`"
        ) { arguments, _ in
            let types = try cardTypes(&arguments)
            return CompiledGenerator(
                uniqueDomain: UInt64(types.count),
                emitIndexed: { context, index in context.out.append(types[Int(index)].nameBytes) },
                emit: { context in context.out.append(types[context.rng.index(types.count)].nameBytes) })
        },
        GeneratorSpec(
            "credit_card_security_code", provider: "credit_card", parameters: [cardTypeParameter],
            summary: "A card security code: 3 digits, 4 for American Express"
        ) { arguments, _ in
            let types = try cardTypes(&arguments)
            return CompiledGenerator { context in writeSecurityCode(types[context.rng.index(types.count)], context) }
        },
        GeneratorSpec(
            "credit_card_expire", provider: "credit_card",
            parameters: [
                .init("start", "date", "now"), .init("end", "date", "+10y"), .init("date_format", "string", "%m/%y"),
            ],
            summary: "A card expiry date between `start` and `end`, formatted with `date_format` (strftime)"
        ) { arguments, _ in
            let expiry = try Expiry(&arguments)
            return CompiledGenerator(jsonSafe: expiry.format.isJSONSafe) { context in expiry.write(context) }
        },
        GeneratorSpec(
            "credit_card_full", provider: "credit_card", parameters: [cardTypeParameter],
            summary: "Multi-line card details: network, holder, number and expiry, security code"
        ) { arguments, locale in
            let types = try cardTypes(&arguments)
            let expiry = Expiry(start: arguments.now, end: arguments.now + 10 * 31_557_600, format: .monthYear)
            return CompiledGenerator(jsonSafe: false) { context in
                let type = types[context.rng.index(types.count)]
                context.out.append(type.nameBytes)
                context.out.append(0x0A)
                PersonProvider.firstName(locale, .any, context)
                context.out.append(0x20)
                PersonProvider.lastName(locale, context)
                context.out.append(0x0A)
                writeCardNumber(type, context)
                context.out.append(0x20)
                expiry.write(context)
                context.out.append(0x0A)
                context.out.append(type.securityNameBytes)
                context.out.append(UInt8(ascii: ":"))
                context.out.append(0x20)
                writeSecurityCode(type, context)
                context.out.append(0x0A)
            }
        },
    ]
}
