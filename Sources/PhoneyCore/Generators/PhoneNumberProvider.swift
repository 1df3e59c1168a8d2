/// Faker's `phone_number` provider: the locale's phone formats with `#` for a digit.
enum PhoneNumberProvider {
    static func fill(_ format: UnsafeBufferPointer<UInt8>, _ context: EmitContext) {
        context.out.reserve(format.count)
        for byte in format {
            if byte == UInt8(ascii: "#") {
                context.out.base[context.out.count] = 0x30 &+ UInt8(truncatingIfNeeded: context.rng.below(10))
            } else {
                context.out.base[context.out.count] = byte
            }
            context.out.count &+= 1
        }
    }

    static let generators: [GeneratorSpec] = [
        GeneratorSpec("phone_number", provider: "phone_number", summary: "A phone number in a local format") {
            _, locale in
            let formats = locale.phoneFormats
            let digits = formats.bytes(0).reduce(0) { $0 + ($1 == UInt8(ascii: "#") ? 1 : 0) }
            var size: UInt64 = 1
            for _ in 0..<min(digits, 18) { size *= 10 }
            let domain = size
            return CompiledGenerator(
                uniqueDomain: domain,
                emitIndexed: { context, index in
                    var rest = index
                    var divisor = domain / 10
                    for byte in formats.bytes(0) {
                        if byte == UInt8(ascii: "#"), divisor > 0 {
                            context.out.append(0x30 &+ UInt8(truncatingIfNeeded: rest / divisor))
                            rest %= divisor
                            divisor /= 10
                        } else {
                            context.out.append(byte == UInt8(ascii: "#") ? 0x30 : byte)
                        }
                    }
                },
                emit: { context in fill(formats.bytes(formats.pick(&context.rng)), context) })
        },
        GeneratorSpec("basic_phone_number", provider: "phone_number", summary: "A phone number as ###-###-####") {
            _, _ in
            CompiledGenerator { context in
                fill(UnsafeBufferPointer(start: basicFormat.utf8Start, count: basicFormat.utf8CodeUnitCount), context)
            }
        },
        GeneratorSpec("msisdn", provider: "phone_number", summary: "A 13-digit MSISDN") { _, _ in
            CompiledGenerator(
                uniqueDomain: 10_000_000_000_000,
                emitIndexed: { context, index in context.out.appendPadded(index, width: 13) },
                emit: { context in context.out.appendRandomDigits(13, &context.rng) })
        },
        GeneratorSpec("country_calling_code", provider: "phone_number", summary: "A country calling code like +44") {
            _, _ in
            CompiledGenerator { context in
                let codes = callingCodes
                context.out.append(contentsOf: "+")
                context.out.appendDecimal(UInt64(codes[context.rng.index(codes.count)]))
            }
        },
    ]

    static let basicFormat: StaticString = "###-###-####"
    static let callingCodes: [UInt16] = [
        1, 7, 20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58,
        60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98, 212, 213, 216, 218, 220, 221, 233, 234,
        254, 255, 256, 351, 352, 353, 354, 355, 356, 357, 358, 359, 370, 371, 372, 380, 381, 385, 386, 420, 421, 852,
        880, 886, 961, 962, 965, 966, 971, 972, 974, 977,
    ]
}
