/// Faker's `internet` provider: user names, emails, domains, URLs and network addresses.
///
/// Names in user names and emails come from the locale's lower-case ASCII name tables, picked with the weighted
/// tables' frequencies, so every local part is `[a-z0-9._]` and never needs escaping.
enum InternetProvider {
    static let generators: [GeneratorSpec] = emailGenerators + domainGenerators + webGenerators + networkGenerators

    /// A first-name token, female or male evenly, weighted by frequency.
    static func firstToken(_ locale: LocaleData, _ rng: inout PhoneyRandom) -> UnsafeBufferPointer<UInt8> {
        if rng.next() & 1 == 0 {
            return locale.firstNameFemaleASCII.bytes(locale.firstNameFemale.pick(&rng))
        }
        return locale.firstNameMaleASCII.bytes(locale.firstNameMale.pick(&rng))
    }

    /// A last-name token, weighted by frequency.
    static func lastToken(_ locale: LocaleData, _ rng: inout PhoneyRandom) -> UnsafeBufferPointer<UInt8> {
        locale.lastNameASCII.bytes(locale.lastName.pick(&rng))
    }

    static func put(_ bytes: UnsafeBufferPointer<UInt8>, _ out: inout ByteWriter) {
        out.append(UnsafeRawBufferPointer(bytes))
    }

    /// Writes a user name for `first` and `last` in one of six patterns (`first.last`, `first_last`,
    /// `firstlast##`, `flast`, `first##`, `last.first`).
    static func writeUserName(
        _ first: UnsafeBufferPointer<UInt8>, _ last: UnsafeBufferPointer<UInt8>, _ context: EmitContext
    ) {
        switch context.rng.below(6) {
        case 0:
            put(first, &context.out)
            context.out.append(UInt8(ascii: "."))
            put(last, &context.out)
        case 1:
            put(first, &context.out)
            context.out.append(UInt8(ascii: "_"))
            put(last, &context.out)
        case 2:
            put(first, &context.out)
            put(last, &context.out)
            context.out.appendRandomDigits(2, &context.rng)
        case 3:
            context.out.append(first[0])
            put(last, &context.out)
        case 4:
            put(first, &context.out)
            context.out.appendRandomDigits(2, &context.rng)
        default:
            put(last, &context.out)
            context.out.append(UInt8(ascii: "."))
            put(first, &context.out)
        }
    }

    /// Writes a user name built on the record's person, so it matches the record's `name` (jane.doe for Jane Doe).
    static func writeUserName(_ locale: LocaleData, _ context: EmitContext) {
        PersonProvider.person(locale, context)
        let slot = context.person
        let first = (slot.female ? locale.firstNameFemaleASCII : locale.firstNameMaleASCII).bytes(slot.first)
        writeUserName(first, locale.lastNameASCII.bytes(slot.last), context)
    }

    /// The unique user names `first.lastN`: distinct first tokens × distinct last tokens × N in `0..<100`
    /// (N = 0 writes no digits).
    ///
    /// Injective because the tokens are letters only and deduplicated: the dot and the first digit mark where
    /// each part ends.
    static func userNameDomain(_ locale: LocaleData) -> UInt64 {
        UInt64(locale.distinctFirstASCII.rows) * UInt64(locale.distinctLastASCII.rows) * 100
    }

    /// Writes the unique user name for `index % userNameDomain` and divides `index` by that domain.
    static func writeIndexedUserName(_ locale: LocaleData, _ index: inout UInt64, _ out: inout ByteWriter) {
        let suffix = index % 100
        index /= 100
        let firsts = UInt64(locale.distinctFirstASCII.rows)
        let lasts = UInt64(locale.distinctLastASCII.rows)
        locale.distinctFirstASCII.write(Int(index % firsts), to: &out)
        index /= firsts
        out.append(UInt8(ascii: "."))
        locale.distinctLastASCII.write(Int(index % lasts), to: &out)
        index /= lasts
        if suffix > 0 { out.appendDecimal(suffix) }
    }

    /// Writes a domain word: a last name, sometimes two joined by a hyphen (as in a company name).
    static func writeDomainWord(_ locale: LocaleData, _ context: EmitContext) {
        put(lastToken(locale, &context.rng), &context.out)
        if context.rng.below(3) == 0 {
            context.out.append(UInt8(ascii: "-"))
            put(lastToken(locale, &context.rng), &context.out)
        }
    }

    static func writeTLD(_ locale: LocaleData, _ context: EmitContext) {
        locale.topLevelDomains.write(locale.topLevelDomains.pick(&context.rng), to: &context.out)
    }

    /// Writes `levels` domain words and a top-level domain, dot-separated.
    static func writeDomainName(_ locale: LocaleData, levels: Int, _ context: EmitContext) {
        for _ in 0..<levels {
            writeDomainWord(locale, context)
            context.out.append(UInt8(ascii: "."))
        }
        writeTLD(locale, context)
    }

    /// Distinct domain names of `levels` words: distinct last tokens per level × top-level domains, saturating.
    static func domainNameDomain(_ locale: LocaleData, levels: Int) -> UInt64 {
        var total = UInt64(locale.topLevelDomains.rows)
        for _ in 0..<levels {
            let (product, overflow) = total.multipliedReportingOverflow(by: UInt64(locale.distinctLastASCII.rows))
            if overflow { return .max }
            total = product
        }
        return total
    }

    /// Writes the unique domain name for `index`; words contain no dots, so distinct indices spell distinctly.
    static func writeIndexedDomainName(
        _ locale: LocaleData, levels: Int, _ index: inout UInt64, _ out: inout ByteWriter
    ) {
        let words = UInt64(locale.distinctLastASCII.rows)
        for _ in 0..<levels {
            locale.distinctLastASCII.write(Int(index % words), to: &out)
            index /= words
            out.append(UInt8(ascii: "."))
        }
        let tlds = UInt64(locale.topLevelDomains.rows)
        locale.topLevelDomains.write(Int(index % tlds), to: &out)
        index /= tlds
    }

    /// A generator that writes one row of a table, unique over its rows (which must be distinct).
    static func table(
        _ name: String, _ summary: String, _ table: @escaping @Sendable (LocaleData) -> Table
    )
        -> GeneratorSpec
    {
        GeneratorSpec(name, provider: "internet", summary: summary) { _, locale in
            let values = table(locale)
            return CompiledGenerator(
                jsonSafe: values.isJSONSafe, uniqueDomain: UInt64(values.rows),
                emitIndexed: { context, index in values.write(Int(index), to: &context.out) },
                emit: { context in values.write(values.pick(&context.rng), to: &context.out) })
        }
    }

    static let domainGenerators: [GeneratorSpec] = [
        GeneratorSpec(
            "domain_name", provider: "internet", parameters: [.init("levels", "int", "1")],
            summary: "A domain name such as `smith.com`; `levels` sets how many words precede the TLD"
        ) { arguments, locale in
            let levels = Int(try arguments.int("levels", default: 1, in: 1...10))
            return CompiledGenerator(
                uniqueDomain: domainNameDomain(locale, levels: levels),
                emitIndexed: { context, index in
                    var rest = index
                    writeIndexedDomainName(locale, levels: levels, &rest, &context.out)
                },
                emit: { context in writeDomainName(locale, levels: levels, context) })
        },
        GeneratorSpec("domain_word", provider: "internet", summary: "The first word of a domain name") { _, locale in
            let words = locale.distinctLastASCII
            return CompiledGenerator(
                uniqueDomain: UInt64(words.rows),
                emitIndexed: { context, index in words.write(Int(index), to: &context.out) },
                emit: { context in writeDomainWord(locale, context) })
        },
        table("tld", "A top-level domain (com, net, org…)") { $0.topLevelDomains },
        table("free_email_domain", "A free email provider's domain (gmail.com…)") { $0.freeEmailDomains },
        table("safe_domain_name", "A reserved example domain (example.com, .org, .net)") { $0.safeEmailDomains },
        GeneratorSpec(
            "hostname", provider: "internet", parameters: [.init("levels", "int", "1")],
            summary: "A host name such as `web-42.smith.com`; `levels=0` gives the bare host"
        ) { arguments, locale in
            let levels = Int(try arguments.int("levels", default: 1, in: 0...10))
            return CompiledGenerator { context in
                hostnamePrefixes.write(hostnamePrefixes.pick(&context.rng), to: &context.out)
                context.out.append(UInt8(ascii: "-"))
                context.out.appendRandomDigits(2, &context.rng)
                if levels > 0 {
                    context.out.append(UInt8(ascii: "."))
                    writeDomainName(locale, levels: levels, context)
                }
            }
        },
    ]

    static let hostnamePrefixes = Table(rows: ["db", "srv", "desktop", "laptop", "lt", "email", "web"].map { [$0] })
}
