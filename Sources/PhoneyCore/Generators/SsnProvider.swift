/// Faker's `ssn` provider (en_US): Social Security numbers, ITINs and EINs in the shapes the SSA and IRS issue,
/// and SSNs that can never be issued.
enum SsnProvider {
    /// SSN areas 001–899 without 666: 898 of them; groups 01–99; serials 0001–9999.
    static let ssnDomain: UInt64 = 898 * 99 * 9_999

    /// ITIN middle digits: 70–88, 90–92 and 94–99 (Faker's 70–99 without 89 and 93).
    static let itinGroups: [UInt64] = Array(70...88) + Array(90...92) + Array(94...99)

    /// The IRS campus prefixes an EIN may start with.
    static let einPrefixes: [UInt64] = [
        1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15, 16, 20, 21, 22, 23, 24, 25, 26, 27, 30, 31, 32, 33, 34, 35, 36, 37,
        38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65,
        66, 67, 68, 71, 72, 73, 74, 75, 76, 77, 80, 81, 82, 83, 84, 85, 86, 87, 88, 90, 91, 92, 93, 94, 95, 98, 99,
    ]

    static func writeNumber(_ area: UInt64, _ group: UInt64, _ serial: UInt64, _ out: inout ByteWriter) {
        out.appendPadded(area, width: 3)
        out.append(UInt8(ascii: "-"))
        out.appendPadded(group, width: 2)
        out.append(UInt8(ascii: "-"))
        out.appendPadded(serial, width: 4)
    }

    static func writeSSN(_ context: EmitContext) {
        let area = 1 + context.rng.below(898)
        writeNumber(
            area >= 666 ? area + 1 : area, 1 + context.rng.below(99), 1 + context.rng.below(9_999), &context.out)
    }

    static func writeSSN(index: UInt64, _ out: inout ByteWriter) {
        let serial = 1 + index % 9_999
        let group = 1 + index / 9_999 % 99
        let area = 1 + index / (9_999 * 99)
        writeNumber(area >= 666 ? area + 1 : area, group, serial, &out)
    }

    static func writeITIN(index: UInt64, _ out: inout ByteWriter) {
        let serial = index % 10_000
        let group = itinGroups[Int(index / 10_000 % UInt64(itinGroups.count))]
        writeNumber(900 + index / (10_000 * UInt64(itinGroups.count)), group, serial, &out)
    }

    static func writeEIN(index: UInt64, _ out: inout ByteWriter) {
        out.appendPadded(einPrefixes[Int(index / 10_000_000)], width: 2)
        out.append(UInt8(ascii: "-"))
        out.appendPadded(index % 10_000_000, width: 7)
    }

    /// An SSN that breaks a rule: area 000, 666 or 9xx, or else group 00 or serial 0000.
    static func writeInvalidSSN(_ context: EmitContext) {
        let area = context.rng.below(1_000)
        if area == 0 || area == 666 || area >= 900 {
            writeNumber(area, context.rng.below(100), context.rng.below(10_000), &context.out)
        } else if context.rng.next() & 1 == 0 {
            writeNumber(area, 0, context.rng.below(10_000), &context.out)
        } else {
            writeNumber(area, context.rng.below(100), 0, &context.out)
        }
    }

    enum Kind: String, CaseIterable {
        case ssn = "SSN", ein = "EIN", itin = "ITIN", invalidSSN = "INVALID_SSN"
    }

    static func compiled(_ kind: Kind) -> CompiledGenerator {
        switch kind {
        case .ssn:
            return CompiledGenerator(
                uniqueDomain: ssnDomain,
                emitIndexed: { context, index in writeSSN(index: index, &context.out) },
                emit: { context in writeSSN(context) })
        case .itin:
            let domain = 100 * UInt64(itinGroups.count) * 10_000
            return CompiledGenerator(
                uniqueDomain: domain,
                emitIndexed: { context, index in writeITIN(index: index, &context.out) },
                emit: { context in writeITIN(index: context.rng.below(domain), &context.out) })
        case .ein:
            let domain = UInt64(einPrefixes.count) * 10_000_000
            return CompiledGenerator(
                uniqueDomain: domain,
                emitIndexed: { context, index in writeEIN(index: index, &context.out) },
                emit: { context in writeEIN(index: context.rng.below(domain), &context.out) })
        case .invalidSSN:
            return CompiledGenerator { context in writeInvalidSSN(context) }
        }
    }

    static func spec(_ name: String, _ kind: Kind, _ summary: String) -> GeneratorSpec {
        GeneratorSpec(name, provider: "ssn", summary: summary) { _, _ in compiled(kind) }
    }

    static let generators: [GeneratorSpec] = [
        GeneratorSpec(
            "ssn", provider: "ssn", parameters: [.init("taxpayer_identification_number_type", "string", "SSN")],
            summary: "A US Social Security number `###-##-####` (never area 000, 666 or 9xx, group 00 or serial 0000)"
        ) { arguments, _ in
            let key = "taxpayer_identification_number_type"
            let text = try arguments.string(key, default: "SSN")
            guard let kind = Kind(rawValue: text.uppercased()) else {
                let known = Kind.allCases.map(\.rawValue).joined(separator: ", ")
                throw arguments.error(key, "must be one of \(known), got `\(text)`")
            }
            return compiled(kind)
        },
        spec("itin", .itin, "A US Individual Taxpayer Identification Number: `9##-7#-####`, middle 70–99 but 89, 93"),
        spec("ein", .ein, "A US Employer Identification Number `##-#######` with a valid IRS campus prefix"),
        spec("invalid_ssn", .invalidSSN, "A nine-digit number shaped like an SSN that breaks an issuing rule"),
    ]
}
