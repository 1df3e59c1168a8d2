/// Faker's `isbn` and `sbn` providers (en_US): ISBN-10, ISBN-13 and SBN-9 numbers in the English-language
/// registration groups, hyphenated by the International ISBN Agency's registrant ranges, with valid check digits.
enum IsbnProvider {
    /// A registration group and how long its registrant element is for each range of the next seven digits.
    struct Group: Sendable {
        var digit: UInt64
        /// Exclusive upper bound of a seven-digit range, and the registrant length within it.
        var ranges: [(below: UInt64, length: Int)]

        func registrantLength(_ body: UInt64) -> Int {
            let leading = body / 10
            for range in ranges where leading < range.below { return range.length }
            return 7
        }
    }

    /// Groups 0 and 1 (English-speaking areas), the ones an en_US ISBN comes from.
    static let groups: [Group] = [
        Group(
            digit: 0,
            ranges: [
                (2_000_000, 2), (7_000_000, 3), (8_500_000, 4), (9_000_000, 5), (9_500_000, 6), (10_000_000, 7),
            ]),
        Group(
            digit: 1,
            ranges: [
                (1_000_000, 2), (4_000_000, 3), (5_500_000, 4), (8_698_000, 5), (9_990_000, 6), (10_000_000, 7),
            ]),
    ]

    /// Eight digits follow the group: the registrant and publication elements.
    static let bodies: UInt64 = 100_000_000

    /// Writes the registrant and publication elements of `body` (eight digits), split by `separator`.
    static func writeElements(_ group: Group, _ body: UInt64, _ separator: [UInt8], _ out: inout ByteWriter) {
        let registrant = group.registrantLength(body)
        let split = FinanceProvider.power10(8 - registrant)
        out.appendPadded(body / split, width: registrant)
        out.append(separator)
        out.appendPadded(body % split, width: 8 - registrant)
    }

    /// The ISBN-10 check character of nine digits: weights 10 down to 2, mod 11, 10 written `X`.
    static func isbn10Check(_ digits: UInt64) -> UInt8 {
        var sum: UInt64 = 0
        var rest = digits
        for weight in 2...10 {
            sum += rest % 10 * UInt64(weight)
            rest /= 10
        }
        let check = (11 - sum % 11) % 11
        return check == 10 ? UInt8(ascii: "X") : 0x30 &+ UInt8(check)
    }

    static func writeISBN10(_ group: Group, _ body: UInt64, _ separator: [UInt8], _ out: inout ByteWriter) {
        out.append(0x30 &+ UInt8(group.digit))
        out.append(separator)
        writeElements(group, body, separator, &out)
        out.append(separator)
        out.append(isbn10Check(group.digit * bodies + body))
    }

    static func writeISBN13(_ group: Group, _ body: UInt64, _ separator: [UInt8], _ out: inout ByteWriter) {
        out.append(contentsOf: "978")
        out.append(separator)
        out.append(0x30 &+ UInt8(group.digit))
        out.append(separator)
        writeElements(group, body, separator, &out)
        out.append(separator)
        let digits = 978_000_000_000 + group.digit * bodies + body
        out.append(0x30 &+ UInt8(BarcodeProvider.checkDigit(digits, digits: 12)))
    }

    /// An SBN is an ISBN-10 of group 0 without the group digit; the check is the same.
    static func writeSBN(_ body: UInt64, _ separator: [UInt8], _ out: inout ByteWriter) {
        writeElements(groups[0], body, separator, &out)
        out.append(separator)
        out.append(isbn10Check(body))
    }

    static func separator(_ arguments: inout Arguments) throws(TemplateError) -> [UInt8] {
        Array(try arguments.string("separator", default: "-").utf8)
    }

    static func isSafe(_ bytes: [UInt8]) -> Bool {
        !bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
    }

    static func isbnSpec(
        _ name: String, _ summary: String,
        _ write: @escaping @Sendable (Group, UInt64, [UInt8], inout ByteWriter) -> Void
    ) -> GeneratorSpec {
        GeneratorSpec(name, provider: "isbn", parameters: [.init("separator", "string", "-")], summary: summary) {
            arguments, _ in
            let separator = try separator(&arguments)
            let groups = groups
            return CompiledGenerator(
                jsonSafe: isSafe(separator), uniqueDomain: UInt64(groups.count) * bodies,
                emitIndexed: { context, index in
                    write(groups[Int(index / bodies)], index % bodies, separator, &context.out)
                },
                emit: { context in
                    write(groups[context.rng.index(groups.count)], context.rng.below(bodies), separator, &context.out)
                })
        }
    }

    static let generators: [GeneratorSpec] = [
        isbnSpec("isbn10", "An ISBN-10 such as `0-306-40615-2`, with a valid mod-11 check digit", writeISBN10),
        isbnSpec("isbn13", "An ISBN-13 such as `978-0-306-40615-7`, with a valid check digit", writeISBN13),
        GeneratorSpec(
            "sbn9", provider: "sbn", parameters: [.init("separator", "string", "-")],
            summary: "A 9-digit Standard Book Number such as `306-40615-2`, with a valid check digit"
        ) { arguments, _ in
            let separator = try separator(&arguments)
            return CompiledGenerator(
                jsonSafe: isSafe(separator), uniqueDomain: bodies,
                emitIndexed: { context, index in writeSBN(index, separator, &context.out) },
                emit: { context in writeSBN(context.rng.below(bodies), separator, &context.out) })
        },
    ]
}
