/// Faker's `misc`, `color` and `profile` providers: UUIDs, hashes, passwords, picks from a list, colors and
/// whole person profiles.
enum MiscProvider {
    static let generators: [GeneratorSpec] =
        [uuid4, hash("md5", bytes: 16), hash("sha1", bytes: 20), hash("sha256", bytes: 32), password, randomElement]
        + colorGenerators + profileGenerators + patternGenerators

    /// Writes an RFC 4122 version 4 UUID from 128 bits, forcing the version nibble to 4 and the variant to `10`.
    static func writeUUID(high: UInt64, low: UInt64, _ out: inout ByteWriter) {
        let high = high & ~0xF000 | 0x4000
        let low = low & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000
        out.appendHex(high >> 32, digits: 8)
        out.append(UInt8(ascii: "-"))
        out.appendHex(high >> 16, digits: 4)
        out.append(UInt8(ascii: "-"))
        out.appendHex(high, digits: 4)
        out.append(UInt8(ascii: "-"))
        out.appendHex(low >> 48, digits: 4)
        out.append(UInt8(ascii: "-"))
        out.appendHex(low, digits: 12)
    }

    static let uuid4 = GeneratorSpec(
        "uuid4", provider: "misc", parameters: [.init("cast_to", "string", "str")],
        summary: "A random (version 4) UUID, lower-case with dashes"
    ) { arguments, _ in
        // Values are always text, so `cast_to` changes nothing; it is read so Faker templates still compile.
        _ = try arguments.string("cast_to")
        return CompiledGenerator(
            uniqueDomain: .max,
            emitIndexed: { context, index in
                // The low 62 bits of the index fill the random bits after the variant, the top 2 sit below the
                // version nibble; the other 58 random bits stay random.
                let high = context.rng.next() & ~0x3 | index >> 62
                writeUUID(high: high, low: index, &context.out)
            },
            emit: { context in writeUUID(high: context.rng.next(), low: context.rng.next(), &context.out) })
    }

    /// A hex digest-shaped value of `bytes` random bytes; the unique form spells the index in its first 16 digits.
    static func hash(_ name: String, bytes: Int) -> GeneratorSpec {
        GeneratorSpec(
            name, provider: "misc", parameters: [.init("raw_output", "bool", "false")],
            summary: "A random \(bytes * 8)-bit value as \(bytes * 2) lower-case hex digits, shaped like \(name)"
        ) { arguments, _ in
            if try arguments.bool("raw_output", default: false) {
                throw arguments.error("raw_output", "must be false: raw bytes are not JSON data; values are hex")
            }
            @Sendable func rest(_ context: EmitContext) {
                var digits = bytes * 2 - 16
                while digits > 0 {
                    let chunk = min(digits, 16)
                    context.out.appendHex(context.rng.next(), digits: chunk)
                    digits -= chunk
                }
            }
            return CompiledGenerator(
                uniqueDomain: .max,
                emitIndexed: { context, index in
                    context.out.appendHex(index, digits: 16)
                    rest(context)
                },
                emit: { context in
                    context.out.appendHex(context.rng.next(), digits: 16)
                    rest(context)
                })
        }
    }

    static let specialCharacters: [UInt8] = Array("!@#$%^&*()_+".utf8)
    static let digitCharacters: [UInt8] = Array("0123456789".utf8)
    static let upperCharacters: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
    static let lowerCharacters: [UInt8] = Array("abcdefghijklmnopqrstuvwxyz".utf8)

    /// Writes `length` characters from `alphabet`, then puts one character of each required class at its own
    /// random position, so every requested class appears.
    static func writePassword(length: Int, alphabet: [UInt8], required: [[UInt8]], _ context: EmitContext) {
        let start = context.out.count
        context.out.reserve(length)
        for _ in 0..<length { context.out.append(alphabet[context.rng.index(alphabet.count)]) }
        var taken: (Int, Int, Int, Int) = (-1, -1, -1, -1)
        for (slot, characters) in required.enumerated() {
            var position: Int
            repeat {
                position = context.rng.index(length)
            } while position == taken.0 || position == taken.1 || position == taken.2 || position == taken.3
            switch slot {
            case 0: taken.0 = position
            case 1: taken.1 = position
            case 2: taken.2 = position
            default: taken.3 = position
            }
            context.out.base[start + position] = characters[context.rng.index(characters.count)]
        }
    }

    static let password = GeneratorSpec(
        "password", provider: "misc",
        parameters: [
            .init("length", "int", "10"), .init("special_chars", "bool", "true"), .init("digits", "bool", "true"),
            .init("upper_case", "bool", "true"), .init("lower_case", "bool", "true"),
        ],
        summary: "A random password with at least one character of each enabled class"
    ) { arguments, _ in
        let length = Int(try arguments.int("length", default: 10, in: 1...10_000))
        var required: [[UInt8]] = []
        if try arguments.bool("special_chars", default: true) { required.append(specialCharacters) }
        if try arguments.bool("digits", default: true) { required.append(digitCharacters) }
        if try arguments.bool("upper_case", default: true) { required.append(upperCharacters) }
        if try arguments.bool("lower_case", default: true) { required.append(lowerCharacters) }
        if required.isEmpty {
            throw arguments.error(
                "lower_case", "cannot be false with every other class: a password needs at least one character class")
        }
        guard length >= required.count else {
            throw arguments.error("length", "must be at least \(required.count) to hold one of each enabled class")
        }
        let alphabet = required.flatMap { $0 }
        let classes = required
        return CompiledGenerator { context in
            writePassword(length: length, alphabet: alphabet, required: classes, context)
        }
    }
}
