/// Faker's `company` and `job` providers.
enum CompanyProvider {
    /// A company name from the locale's weighted formats (`{last} {suffix}`, `{last}-{last}`, …).
    static func company(_ locale: LocaleData, _ context: EmitContext) {
        let pattern = locale.companyPatterns[locale.companyFormats.pick(&context.rng)]
        for piece in pattern.pieces {
            switch piece {
            case .literal(let start, let count):
                pattern.writeLiteral(start: start, count: count, to: &context.out)
            case .part(.last):
                locale.lastName.write(locale.lastName.pick(&context.rng), to: &context.out)
            case .part(.suffix):
                locale.companySuffixes.write(locale.companySuffixes.pick(&context.rng), to: &context.out)
            case .part:
                break
            }
        }
    }

    /// Three words, one from each column, separated by spaces; unique over the product of the columns.
    static func phrase(
        _ name: String, _ summary: String, _ columns: @escaping @Sendable (LocaleData) -> (Table, Table, Table)
    )
        -> GeneratorSpec
    {
        GeneratorSpec(name, provider: "company", summary: summary) { _, locale in
            let (a, b, c) = columns(locale)
            let ab = UInt64(a.rows * b.rows)
            return CompiledGenerator(
                uniqueDomain: ab * UInt64(c.rows),
                emitIndexed: { context, index in
                    a.write(Int(index % UInt64(a.rows)), to: &context.out)
                    context.out.append(0x20)
                    b.write(Int((index % ab) / UInt64(a.rows)), to: &context.out)
                    context.out.append(0x20)
                    c.write(Int(index / ab), to: &context.out)
                },
                emit: { context in
                    a.write(a.pick(&context.rng), to: &context.out)
                    context.out.append(0x20)
                    b.write(b.pick(&context.rng), to: &context.out)
                    context.out.append(0x20)
                    c.write(c.pick(&context.rng), to: &context.out)
                })
        }
    }

    static let generators: [GeneratorSpec] = [
        GeneratorSpec("company", provider: "company", summary: "A company name") { _, locale in
            let last = locale.lastName
            let suffixes = locale.companySuffixes
            guard locale.id == "en_US" else {
                return CompiledGenerator(jsonSafe: last.isJSONSafe) { context in company(locale, context) }
            }
            return CompiledGenerator(
                jsonSafe: last.isJSONSafe,
                uniqueDomain: UInt64(last.rows * suffixes.rows),
                emitIndexed: { context, index in
                    last.write(Int(index) / suffixes.rows, to: &context.out)
                    context.out.append(0x20)
                    suffixes.write(Int(index) % suffixes.rows, to: &context.out)
                },
                emit: { context in company(locale, context) })
        },
        PersonProvider.table("company_suffix", provider: "company", "Inc, LLC, Group…") { $0.companySuffixes },
        phrase("catch_phrase", "A corporate catch phrase") { $0.catchPhrase },
        phrase("bs", "Corporate jargon (verb, adjective, noun)") { $0.bs },
        PersonProvider.table("job", provider: "job", "A job title") { $0.jobs },
    ]
}

extension ByteWriter {
    /// Appends ASCII or UTF-8 text from a string literal.
    @inlinable
    package mutating func append(contentsOf literal: StaticString) {
        literal.withUTF8Buffer { append($0.baseAddress!, count: $0.count) }
    }
}
