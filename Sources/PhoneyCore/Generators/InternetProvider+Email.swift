extension InternetProvider {
    /// Where an email's domain comes from.
    enum EmailDomain: Sendable {
        /// example.com, example.org or example.net.
        case safe
        /// A free provider (gmail.com…).
        case free
        /// A company domain: a last name and a top-level domain.
        case company
        /// A company or a free domain, evenly (Faker's unsafe `email`).
        case mixed
        /// A domain given in the template.
        case fixed([UInt8])
    }

    static func writeEmailDomain(_ kind: EmailDomain, _ locale: LocaleData, _ context: EmitContext) {
        switch kind {
        case .safe:
            locale.safeEmailDomains.write(locale.safeEmailDomains.pick(&context.rng), to: &context.out)
        case .free:
            locale.freeEmailDomains.write(locale.freeEmailDomains.pick(&context.rng), to: &context.out)
        case .company:
            writeDomainName(locale, levels: 1, context)
        case .mixed:
            writeEmailDomain(context.rng.next() & 1 == 0 ? .company : .free, locale, context)
        case .fixed(let bytes):
            context.out.append(bytes)
        }
    }

    /// How many distinct domains the indexed form of `kind` spells. The unsafe mix enumerates free domains only,
    /// since a company domain could coincide with a free one.
    static func emailDomainCount(_ kind: EmailDomain, _ locale: LocaleData) -> UInt64 {
        switch kind {
        case .safe: return UInt64(locale.safeEmailDomains.rows)
        case .free, .mixed: return UInt64(locale.freeEmailDomains.rows)
        case .company: return domainNameDomain(locale, levels: 1)
        case .fixed: return 1
        }
    }

    static func writeIndexedEmailDomain(
        _ kind: EmailDomain, _ locale: LocaleData, _ index: UInt64, _ out: inout ByteWriter
    ) {
        switch kind {
        case .safe: locale.safeEmailDomains.write(Int(index), to: &out)
        case .free, .mixed: locale.freeEmailDomains.write(Int(index), to: &out)
        case .company:
            var rest = index
            writeIndexedDomainName(locale, levels: 1, &rest, &out)
        case .fixed(let bytes): out.append(bytes)
        }
    }

    /// An email generator whose domain is `kind`, unique over `first.lastN@domain`.
    static func emailCompiled(_ kind: EmailDomain, _ locale: LocaleData) -> CompiledGenerator {
        var jsonSafe = true
        if case .fixed(let bytes) = kind {
            jsonSafe = !bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
        }
        let (domain, overflow) = userNameDomain(locale).multipliedReportingOverflow(by: emailDomainCount(kind, locale))
        return CompiledGenerator(
            jsonSafe: jsonSafe, uniqueDomain: overflow ? .max : domain,
            emitIndexed: { context, index in
                var rest = index
                writeIndexedUserName(locale, &rest, &context.out)
                context.out.append(UInt8(ascii: "@"))
                writeIndexedEmailDomain(kind, locale, rest, &context.out)
            },
            emit: { context in
                writeUserName(locale, context)
                context.out.append(UInt8(ascii: "@"))
                writeEmailDomain(kind, locale, context)
            })
    }

    static func emailSpec(_ name: String, _ kind: EmailDomain, _ summary: String) -> GeneratorSpec {
        GeneratorSpec(name, provider: "internet", summary: summary) { _, locale in emailCompiled(kind, locale) }
    }

    static let emailGenerators: [GeneratorSpec] = [
        GeneratorSpec(
            "email", provider: "internet",
            parameters: [.init("safe", "bool", "true"), .init("domain", "string")],
            summary: "An email address; `safe=true` uses example.com/org/net, `domain` fixes the domain"
        ) { arguments, locale in
            let safe = try arguments.bool("safe", default: true)
            let domain = try arguments.string("domain")
            if let domain, domain.lowercased() != "none" {
                let trimmed = domain.trimmingWhitespace()
                let valid = trimmed.utf8.allSatisfy { byte in
                    byte >= 0x80 || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
                        || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                }
                guard !trimmed.isEmpty, valid else {
                    throw arguments.error("domain", "must be a domain name like `example.com`, got `\(domain)`")
                }
                return emailCompiled(.fixed(Array(trimmed.utf8)), locale)
            }
            return emailCompiled(safe ? .safe : .mixed, locale)
        },
        emailSpec("safe_email", .safe, "An email address at example.com, example.org or example.net"),
        emailSpec("free_email", .free, "An email address at a free provider (gmail.com, yahoo.com…)"),
        emailSpec("company_email", .company, "An email address at a company domain"),
        emailSpec("ascii_email", .mixed, "An ASCII email address at a company or free domain"),
        emailSpec("ascii_safe_email", .safe, "An ASCII email address at an example domain"),
        emailSpec("ascii_free_email", .free, "An ASCII email address at a free provider"),
        emailSpec("ascii_company_email", .company, "An ASCII email address at a company domain"),
        GeneratorSpec(
            "user_name", provider: "internet", summary: "A lower-case user name such as `john.smith` or `jsmith`"
        ) { _, locale in
            CompiledGenerator(
                uniqueDomain: userNameDomain(locale),
                emitIndexed: { context, index in
                    var rest = index
                    writeIndexedUserName(locale, &rest, &context.out)
                },
                emit: { context in writeUserName(locale, context) })
        },
    ]
}
