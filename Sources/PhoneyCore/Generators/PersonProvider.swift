/// Faker's `person` provider: names, prefixes and suffixes.
enum PersonProvider {
    enum Gender {
        case female, male, nonbinary, any
    }

    /// Writes a first name of `gender` (any: female or male, evenly).
    @inlinable
    static func firstName(_ locale: LocaleData, _ gender: Gender, _ context: EmitContext) {
        switch gender {
        case .female: locale.firstNameFemale.write(locale.firstNameFemale.pick(&context.rng), to: &context.out)
        case .male: locale.firstNameMale.write(locale.firstNameMale.pick(&context.rng), to: &context.out)
        case .nonbinary:
            locale.firstNameNonbinary.write(locale.firstNameNonbinary.pick(&context.rng), to: &context.out)
        case .any:
            firstName(locale, context.rng.next() & 1 == 0 ? .female : .male, context)
        }
    }

    /// The record's person, picked on first use.
    @inline(__always)
    static func person(_ locale: LocaleData, _ context: EmitContext) {
        if context.person.filledAt != context.person.generation {
            context.person.filledAt = context.person.generation
            let female = context.rng.next() & 1 == 0
            context.person.female = female
            context.person.first = (female ? locale.firstNameFemale : locale.firstNameMale).pick(&context.rng)
            context.person.last = locale.lastName.pick(&context.rng)
            context.person.firstTaken = false
            context.person.lastTaken = false
            context.person.nameTaken = false
        }
    }

    /// The record person's first name the first time a record asks; someone else's after that.
    static func recordFirstName(_ locale: LocaleData, _ gender: Gender, _ context: EmitContext) {
        person(locale, context)
        let slot = context.person
        let fits = gender == .any || (gender == .female) == slot.female
        guard fits, !slot.firstTaken else { return firstName(locale, gender, context) }
        context.person.firstTaken = true
        (slot.female ? locale.firstNameFemale : locale.firstNameMale).write(slot.first, to: &context.out)
    }

    static func recordLastName(_ locale: LocaleData, _ context: EmitContext) {
        person(locale, context)
        guard !context.person.lastTaken else { return lastName(locale, context) }
        context.person.lastTaken = true
        locale.lastName.write(context.person.last, to: &context.out)
    }

    /// The record person's full name the first time a record asks; someone else's after that.
    static func recordFullName(_ locale: LocaleData, _ gender: Gender, _ context: EmitContext) {
        person(locale, context)
        let fits = gender == .any || (gender == .female) == context.person.female
        guard fits, !context.person.nameTaken else { return fullName(locale, gender, context) }
        context.person.nameTaken = true
        fullName(locale, context.person.female ? .female : .male, context, person: true)
    }

    static func lastName(_ locale: LocaleData, _ context: EmitContext) {
        locale.lastName.write(locale.lastName.pick(&context.rng), to: &context.out)
    }

    /// A full name in the locale's order, sometimes with a prefix or suffix (where the locale has them); a
    /// second surname (es_ES, pt_BR) differs from the first.
    static func fullName(_ locale: LocaleData, _ requested: Gender, _ context: EmitContext, person: Bool = false) {
        var gender = requested
        if gender == .any { gender = context.rng.next() & 1 == 0 ? .female : .male }
        let roll = context.rng.below(100)
        if roll < 3, locale.hasPrefixes {
            let prefixes =
                gender == .female ? locale.prefixFemale : gender == .male ? locale.prefixMale : locale.prefixNonbinary
            let start = context.out.count
            prefixes.write(prefixes.pick(&context.rng), to: &context.out)
            if context.out.count > start { context.out.append(0x20) }
        }
        var previousLast = -1
        let pattern = locale.nameFormat
        for piece in pattern.pieces {
            switch piece {
            case .literal(let start, let count):
                pattern.writeLiteral(start: start, count: count, to: &context.out)
            case .part(.first):
                if person {
                    (context.person.female ? locale.firstNameFemale : locale.firstNameMale)
                        .write(context.person.first, to: &context.out)
                } else {
                    firstName(locale, gender, context)
                }
            case .part(.last):
                var row = person && previousLast < 0 ? context.person.last : locale.lastName.pick(&context.rng)
                if row == previousLast { row = locale.lastName.pick(&context.rng) }
                if row == previousLast { row = (row + 1) % locale.lastName.rows }
                previousLast = row
                locale.lastName.write(row, to: &context.out)
            case .part:
                break
            }
        }
        if roll >= 97, locale.hasSuffixes {
            let suffixes =
                gender == .female ? locale.suffixFemale : gender == .male ? locale.suffixMale : locale.suffixNonbinary
            context.out.append(0x20)
            suffixes.write(suffixes.pick(&context.rng), to: &context.out)
        }
    }

    /// A table-backed generator whose unique form enumerates the table's rows.
    static func table(
        _ name: String, provider: String = "person", _ summary: String,
        _ table: @escaping @Sendable (LocaleData) -> Table
    ) -> GeneratorSpec {
        GeneratorSpec(name, provider: provider, summary: summary) { _, locale in
            let values = table(locale)
            return CompiledGenerator(
                jsonSafe: values.isJSONSafe, uniqueDomain: UInt64(values.rows),
                emitIndexed: { context, index in values.write(Int(index), to: &context.out) },
                emit: { context in values.write(values.pick(&context.rng), to: &context.out) })
        }
    }

    /// A first and last name from two tables in the locale's order, unique over their product.
    static func pairIndexed(_ first: Table, _ last: Table, lastFirst: Bool) -> CompiledGenerator.EmitIndexed {
        { context, index in
            let firstRow = Int(index % UInt64(first.rows))
            let lastRow = Int(index / UInt64(first.rows))
            if lastFirst {
                last.write(lastRow, to: &context.out)
                context.out.append(0x20)
                first.write(firstRow, to: &context.out)
            } else {
                first.write(firstRow, to: &context.out)
                context.out.append(0x20)
                last.write(lastRow, to: &context.out)
            }
        }
    }

    static func nameSpec(_ name: String, _ gender: Gender, _ summary: String) -> GeneratorSpec {
        GeneratorSpec(name, provider: "person", summary: summary) { _, locale in
            let first: Table
            switch gender {
            case .female: first = locale.firstNameFemale
            case .male: first = locale.firstNameMale
            case .nonbinary: first = locale.firstNameNonbinary
            case .any: first = locale.firstNameAll
            }
            return CompiledGenerator(
                jsonSafe: true, uniqueDomain: UInt64(first.rows) * UInt64(locale.lastName.rows),
                emitIndexed: pairIndexed(
                    first, locale.lastName, lastFirst: locale.nameFormat.pieces.first == .part(.last)),
                emit: { context in recordFullName(locale, gender, context) })
        }
    }

    static func firstNameSpec(_ name: String, _ gender: Gender, _ summary: String) -> GeneratorSpec {
        switch gender {
        case .female, .male:
            return GeneratorSpec(name, provider: "person", summary: summary) { _, locale in
                let names = gender == .female ? locale.firstNameFemale : locale.firstNameMale
                return CompiledGenerator(
                    jsonSafe: names.isJSONSafe, uniqueDomain: UInt64(names.rows),
                    emitIndexed: { context, index in names.write(Int(index), to: &context.out) },
                    emit: { context in recordFirstName(locale, gender, context) })
            }
        case .nonbinary: return table(name, summary) { $0.firstNameNonbinary }
        case .any:
            return GeneratorSpec(name, provider: "person", summary: summary) { _, locale in
                let all = locale.firstNameAll
                return CompiledGenerator(
                    jsonSafe: true, uniqueDomain: UInt64(all.rows),
                    emitIndexed: { context, index in all.write(Int(index), to: &context.out) },
                    emit: { context in recordFirstName(locale, .any, context) })
            }
        }
    }

    static let generators: [GeneratorSpec] = [
        nameSpec("name", .any, "A full name, sometimes with a prefix or suffix"),
        nameSpec("name_female", .female, "A female full name"),
        nameSpec("name_male", .male, "A male full name"),
        nameSpec("name_nonbinary", .nonbinary, "A full name with a gender-neutral first name"),
        firstNameSpec("first_name", .any, "A given name"),
        firstNameSpec("first_name_female", .female, "A female given name"),
        firstNameSpec("first_name_male", .male, "A male given name"),
        firstNameSpec("first_name_nonbinary", .nonbinary, "A gender-neutral given name"),
        GeneratorSpec("last_name", provider: "person", summary: "A family name, weighted by frequency") { _, locale in
            let names = locale.lastName
            return CompiledGenerator(
                jsonSafe: names.isJSONSafe, uniqueDomain: UInt64(names.rows),
                emitIndexed: { context, index in names.write(Int(index), to: &context.out) },
                emit: { context in recordLastName(locale, context) })
        },
        table("last_name_female", "A family name") { $0.lastName },
        table("last_name_male", "A family name") { $0.lastName },
        table("last_name_nonbinary", "A family name") { $0.lastName },
        table("prefix_female", "Mrs., Ms., Miss or Dr.") { $0.prefixFemale },
        table("prefix_male", "Mr. or Dr.") { $0.prefixMale },
        table("prefix_nonbinary", "Mx. or Dr.") { $0.prefixNonbinary },
        table("suffix_female", "A name suffix") { $0.suffixFemale },
        table("suffix_male", "A name suffix (Jr., III, PhD…)") { $0.suffixMale },
        table("suffix_nonbinary", "A name suffix") { $0.suffixNonbinary },
        GeneratorSpec("prefix", provider: "person", summary: "A name prefix") { _, locale in
            CompiledGenerator { context in
                let table = context.rng.next() & 1 == 0 ? locale.prefixFemale : locale.prefixMale
                table.write(table.pick(&context.rng), to: &context.out)
            }
        },
        GeneratorSpec("suffix", provider: "person", summary: "A name suffix") { _, locale in
            CompiledGenerator { context in
                let table = context.rng.next() & 1 == 0 ? locale.suffixFemale : locale.suffixMale
                table.write(table.pick(&context.rng), to: &context.out)
            }
        },
    ]
}
