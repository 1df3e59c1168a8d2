extension MiscProvider {
    /// Faker's profile keys, in the order Faker builds them.
    enum ProfileField: Int, CaseIterable {
        case job, company, ssn, residence, currentLocation, bloodGroup, website
        case username, name, sex, address, mail, birthdate

        var key: String {
            switch self {
            case .currentLocation: return "current_location"
            case .bloodGroup: return "blood_group"
            default: return String(describing: self)
            }
        }

        /// `,"key":` (without the comma for the first field written), pre-encoded.
        var prefix: [UInt8] { Array(",\"\(key)\":".utf8) }

        static let simple: [ProfileField] = [.username, .name, .sex, .address, .mail, .birthdate]
    }

    static let bloodGroups = Table(rows: ["A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-"].map { [$0] })

    /// Everything a profile needs, resolved at compile time.
    struct ProfileShape: Sendable {
        let locale: LocaleData
        /// The fields to write, in order.
        let kinds: [ProfileField]
        /// Their pre-encoded key prefixes, one after the other (padded for word copies): field `i`'s prefix is
        /// `prefixBytes[prefixStarts[i]..<prefixStarts[i + 1]]`. Flat, so writing them costs no reference counting.
        let prefixBytes: [UInt8]
        let prefixStarts: [Int]
        /// nil: either sex, evenly.
        let female: Bool?
        /// Birth dates fall in the last 115 years, in days since 1970.
        let birthDays: (Int64, Int64)

        init(_ arguments: inout Arguments, _ locale: LocaleData, allowed: [ProfileField]) throws(TemplateError) {
            self.locale = locale
            var chosen = allowed
            if allowed.count > ProfileField.simple.count, let requested = try arguments.list("fields") {
                var names: Set<String> = []
                for item in requested {
                    guard let name = item.text?.lowercased().trimmingWhitespace(),
                        allowed.contains(where: { $0.key == name })
                    else {
                        throw arguments.error(
                            "fields",
                            "must list profile keys from \(allowed.map(\.key).joined(separator: ", ")), "
                                + "got `\(item.text ?? "a list")`")
                    }
                    names.insert(name)
                }
                if !names.isEmpty { chosen = allowed.filter { names.contains($0.key) } }
            }
            kinds = chosen
            var bytes: [UInt8] = []
            var starts: [Int] = []
            for (position, field) in chosen.enumerated() {
                starts.append(bytes.count)
                bytes.append(contentsOf: position == 0 ? field.prefix.dropFirst() : field.prefix[...])
            }
            starts.append(bytes.count)
            prefixBytes = bytes + repeatElement(0, count: ByteWriter.overRead)
            prefixStarts = starts
            switch try arguments.string("sex")?.uppercased() {
            case nil, "NONE": female = nil
            case "F": female = true
            case "M": female = false
            case let other?: throw arguments.error("sex", "must be F or M, got `\(other)`")
            }
            let today = DateExpression.floorDiv(arguments.now, DateExpression.secondsPerDay)
            birthDays = (today - 42_004, today)
        }
    }

    /// Writes `bytes` as the inside of a JSON string.
    static func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, _ out: inout ByteWriter) {
        for byte in bytes {
            switch byte {
            case 0x22, 0x5C:
                out.append(0x5C)
                out.append(byte)
            case 0x0A:
                out.append(0x5C)
                out.append(UInt8(ascii: "n"))
            case 0..<0x20:
                out.append(0x5C)
                out.append(UInt8(ascii: "u"))
                out.appendHex(UInt64(byte), digits: 4)
            default:
                out.append(byte)
            }
        }
    }

    static func writeQuoted(_ table: Table, _ row: Int, _ out: inout ByteWriter) {
        out.append(0x22)
        if table.isJSONSafe {
            table.write(row, to: &out)
        } else {
            writeEscaped(table.bytes(row), &out)
        }
        out.append(0x22)
    }

    /// Writes what `body` writes as a JSON string: quoted, escaped in place.
    @inline(__always)
    static func quoted(_ context: EmitContext, _ body: () -> Void) {
        context.out.append(0x22)
        let start = context.out.count
        body()
        JSONEscape.escapeInPlace(&context.out, from: start)
        context.out.append(0x22)
    }

    /// Writes the person's name in the locale's order; a second surname (es_ES, pt_BR) is drawn afresh.
    static func writeName(_ locale: LocaleData, first: UnsafeBufferPointer<UInt8>, last: Int, _ context: EmitContext) {
        var lastWritten = false
        let pattern = locale.nameFormat
        for piece in pattern.pieces {
            switch piece {
            case .literal(let start, let count): pattern.writeLiteral(start: start, count: count, to: &context.out)
            case .part(.first): writeEscaped(first, &context.out)
            case .part(.last):
                let row = lastWritten ? locale.lastName.pick(&context.rng) : last
                lastWritten = true
                writeEscaped(locale.lastName.bytes(row), &context.out)
            case .part: break
            }
        }
    }

    /// Writes `-12.345678`: a coordinate with six decimals from millionths.
    static func writeCoordinate(_ millionths: Int64, _ out: inout ByteWriter) {
        if millionths < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = millionths.magnitude
        out.appendDecimal(magnitude / 1_000_000)
        out.append(UInt8(ascii: "."))
        out.appendPadded(magnitude % 1_000_000, width: 6)
    }

    /// Writes the profile object for one record: one person (sex, name) behind the name, user name and email.
    static func writeProfile(_ shape: ProfileShape, _ context: EmitContext) {
        let locale = shape.locale
        let female = shape.female ?? (context.rng.next() & 1 == 0)
        let first = (female ? locale.firstNameFemale : locale.firstNameMale).pick(&context.rng)
        let last = locale.lastName.pick(&context.rng)
        context.out.append(UInt8(ascii: "{"))
        shape.prefixBytes.withUnsafeBufferPointer { prefixBytes in
            for index in shape.kinds.indices {
                let start = shape.prefixStarts[index]
                context.out.append(
                    overReadable: prefixBytes.baseAddress! + start, count: shape.prefixStarts[index &+ 1] &- start)
                writeField(shape.kinds[index], shape, female: female, first: first, last: last, context)
            }
        }
        context.out.append(UInt8(ascii: "}"))
    }

    /// Writes the value of one profile field.
    @inline(__always)
    static func writeField(
        _ field: ProfileField, _ shape: ProfileShape, female: Bool, first: Int, last: Int, _ context: EmitContext
    ) {
        let locale = shape.locale
        let firstNames = female ? locale.firstNameFemale : locale.firstNameMale
        let firstTokens = female ? locale.firstNameFemaleASCII : locale.firstNameMaleASCII
        switch field {
        case .job: writeQuoted(locale.jobs, locale.jobs.pick(&context.rng), &context.out)
        case .company: quoted(context) { CompanyProvider.company(locale, context) }
        case .ssn:
            context.out.append(0x22)
            let area = 1 + context.rng.below(898)
            context.out.appendPadded(area >= 666 ? area + 1 : area, width: 3)
            context.out.append(UInt8(ascii: "-"))
            context.out.appendPadded(1 + context.rng.below(99), width: 2)
            context.out.append(UInt8(ascii: "-"))
            context.out.appendPadded(1 + context.rng.below(9999), width: 4)
            context.out.append(0x22)
        case .residence, .address: quoted(context) { AddressProvider.address(locale, context) }
        case .currentLocation:
            context.out.append(UInt8(ascii: "["))
            writeCoordinate(context.rng.int(-90_000_000, 90_000_000), &context.out)
            context.out.append(UInt8(ascii: ","))
            writeCoordinate(context.rng.int(-180_000_000, 180_000_000), &context.out)
            context.out.append(UInt8(ascii: "]"))
        case .bloodGroup:
            writeQuoted(bloodGroups, context.rng.index(bloodGroups.rows), &context.out)
        case .website:
            context.out.append(UInt8(ascii: "["))
            let count = 1 + context.rng.index(3)
            for position in 0..<count {
                if position > 0 { context.out.append(UInt8(ascii: ",")) }
                context.out.append(0x22)
                InternetProvider.writeURL(webSchemes, locale, context)
                context.out.append(0x22)
            }
            context.out.append(UInt8(ascii: "]"))
        case .username:
            context.out.append(0x22)
            InternetProvider.writeUserName(firstTokens.bytes(first), locale.lastNameASCII.bytes(last), context)
            context.out.append(0x22)
        case .name:
            context.out.append(0x22)
            writeName(locale, first: firstNames.bytes(first), last: last, context)
            context.out.append(0x22)
        case .sex:
            context.out.append(0x22)
            context.out.append(female ? UInt8(ascii: "F") : UInt8(ascii: "M"))
            context.out.append(0x22)
        case .mail:
            context.out.append(0x22)
            InternetProvider.writeUserName(firstTokens.bytes(first), locale.lastNameASCII.bytes(last), context)
            context.out.append(UInt8(ascii: "@"))
            InternetProvider.writeEmailDomain(.free, locale, context)
            context.out.append(0x22)
        case .birthdate:
            let (year, month, day) = DateExpression.civil(
                fromDays: context.rng.int(shape.birthDays.0, shape.birthDays.1))
            context.out.append(0x22)
            context.out.appendPadded(UInt64(clamping: year), width: 4)
            context.out.append(UInt8(ascii: "-"))
            context.out.appendPadded(UInt64(month), width: 2)
            context.out.append(UInt8(ascii: "-"))
            context.out.appendPadded(UInt64(day), width: 2)
            context.out.append(0x22)
        }
    }

    static let webSchemes: [[UInt8]] = [Array("http".utf8), Array("https".utf8)]

    static let profileGenerators: [GeneratorSpec] = [
        GeneratorSpec(
            "profile", provider: "profile", type: .object,
            parameters: [.init("fields", "list"), .init("sex", "string")],
            summary: "A person's profile as an object: job, company, ssn, residence, location, name, email…"
        ) { arguments, locale in
            let shape = try ProfileShape(&arguments, locale, allowed: ProfileField.allCases)
            return CompiledGenerator(type: .object, jsonSafe: false) { context in writeProfile(shape, context) }
        },
        GeneratorSpec(
            "simple_profile", provider: "profile", type: .object, parameters: [.init("sex", "string")],
            summary: "A short profile object: username, name, sex, address, mail, birthdate"
        ) { arguments, locale in
            let shape = try ProfileShape(&arguments, locale, allowed: ProfileField.simple)
            return CompiledGenerator(type: .object, jsonSafe: false) { context in writeProfile(shape, context) }
        },
    ]
}
