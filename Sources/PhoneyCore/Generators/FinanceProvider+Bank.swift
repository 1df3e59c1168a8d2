extension FinanceProvider {
    /// en_US has no IBAN of its own; like Faker, bank accounts use the United Kingdom's layout.
    static let ibanCountry: (UInt8, UInt8) = (UInt8(ascii: "G"), UInt8(ascii: "B"))
    /// Digits after the 4-letter bank code of a UK BBAN (6-digit sort code, 8-digit account).
    static let bbanDigits = 14
    static let bbanDigitSpace: UInt64 = 100_000_000_000_000

    /// Writes a random BBAN: 4 upper-case letters and 14 digits.
    static func writeBBAN(_ context: EmitContext) {
        for _ in 0..<4 { context.out.append(UInt8(ascii: "A") &+ UInt8(context.rng.below(26))) }
        context.out.appendRandomDigits(bbanDigits, &context.rng)
    }

    /// Writes the BBAN for `index`: the low digits spell `index % 10^14`, the letters the rest in base 26.
    ///
    /// 26⁴ × 10¹⁴ exceeds 2⁶⁴, so every 64-bit index has its own BBAN.
    static func writeIndexedBBAN(_ index: UInt64, _ out: inout ByteWriter) {
        var letters = index / bbanDigitSpace
        var code: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        code.3 = UInt8(letters % 26)
        letters /= 26
        code.2 = UInt8(letters % 26)
        letters /= 26
        code.1 = UInt8(letters % 26)
        letters /= 26
        code.0 = UInt8(letters % 26)
        out.append(UInt8(ascii: "A") &+ code.0)
        out.append(UInt8(ascii: "A") &+ code.1)
        out.append(UInt8(ascii: "A") &+ code.2)
        out.append(UInt8(ascii: "A") &+ code.3)
        out.appendPadded(index % bbanDigitSpace, width: bbanDigits)
    }

    /// Adds one IBAN character to a running mod-97 remainder (letters count as 10…35, two digits).
    @inline(__always)
    static func mod97(_ remainder: UInt64, _ byte: UInt8) -> UInt64 {
        if byte >= UInt8(ascii: "A") {
            return (remainder * 100 + UInt64(byte - UInt8(ascii: "A")) + 10) % 97
        }
        return (remainder * 10 + UInt64(byte - UInt8(ascii: "0"))) % 97
    }

    /// Writes `GB`, the check digits and the BBAN for `index` (a random one when nil), computing the
    /// ISO 7064 mod-97-10 check digits over the bytes in place.
    static func writeIBAN(_ context: EmitContext, index: UInt64?) {
        context.out.append(ibanCountry.0)
        context.out.append(ibanCountry.1)
        let checkAt = context.out.count
        context.out.append(UInt8(ascii: "0"))
        context.out.append(UInt8(ascii: "0"))
        if let index {
            writeIndexedBBAN(index, &context.out)
        } else {
            writeBBAN(context)
        }
        setCheckDigits(at: checkAt, &context.out)
    }

    /// Fills the two check digits at `checkAt` for the BBAN written after them.
    static func setCheckDigits(at checkAt: Int, _ out: inout ByteWriter) {
        var remainder: UInt64 = 0
        for position in (checkAt + 2)..<out.count { remainder = mod97(remainder, out.base[position]) }
        remainder = mod97(remainder, ibanCountry.0)
        remainder = mod97(remainder, ibanCountry.1)
        remainder = mod97(remainder, UInt8(ascii: "0"))
        remainder = mod97(remainder, UInt8(ascii: "0"))
        let check = 98 - remainder
        out.base[checkAt] = 0x30 &+ UInt8(check / 10)
        out.base[checkAt + 1] = 0x30 &+ UInt8(check % 10)
    }

    /// Writes a 9-digit ABA routing number: Federal Reserve district 01–12, six digits, then the check digit that
    /// makes 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) a multiple of 10.
    static func writeABA(district: UInt64, rest: UInt64, _ out: inout ByteWriter) {
        out.appendPadded(district, width: 2)
        out.appendPadded(rest, width: 6)
        let start = out.count - 8
        let weights: (UInt64, UInt64, UInt64) = (3, 7, 1)
        var sum: UInt64 = 0
        for offset in 0..<8 {
            let digit = UInt64(out.base[start + offset] &- 0x30)
            switch offset % 3 {
            case 0: sum += digit * weights.0
            case 1: sum += digit * weights.1
            default: sum += digit * weights.2
            }
        }
        out.append(0x30 &+ UInt8((10 - sum % 10) % 10))
    }

    static let alphanumerics: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)

    /// Writes a SWIFT/BIC code: bank code, `GB`, location code, and a branch code when `length` is 11
    /// (`XXX` for a primary office); `length` 0 picks 8 or 11 evenly.
    static func writeSWIFT(length: Int, primary: Bool, _ context: EmitContext) {
        for _ in 0..<4 { context.out.append(UInt8(ascii: "A") &+ UInt8(context.rng.below(26))) }
        context.out.append(ibanCountry.0)
        context.out.append(ibanCountry.1)
        for _ in 0..<2 { context.out.append(alphanumerics[context.rng.index(36)]) }
        let eleven = length == 11 || (length == 0 && context.rng.next() & 1 == 0)
        guard eleven else { return }
        if primary {
            for _ in 0..<3 { context.out.append(UInt8(ascii: "X")) }
        } else {
            for _ in 0..<3 { context.out.append(alphanumerics[context.rng.index(36)]) }
        }
    }

    static func swiftSpec(_ name: String, length fixed: Int?, _ summary: String) -> GeneratorSpec {
        var parameters: [GeneratorSpec.Parameter] = []
        if fixed == nil { parameters.append(.init("length", "int")) }
        if fixed != 8 { parameters.append(.init("primary", "bool", "false")) }
        parameters.append(.init("use_dataset", "bool", "false"))
        return GeneratorSpec(name, provider: "bank", parameters: parameters, summary: summary) { arguments, _ in
            var length = fixed ?? 0
            if fixed == nil, let requested = try arguments.int("length") {
                guard requested == 8 || requested == 11 else {
                    throw arguments.error("length", "must be 8 or 11, got \(requested)")
                }
                length = Int(requested)
            }
            let primary = fixed == 8 ? false : try arguments.bool("primary", default: false)
            // No dataset of real bank codes ships with Phoney; the flag is accepted and codes stay random.
            _ = try arguments.bool("use_dataset", default: false)
            let resolved = length
            return CompiledGenerator { context in writeSWIFT(length: resolved, primary: primary, context) }
        }
    }

    static let bankGenerators: [GeneratorSpec] = [
        GeneratorSpec(
            "iban", provider: "bank", summary: "A UK-format IBAN (`GB` + check digits + bank code + 14 digits)"
        ) { _, _ in
            CompiledGenerator(
                uniqueDomain: .max,
                emitIndexed: { context, index in writeIBAN(context, index: index) },
                emit: { context in writeIBAN(context, index: nil) })
        },
        GeneratorSpec("bban", provider: "bank", summary: "A UK-format basic bank account number") { _, _ in
            CompiledGenerator(
                uniqueDomain: .max,
                emitIndexed: { context, index in writeIndexedBBAN(index, &context.out) },
                emit: { context in writeBBAN(context) })
        },
        GeneratorSpec("aba", provider: "bank", summary: "A 9-digit ABA routing transit number with a valid checksum") {
            _, _ in
            CompiledGenerator(
                uniqueDomain: 12_000_000,
                emitIndexed: { context, index in
                    writeABA(district: 1 + index / 1_000_000, rest: index % 1_000_000, &context.out)
                },
                emit: { context in
                    writeABA(district: 1 + context.rng.below(12), rest: context.rng.below(1_000_000), &context.out)
                })
        },
        swiftSpec("swift", length: nil, "A SWIFT/BIC code of 8 or 11 characters"),
        swiftSpec("swift8", length: 8, "An 8-character SWIFT/BIC code"),
        swiftSpec("swift11", length: 11, "An 11-character SWIFT/BIC code; `primary=true` ends in XXX"),
        .constant("bank_country", provider: "bank", "GB", "The country of the IBANs and BBANs made here: GB"),
    ]
}
