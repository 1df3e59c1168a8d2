import Testing

@testable import PhoneyCore

struct FinanceGeneratorTests {
    static let now: Int64 = 1_700_000_000

    static func strings(_ field: String, count: UInt64 = 1000, seed: UInt64 = 7) throws -> [String] {
        let template = #"{"v": "\#(field)"}"#
        let plan = try Plan.compile(json: template, options: CompileOptions(format: .ndjson, now: now))
        let bytes = try Executor.render(plan, Executor.Run(seed: seed, count: count, threads: 1))
        return try bytes.split(separator: 0x0A).map { line in
            let record = try JSONValue.parse(String(decoding: line, as: UTF8.self))
            guard case .string(let text)? = record["v"] else { throw Failure() }
            return text
        }
    }

    struct Failure: Error {}

    static func compiles(_ field: String) -> Bool {
        (try? Plan.compile(json: #"{"v": "\#(field)"}"#, options: CompileOptions(format: .ndjson))) != nil
    }

    static func isDigits(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The Luhn test: doubling every second digit from the right, the sum is a multiple of 10.
    static func luhnValid(_ number: String) -> Bool {
        guard isDigits(number) else { return false }
        var sum = 0
        for (position, byte) in number.utf8.reversed().enumerated() {
            var digit = Int(byte - 0x30)
            if position % 2 == 1 {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
        }
        return sum % 10 == 0
    }

    /// True when `number` starts with a number in `range`, written with `digits` digits.
    static func hasPrefix(_ number: String, _ range: ClosedRange<Int>, digits: Int) -> Bool {
        guard let value = Int(number.prefix(digits)) else { return false }
        return range.contains(value)
    }

    @Test(
        arguments: [
            ("visa16", [16], [(4...4, 1)]),
            ("visa13", [13], [(4...4, 1)]),
            ("visa19", [19], [(4...4, 1)]),
            ("visa", [13, 16, 19], [(4...4, 1)]),
            ("mastercard", [16], [(51...55, 2), (2221...2720, 4)]),
            ("amex", [15], [(34...34, 2), (37...37, 2)]),
            ("discover", [16], [(6011...6011, 4), (644...649, 3), (65...65, 2)]),
            ("diners", [14], [(300...305, 3), (36...36, 2), (38...38, 2)]),
            ("jcb", [15, 16], [(2131...2131, 4), (1800...1800, 4), (3528...3589, 4)]),
            ("jcb16", [16], [(3528...3589, 4)]),
            (
                "maestro", [12],
                [
                    (5018...5018, 4), (5020...5020, 4), (5038...5038, 4), (5600...5899, 4), (6304...6304, 4),
                    (6759...6759, 4), (6761...6763, 4), (604...604, 4), (6390...6390, 4),
                ]
            ),
        ] as [(String, [Int], [(ClosedRange<Int>, Int)])])
    func cardNumbers(_ type: String, _ lengths: [Int], _ prefixes: [(ClosedRange<Int>, Int)]) throws {
        for unique in [false, true] {
            let numbers = try Self.strings("{{credit_card_number:card_type=\(type),unique=\(unique)}}", count: 1000)
            for number in numbers {
                #expect(Self.luhnValid(number), "\(number)")
                #expect(lengths.contains(number.count), "\(number)")
                #expect(prefixes.contains { Self.hasPrefix(number, $0.0, digits: $0.1) }, "\(number)")
            }
            if unique { #expect(Set(numbers).count == numbers.count) }
        }
    }

    @Test func anyCardType() throws {
        let numbers = try Self.strings("{{credit_card_number}}", count: 2000)
        #expect(numbers.allSatisfy(Self.luhnValid))
        #expect(Set(numbers.map(\.count)) == [12, 13, 14, 15, 16, 19])
        #expect(!Self.compiles("{{credit_card_number:card_type=unknown}}"))
    }

    /// Unique card numbers are distinct only if, among types of one length, no prefix starts another.
    @Test func cardPrefixesArePrefixFree() {
        var byLength: [Int: [String]] = [:]
        for type in FinanceProvider.cardTypes {
            for run in type.prefixes {
                for value in run.low...run.high {
                    let text = String(value)
                    byLength[type.length, default: []].append(
                        String(repeating: "0", count: run.digits - text.count) + text)
                }
            }
        }
        for (_, prefixes) in byLength {
            #expect(Set(prefixes).count == prefixes.count)
            let sorted = prefixes.sorted()
            for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(!b.hasPrefix(a), "\(a) starts \(b)") }
        }
    }

    @Test func uniqueCardNumbersOverAllTypes() throws {
        let numbers = try Self.strings("{{credit_card_number:unique=true}}", count: 5000)
        #expect(Set(numbers).count == numbers.count)
        #expect(numbers.allSatisfy(Self.luhnValid))
    }

    @Test func providersAndSecurityCodes() throws {
        let names = Set(FinanceProvider.cardTypes.map(\.name))
        #expect(try Self.strings("{{credit_card_provider}}").allSatisfy(names.contains))
        #expect(
            try Self.strings("{{credit_card_provider:card_type=amex}}", count: 10).allSatisfy {
                $0 == "American Express"
            })
        #expect(
            try Self.strings("{{credit_card_security_code:card_type=amex}}").allSatisfy {
                $0.count == 4 && Self.isDigits($0)
            })
        #expect(
            try Self.strings("{{credit_card_security_code:card_type=visa}}").allSatisfy {
                $0.count == 3 && Self.isDigits($0)
            })
        let mixed = try Self.strings("{{credit_card_security_code}}")
        #expect(mixed.allSatisfy { ($0.count == 3 || $0.count == 4) && Self.isDigits($0) })
    }

    @Test func expiryDates() throws {
        let startYear = 2023  // 1_700_000_000 is 2023-11-14
        for expiry in try Self.strings("{{credit_card_expire}}") {
            let parts = expiry.split(separator: "/")
            #expect(parts.count == 2 && parts[0].count == 2 && parts[1].count == 2, "\(expiry)")
            let month = try #require(Int(parts[0]))
            let year = 2000 + (try #require(Int(parts[1])))
            #expect((1...12).contains(month))
            #expect((startYear...startYear + 10).contains(year), "\(expiry)")
        }
        for expiry in try Self.strings("{{credit_card_expire:start=2030-01-01,end=2030-12-31,date_format='%Y-%m-%d'}}")
        {
            #expect(expiry.hasPrefix("2030-") && expiry.count == 10, "\(expiry)")
        }
        let named = try Self.strings("{{credit_card_expire:date_format='%b %Y'}}", count: 100)
        #expect(named.allSatisfy { $0.count == 8 })
        #expect(!Self.compiles("{{credit_card_expire:date_format='%Q'}}"))
        #expect(!Self.compiles("{{credit_card_expire:start=+2y,end=now}}"))
    }

    @Test func fullCardDetails() throws {
        for text in try Self.strings("{{credit_card_full}}", count: 300) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 5 && lines[4].isEmpty, "\(text)")
            let numberLine = lines[2].split(separator: " ")
            #expect(numberLine.count == 2 && Self.luhnValid(String(numberLine[0])), "\(text)")
            #expect(lines[3].hasPrefix("CVC: ") || lines[3].hasPrefix("CVV: ") || lines[3].hasPrefix("CID: "))
        }
    }

    /// ISO 7064 mod 97-10 over the IBAN moved to end with its country code and check digits.
    static func ibanRemainder(_ iban: String) -> Int {
        let bytes = Array(iban.utf8)
        var remainder = 0
        for byte in bytes[4...] + bytes[..<4] {
            if byte >= 0x41 {
                remainder = (remainder * 100 + Int(byte - 0x41) + 10) % 97
            } else {
                remainder = (remainder * 10 + Int(byte - 0x30)) % 97
            }
        }
        return remainder
    }

    static func isBBAN(_ text: Substring) -> Bool {
        text.count == 18 && text.prefix(4).utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A } && isDigits(text.dropFirst(4))
    }

    @Test(arguments: [false, true])
    func ibans(_ unique: Bool) throws {
        let ibans = try Self.strings("{{iban:unique=\(unique)}}", count: 5000)
        for iban in ibans {
            #expect(iban.count == 22 && iban.hasPrefix("GB") && Self.isDigits(iban.dropFirst(2).prefix(2)), "\(iban)")
            #expect(Self.isBBAN(iban.dropFirst(4)), "\(iban)")
            #expect(Self.ibanRemainder(iban) == 1, "\(iban)")
        }
        if unique { #expect(Set(ibans).count == ibans.count) }
        for bban in try Self.strings("{{bban:unique=\(unique)}}", count: 500) { #expect(Self.isBBAN(Substring(bban))) }
    }

    @Test(arguments: [false, true])
    func abaRoutingNumbers(_ unique: Bool) throws {
        let numbers = try Self.strings("{{aba:unique=\(unique)}}", count: 3000)
        for number in numbers {
            let d = number.utf8.map { Int($0) - 0x30 }
            #expect(number.count == 9 && Self.isDigits(number), "\(number)")
            #expect((1...12).contains(d[0] * 10 + d[1]), "\(number)")
            #expect((3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5] + d[8]) % 10 == 0, "\(number)")
        }
        if unique { #expect(Set(numbers).count == numbers.count) }
    }

    static func isSWIFT(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        let upper = { (b: UInt8) in b >= 0x41 && b <= 0x5A }
        let alnum = { (b: UInt8) in upper(b) || (b >= 0x30 && b <= 0x39) }
        return (bytes.count == 8 || bytes.count == 11) && bytes[0..<4].allSatisfy(upper)
            && code.dropFirst(4).hasPrefix("GB") && bytes[6...].allSatisfy(alnum)
    }

    @Test func swiftCodes() throws {
        let codes = try Self.strings("{{swift}}")
        #expect(codes.allSatisfy(Self.isSWIFT))
        #expect(Set(codes.map(\.count)) == [8, 11])
        #expect(try Self.strings("{{swift8}}", count: 100).allSatisfy { $0.count == 8 && Self.isSWIFT($0) })
        #expect(try Self.strings("{{swift11}}", count: 100).allSatisfy { $0.count == 11 && Self.isSWIFT($0) })
        #expect(try Self.strings("{{swift:length=11,primary=true}}", count: 100).allSatisfy { $0.hasSuffix("XXX") })
        #expect(try Self.strings("{{swift11:use_dataset=true}}", count: 10).allSatisfy(Self.isSWIFT))
        #expect(!Self.compiles("{{swift:length=9}}"))
        #expect(!Self.compiles("{{swift8:primary=true}}"))
    }

    @Test func sameSeedSameBytes() throws {
        let template = #"{"c": "{{credit_card_full}}", "i": "{{iban}}", "a": "{{aba}}", "e": "{{credit_card_expire}}"}"#
        let plan = try Plan.compile(json: template, options: CompileOptions(format: .ndjson, now: Self.now))
        let first = try Executor.render(plan, Executor.Run(seed: 3, count: 500, threads: 1))
        let second = try Executor.render(plan, Executor.Run(seed: 3, count: 500, threads: 3))
        #expect(first == second)
        #expect(first != (try Executor.render(plan, Executor.Run(seed: 4, count: 500, threads: 1))))
    }
}
