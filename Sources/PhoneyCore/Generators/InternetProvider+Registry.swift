extension InternetProvider {
    /// Writes a registry handle: 2–4 upper-case letters, 1–5 digits from 1 to 9, `-`, then `suffix` with `#` as a
    /// digit, `%` as a digit from 1 to 9 and `?` as a letter (Faker's `bothify`, upper-cased).
    static func writeHandle(suffix: [UInt8], _ context: EmitContext) {
        for _ in 0..<context.rng.int(2, 4) { context.out.append(UInt8(ascii: "A") &+ UInt8(context.rng.below(26))) }
        for _ in 0..<context.rng.int(1, 5) { context.out.append(0x31 &+ UInt8(context.rng.below(9))) }
        context.out.append(UInt8(ascii: "-"))
        for byte in suffix {
            switch byte {
            case UInt8(ascii: "#"): context.out.append(0x30 &+ UInt8(context.rng.below(10)))
            case UInt8(ascii: "%"): context.out.append(0x31 &+ UInt8(context.rng.below(9)))
            case UInt8(ascii: "?"): context.out.append(UInt8(ascii: "A") &+ UInt8(context.rng.below(26)))
            default: context.out.append(byte)
            }
        }
    }

    /// A handle suffix argument, upper-cased; Faker requires at least two characters.
    static func handleSuffix(_ arguments: inout Arguments, default fallback: String) throws(TemplateError) -> [UInt8] {
        let suffix = try arguments.string("suffix", default: fallback)
        guard suffix.count >= 2 else {
            throw arguments.error("suffix", "must be at least 2 characters long, got `\(suffix)`")
        }
        return Array(suffix.uppercased().utf8)
    }

    /// One step of the domain-generation algorithm Faker's `dga` uses, over the running year, month and day.
    static func writeDGA(year: UInt64, month: UInt64, day: UInt64, length: Int, _ out: inout ByteWriter) {
        var (y, m, d) = (year, month, day)
        for _ in 0..<length {
            y = ((y ^ (8 &* y)) >> 11) ^ ((y & 0xFFFF_FFF0) << 17)
            m = ((m ^ (4 &* m)) >> 25) ^ (16 &* (m & 0xFFFF_FFF8))
            d = ((d ^ (d << 13)) >> 19) ^ ((d & 0xFFFF_FFFE) << 12)
            out.append(0x61 &+ UInt8((y ^ m ^ d) % 25))
        }
    }

    /// A URL template with `{width}` and `{height}` fields, split once.
    struct ImageTemplate: Sendable {
        enum Piece: Sendable {
            case literal([UInt8])
            case width, height
        }

        var pieces: [Piece] = []
        var jsonSafe = true

        init(_ text: String) {
            var rest = Substring(text)
            var literal: [UInt8] = []
            while let open = rest.firstIndex(of: "{") {
                let tail = rest[open...]
                let field: Piece? = tail.hasPrefix("{width}") ? .width : tail.hasPrefix("{height}") ? .height : nil
                guard let field else {
                    literal.append(contentsOf: rest[...open].utf8)
                    rest = rest[rest.index(after: open)...]
                    continue
                }
                literal.append(contentsOf: rest[..<open].utf8)
                if !literal.isEmpty { pieces.append(.literal(literal)) }
                literal = []
                pieces.append(field)
                rest = tail.dropFirst(field.isWidth ? 7 : 8)
            }
            literal.append(contentsOf: rest.utf8)
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            jsonSafe = !text.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
        }

        func write(width: UInt64, height: UInt64, _ out: inout ByteWriter) {
            for piece in pieces {
                switch piece {
                case .literal(let bytes): out.append(bytes)
                case .width: out.appendDecimal(width)
                case .height: out.appendDecimal(height)
                }
            }
        }
    }

    static let imageServices: [ImageTemplate] = [
        ImageTemplate("https://picsum.photos/{width}/{height}"),
        ImageTemplate("https://dummyimage.com/{width}x{height}"),
        ImageTemplate("https://placekitten.com/{width}/{height}"),
    ]

    static let networkClasses = Table(rows: [["a"], ["b"], ["c"]])

    static let registryGenerators: [GeneratorSpec] = [
        GeneratorSpec("iana_id", provider: "internet", summary: "An IANA registrar ID, 1 to 8888888") { _, _ in
            CompiledGenerator(
                uniqueDomain: 8_888_888,
                emitIndexed: { context, index in context.out.appendDecimal(index + 1) },
                emit: { context in context.out.appendDecimal(1 + context.rng.below(8_888_888)) })
        },
        GeneratorSpec("ripe_id", provider: "internet", summary: "A RIPE NCC handle such as `ABC123-RIPE`") { _, _ in
            let suffix = Array("RIPE".utf8)
            return CompiledGenerator { context in writeHandle(suffix: suffix, context) }
        },
        GeneratorSpec(
            "nic_handle", provider: "internet", parameters: [.init("suffix", "string", "FAKE")],
            summary: "A NIC handle such as `AB12-FAKE`; `?` and `#` in `suffix` become letters and digits"
        ) { arguments, _ in
            let suffix = try handleSuffix(&arguments, default: "FAKE")
            let safe = !suffix.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
            return CompiledGenerator(jsonSafe: safe) { context in writeHandle(suffix: suffix, context) }
        },
        GeneratorSpec(
            "nic_handles", provider: "internet", type: .array,
            parameters: [.init("count", "int", "1"), .init("suffix", "string", "????")],
            summary: "A list of `count` NIC handles with random (or given) suffixes"
        ) { arguments, _ in
            let count = Int(try arguments.int("count", default: 1, in: 0...10_000))
            let suffix = try handleSuffix(&arguments, default: "????")
            return CompiledGenerator(type: .array, jsonSafe: false) { context in
                context.out.append(UInt8(ascii: "["))
                for position in 0..<count {
                    if position > 0 { context.out.append(UInt8(ascii: ",")) }
                    MiscProvider.quoted(context) { writeHandle(suffix: suffix, context) }
                }
                context.out.append(UInt8(ascii: "]"))
            }
        },
        GeneratorSpec(
            "dga", provider: "internet",
            parameters: [
                .init("year", "int"), .init("month", "int"), .init("day", "int"), .init("tld", "string"),
                .init("length", "int"),
            ],
            summary: "A domain from a domain-generation algorithm seeded by a date; random parts where not given"
        ) { arguments, locale in
            // As in Faker, 0 or none draws the part at random.
            let year = try arguments.int("year", default: 0, in: 0...9_999)
            let month = try arguments.int("month", default: 0, in: 0...12)
            let day = try arguments.int("day", default: 0, in: 0...31)
            let length = Int(try arguments.int("length", default: 0, in: 0...63))
            var tld: [UInt8]? = nil
            if let text = try arguments.string("tld"), !text.isEmpty, text.lowercased() != "none" {
                tld = Array(text.utf8)
            }
            let fixedTLD = tld
            let safe =
                fixedTLD.map { !$0.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } }
                ?? locale.topLevelDomains.isJSONSafe
            return CompiledGenerator(jsonSafe: safe) { context in
                writeDGA(
                    year: UInt64(year > 0 ? year : context.rng.int(1, 9_999)),
                    month: UInt64(month > 0 ? month : context.rng.int(1, 12)),
                    day: UInt64(day > 0 ? day : context.rng.int(1, 30)),
                    length: length > 0 ? length : Int(context.rng.int(2, 63)), &context.out)
                context.out.append(UInt8(ascii: "."))
                if let fixedTLD { context.out.append(fixedTLD) } else { writeTLD(locale, context) }
            }
        },
        GeneratorSpec(
            "image_url", provider: "internet",
            parameters: [.init("width", "int"), .init("height", "int"), .init("placeholder_url", "string")],
            summary: "A placeholder image URL; `placeholder_url` may hold `{width}` and `{height}`"
        ) { arguments, _ in
            let width = try arguments.int("width", default: 0, in: 0...1_000_000)
            let height = try arguments.int("height", default: 0, in: 0...1_000_000)
            var templates = imageServices
            if let text = try arguments.string("placeholder_url"), text.lowercased() != "none" {
                templates = [ImageTemplate(text)]
            }
            let chosen = templates
            return CompiledGenerator(jsonSafe: chosen.allSatisfy(\.jsonSafe)) { context in
                let template = chosen.count == 1 ? chosen[0] : chosen[context.rng.index(chosen.count)]
                template.write(
                    width: UInt64(width > 0 ? width : context.rng.int(0, 1_024)),
                    height: UInt64(height > 0 ? height : context.rng.int(0, 1_024)), &context.out)
            }
        },
        InternetProvider.table("ipv4_network_class", "An IPv4 network class: a, b or c") { _ in networkClasses },
    ]
}

extension InternetProvider.ImageTemplate.Piece {
    var isWidth: Bool {
        if case .width = self { return true }
        return false
    }
}
