/// Faker's `passport` provider (en_US): passport numbers, owners, dates of birth, issue and expiry dates, and whole
/// passport records.
enum PassportProvider {
    static let day = DateExpression.secondsPerDay
    /// Nine digits (older books), or a letter and eight digits (Next Generation passports).
    static let numberDomain: UInt64 = 1_000_000_000 + 26 * 100_000_000

    static func writeNumber(index: UInt64, _ out: inout ByteWriter) {
        if index < 1_000_000_000 {
            out.appendPadded(index, width: 9)
        } else {
            let rest = index - 1_000_000_000
            out.append(UInt8(ascii: "A") &+ UInt8(rest / 100_000_000))
            out.appendPadded(rest % 100_000_000, width: 8)
        }
    }

    static func writeNumber(_ context: EmitContext) {
        if context.rng.next() & 1 == 0 {
            context.out.appendRandomDigits(9, &context.rng)
        } else {
            context.out.append(UInt8(ascii: "A") &+ UInt8(context.rng.below(26)))
            context.out.appendRandomDigits(8, &context.rng)
        }
    }

    /// `05 Mar 2019`, strftime's `%d %b %Y`.
    static func writeDate(days: Int64, _ out: inout ByteWriter) {
        let (year, month, dayOfMonth) = DateExpression.civil(fromDays: days)
        out.appendPadded(UInt64(dayOfMonth), width: 2)
        out.append(0x20)
        FinanceProvider.DateFormat.months[Int(month) - 1].withUnsafeBufferPointer {
            out.append($0.baseAddress!, count: 3)
        }
        out.append(0x20)
        out.appendPadded(UInt64(clamping: year), width: 4)
    }

    /// `days` moved `years` later on the same month and day; 29 February becomes the 28th in a common year.
    static func addYears(_ years: Int64, to days: Int64) -> Int64 {
        let (year, month, dayOfMonth) = DateExpression.civil(fromDays: days)
        let target = year + years
        let lastDay = DateExpression.daysInMonth(year: target, month: month)
        return DateExpression.daysFromCivil(year: target, month: month, day: min(dayOfMonth, lastDay))
    }

    /// Issue and expiry days for a holder born on `birth`: under 16 a 5-year book issued in the last five years
    /// (under 5, since birth); 16 to 25 issued in the last five years but valid for 10; from 26, issued in the last
    /// ten years and valid for 10.
    static func issueAndExpiry(birth: Int64, today: Int64, _ rng: inout PhoneyRandom) -> (Int64, Int64) {
        let age = (today - birth) / 365
        let validYears: Int64 = age < 16 ? 5 : 10
        var earliest = today - (age >= 26 ? 10 : 5) * 365 + 1
        if age < 5 { earliest = birth }
        let issue = rng.int(min(earliest, today), today)
        return (issue, addYears(validYears, to: issue))
    }

    /// Writes `["birth", "issue", "expiry"]` (or the three lines of a full record when `lines`).
    static func writeDates(birth: Int64, today: Int64, lines: Bool, _ context: EmitContext) {
        let (issue, expiry) = issueAndExpiry(birth: birth, today: today, &context.rng)
        let between: StaticString = lines ? "\n" : "\",\""
        let close: StaticString = lines ? "\n" : "\"]"
        if !lines { context.out.append(contentsOf: "[\"") }
        writeDate(days: birth, &context.out)
        context.out.append(contentsOf: between)
        writeDate(days: issue, &context.out)
        context.out.append(contentsOf: between)
        writeDate(days: expiry, &context.out)
        context.out.append(contentsOf: close)
    }

    /// M and F at 49.3% each, X at 1.4%.
    static func gender(_ rng: inout PhoneyRandom) -> UInt8 {
        let roll = rng.below(1_000)
        return roll < 493 ? UInt8(ascii: "M") : roll < 986 ? UInt8(ascii: "F") : UInt8(ascii: "X")
    }

    static func givenNames(_ locale: LocaleData, _ gender: UInt8) -> Table {
        switch gender {
        case UInt8(ascii: "M"): return locale.firstNameMale
        case UInt8(ascii: "F"): return locale.firstNameFemale
        default: return locale.firstNameNonbinary
        }
    }

    /// Birth days (since 1970) for ages 0 to 115 on the reference date, as `date_of_birth` draws them.
    static func birthDays(now: Int64) throws -> (Int64, Int64) {
        var arguments = Arguments(generator: "passport_dob", values: [], now: now)
        let (low, high) = try DateTimeProvider.birth(&arguments)
        return (DateExpression.floorDiv(low, day), DateExpression.floorDiv(high, day))
    }

    static func writeISODate(days: Int64, _ out: inout ByteWriter) {
        let (year, month, dayOfMonth) = DateExpression.civil(fromDays: days)
        out.appendPadded(UInt64(clamping: year), width: 4)
        out.append(UInt8(ascii: "-"))
        out.appendPadded(UInt64(month), width: 2)
        out.append(UInt8(ascii: "-"))
        out.appendPadded(UInt64(dayOfMonth), width: 2)
    }

    static let generators: [GeneratorSpec] = [
        GeneratorSpec(
            "passport_number", provider: "passport",
            summary: "A US passport number: nine digits, or a letter and eight digits"
        ) { _, _ in
            CompiledGenerator(
                uniqueDomain: numberDomain,
                emitIndexed: { context, index in writeNumber(index: index, &context.out) },
                emit: { context in writeNumber(context) })
        },
        GeneratorSpec("passport_dob", provider: "passport", summary: "A passport holder's birth date, YYYY-MM-DD") {
            arguments, _ in
            let (low, high) = try birthDays(now: arguments.now)
            return CompiledGenerator(
                uniqueDomain: UInt64(high - low + 1),
                emitIndexed: { context, index in writeISODate(days: low + Int64(index), &context.out) },
                emit: { context in writeISODate(days: context.rng.int(low, high), &context.out) })
        },
        GeneratorSpec(
            "passport_gender", provider: "passport", parameters: [.init("seed", "int")],
            summary: "M or F (49.3% each) or X (1.4%); a `seed` fixes the answer"
        ) { arguments, _ in
            if let seed = try arguments.int("seed"), seed != 0 {
                var rng = PhoneyRandom(state: PhoneyRandom.mix(UInt64(bitPattern: seed)))
                let fixed = gender(&rng)
                return CompiledGenerator(uniqueDomain: 1, emitIndexed: { context, _ in context.out.append(fixed) }) {
                    context in context.out.append(fixed)
                }
            }
            return CompiledGenerator { context in context.out.append(gender(&context.rng)) }
        },
        GeneratorSpec(
            "passport_owner", provider: "passport", type: .array, parameters: [.init("gender", "string", "X")],
            summary: "A holder's `[given name, surname]`; `gender` M, F or X picks the given names"
        ) { arguments, locale in
            let text = try arguments.string("gender", default: "X").uppercased()
            guard text == "M" || text == "F" || text == "X" else {
                throw arguments.error("gender", "must be M, F or X, got `\(text)`")
            }
            let given = givenNames(locale, text.utf8.first!)
            let surnames = locale.lastName
            return CompiledGenerator(type: .array, jsonSafe: false) { context in
                context.out.append(UInt8(ascii: "["))
                MiscProvider.writeQuoted(given, given.pick(&context.rng), &context.out)
                context.out.append(UInt8(ascii: ","))
                MiscProvider.writeQuoted(surnames, surnames.pick(&context.rng), &context.out)
                context.out.append(UInt8(ascii: "]"))
            }
        },
        GeneratorSpec(
            "passport_dates", provider: "passport", type: .array, parameters: [.init("birthday", "date", "today")],
            summary: "`[birth, issue, expiry]` dates like `05 Mar 2019` for a holder born on `birthday`"
        ) { arguments, _ in
            let today = DateExpression.floorDiv(arguments.now, day)
            let birth = DateExpression.floorDiv(try arguments.date("birthday", default: "today"), day)
            guard birth <= today, birth >= DateExpression.daysFromCivil(year: 1, month: 1, day: 1) else {
                throw arguments.error("birthday", "must be a date from the year 1 up to today")
            }
            return CompiledGenerator(type: .array, jsonSafe: false) { context in
                writeDates(birth: birth, today: today, lines: false, context)
            }
        },
        GeneratorSpec(
            "passport_full", provider: "passport",
            summary: "A passport record on seven lines: given name, surname, gender, birth, issue, expiry, number"
        ) { arguments, locale in
            let today = DateExpression.floorDiv(arguments.now, day)
            let (low, high) = try birthDays(now: arguments.now)
            let surnames = locale.lastName
            return CompiledGenerator(jsonSafe: false) { context in
                let sex = gender(&context.rng)
                let given = givenNames(locale, sex)
                given.write(given.pick(&context.rng), to: &context.out)
                context.out.append(0x0A)
                surnames.write(surnames.pick(&context.rng), to: &context.out)
                context.out.append(0x0A)
                context.out.append(sex)
                context.out.append(0x0A)
                writeDates(birth: context.rng.int(low, high), today: today, lines: true, context)
                writeNumber(context)
                context.out.append(0x0A)
            }
        },
    ]
}
