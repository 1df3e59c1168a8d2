/// Faker's `automotive` provider (en_US): license plates in the shapes US states issue, and 17-character vehicle
/// identification numbers with a valid ISO 3779 / 49 CFR 565 check digit.
enum AutomotiveProvider {
    /// Plate shapes used by US states: `#` a digit, `?` an upper-case letter.
    static let plateFormats = Table(
        rows: [
            "???-####", "???-###", "###-???", "#???###", "???###", "### ???", "###-####", "#??-###", "??#-####",
            "?##-???", "??-#####", "#-?????", "##?-###", "?## ###", "#?? ###", "### ###", "??? ###", "??? ####",
            "#??####", "##??###", "?###???", "###?###", "#?#####", "??# ?##", "##-?###", "?#?-###",
        ].map { [$0] })

    /// The 33 characters a VIN may hold: digits and letters except I, O and Q.
    static let characters: [UInt8] = Array("0123456789ABCDEFGHJKLMNPRSTUVWXYZ".utf8)
    /// Model-year codes (position 10): the VIN letters without U and Z, then 1–9.
    static let yearCodes: [UInt8] = Array("ABCDEFGHJKLMNPRSTVWXY123456789".utf8)
    /// Position weights for the check digit; position 9 (the check digit itself) weighs 0.
    static let weights: [UInt64] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
    /// The transliterated value of each ASCII byte: digits are themselves, letters as the standard assigns them.
    static let values: [UInt64] = {
        var table = [UInt64](repeating: 0, count: 128)
        for digit in 0..<10 { table[0x30 + digit] = UInt64(digit) }
        let letters: [(String, UInt64)] = [
            ("A", 1), ("B", 2), ("C", 3), ("D", 4), ("E", 5), ("F", 6), ("G", 7), ("H", 8), ("J", 1), ("K", 2),
            ("L", 3), ("M", 4), ("N", 5), ("P", 7), ("R", 9), ("S", 2), ("T", 3), ("U", 4), ("V", 5), ("W", 6),
            ("X", 7), ("Y", 8), ("Z", 9),
        ]
        for (letter, value) in letters { table[Int(letter.utf8.first!)] = value }
        return table
    }()

    /// Sets the check digit at offset 8 of the 17 bytes starting at `start`.
    static func setCheckDigit(at start: Int, _ out: inout ByteWriter) {
        var sum: UInt64 = 0
        for position in 0..<17 where position != 8 {
            sum += values[Int(out.base[start + position] & 0x7F)] * weights[position]
        }
        let remainder = sum % 11
        out.base[start + 8] = remainder == 10 ? UInt8(ascii: "X") : 0x30 &+ UInt8(remainder)
    }

    /// Writes a random VIN: eight identifier characters, the check digit, a model-year code, a plant code and a
    /// six-digit serial number.
    static func writeVIN(_ context: EmitContext) {
        let start = context.out.count
        for _ in 0..<8 { context.out.append(characters[context.rng.index(33)]) }
        context.out.append(UInt8(ascii: "0"))
        context.out.append(yearCodes[context.rng.index(30)])
        context.out.append(characters[context.rng.index(33)])
        context.out.appendRandomDigits(6, &context.rng)
        setCheckDigit(at: start, &context.out)
    }

    /// Writes the VIN for `index`, read in mixed radix from the serial number up; 33⁹ × 30 × 10⁶ exceeds 2⁶⁴, so
    /// every 64-bit index spells its own VIN.
    static func writeVIN(index: UInt64, _ out: inout ByteWriter) {
        let start = out.count
        out.reserve(17)
        var rest = index / 1_000_000
        let plant = characters[Int(rest % 33)]
        rest /= 33
        let year = yearCodes[Int(rest % 30)]
        rest /= 30
        for position in stride(from: 7, through: 0, by: -1) {
            out.base[start + position] = characters[Int(rest % 33)]
            rest /= 33
        }
        out.count += 8
        out.append(UInt8(ascii: "0"))
        out.append(year)
        out.append(plant)
        out.appendPadded(index % 1_000_000, width: 6)
        setCheckDigit(at: start, &out)
    }

    static let generators: [GeneratorSpec] = [
        GeneratorSpec("license_plate", provider: "automotive", summary: "A US-style license plate such as `7ABC123`") {
            _, _ in
            let formats = plateFormats
            return CompiledGenerator { context in
                FormatPattern.fill(formats.bytes(formats.pick(&context.rng)), context)
            }
        },
        GeneratorSpec(
            "vin", provider: "automotive",
            summary: "A 17-character vehicle identification number (no I, O, Q) with a valid check digit in position 9"
        ) { _, _ in
            CompiledGenerator(
                uniqueDomain: .max,
                emitIndexed: { context, index in writeVIN(index: index, &context.out) },
                emit: { context in writeVIN(context) })
        },
    ]
}
