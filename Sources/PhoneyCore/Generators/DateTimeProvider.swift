/// Faker's `date_time` provider: instants, dates, times and their parts, all in UTC.
///
/// Every range is resolved to Unix seconds when the template compiles; a value is one random draw and a walk over
/// a precompiled format. Generators that draw uniformly from a range are unique over the values their format tells
/// apart (seconds, minutes, hours or days).
enum DateTimeProvider {
    static let day = DateExpression.secondsPerDay
    /// 0001-01-01T00:00:00, the first instant Python's `datetime` holds.
    static let earliest = DateExpression.daysFromCivil(year: 1, month: 1, day: 1) * DateExpression.secondsPerDay
    /// 9999-12-31T23:59:59, the last.
    static let latest = DateExpression.daysFromCivil(year: 10_000, month: 1, day: 1) * DateExpression.secondsPerDay - 1

    typealias Parameter = GeneratorSpec.Parameter

    static let tzinfo = Parameter("tzinfo", "string", "None")

    // MARK: - Reading arguments

    /// A date argument, checked to lie within years 1 to 9999.
    static func instant(_ arguments: inout Arguments, _ key: String, _ fallback: String) throws(TemplateError) -> Int64
    {
        let value = try arguments.date(key, default: fallback)
        guard value >= earliest, value <= latest else {
            throw arguments.error(key, "must lie between the years 1 and 9999, got \(value) (Unix seconds)")
        }
        return value
    }

    /// Whether `tzinfo` asks for an aware UTC value (written with `+00:00`); Phoney writes every value in UTC.
    static func timeZone(_ arguments: inout Arguments) throws(TemplateError) -> Bool {
        guard let text = try arguments.string("tzinfo") else { return false }
        switch text.trimmingWhitespace().lowercased() {
        case "", "none", "null": return false
        case "utc", "z", "gmt", "etc/utc", "etc/gmt", "+00:00", "+0000", "tzutc()", "timezone.utc": return true
        default: throw arguments.error("tzinfo", "must be UTC or None (Phoney writes every date in UTC), got `\(text)`")
        }
    }

    /// Throws unless `low <= high`, naming both arguments.
    static func ordered(
        _ arguments: Arguments, _ low: Int64, _ high: Int64, _ startKey: String, _ endKey: String
    ) throws(TemplateError) {
        guard low <= high else {
            throw arguments.error(endKey, "(\(describe(high))) is before `\(startKey)` (\(describe(low)))")
        }
    }

    /// `YYYY-MM-DDTHH:MM:SS`, for messages.
    static func describe(_ seconds: Int64) -> String {
        guard seconds >= earliest, seconds <= latest else { return "\(seconds)" }
        var writer = ByteWriter(capacity: 32)
        defer { writer.deallocate() }
        Format.isoDateTime(separator: [0x54], timespec: "auto", utc: false)!.write(seconds, to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    // MARK: - Building generators

    /// Values drawn uniformly from the seconds `low...high`, written by `format`.
    static func uniform(_ low: Int64, _ high: Int64, _ format: Format) -> CompiledGenerator {
        let emit: CompiledGenerator.Emit = { context in format.write(context.rng.int(low, high), to: &context.out) }
        if let step = format.uniqueStep(low, high) {
            let first = DateExpression.floorDiv(low, step)
            let domain = UInt64(DateExpression.floorDiv(high, step) - first) + 1
            if step == 1 {
                return CompiledGenerator(
                    jsonSafe: format.jsonSafe, uniqueDomain: domain,
                    emitIndexed: { context, index in format.write(low &+ Int64(index), to: &context.out) }, emit: emit)
            }
            // Index k names the k-th step of the range; the part of the value below the step stays random.
            return CompiledGenerator(
                jsonSafe: format.jsonSafe, uniqueDomain: domain,
                emitIndexed: { context, index in
                    let start = (first &+ Int64(index)) &* step &+ Int64(context.rng.below(UInt64(step)))
                    format.write(min(max(start, low), high), to: &context.out)
                }, emit: emit)
        }
        if format.timeOfDayOnly {
            let wholeDay = high - low >= day - 1
            return CompiledGenerator(
                jsonSafe: format.jsonSafe, uniqueDomain: wholeDay ? UInt64(day) : UInt64(high - low) + 1,
                emitIndexed: { context, index in
                    format.write((wholeDay ? 0 : low) &+ Int64(index), to: &context.out)
                }, emit: emit)
        }
        return CompiledGenerator(jsonSafe: format.jsonSafe, emit: emit)
    }

    /// A generator of instants (`YYYY-MM-DDTHH:MM:SS`) or dates (`YYYY-MM-DD`) in the window its arguments give.
    static func ranged(
        _ name: String, dates: Bool, zoned: Bool = true, _ parameters: [Parameter], _ summary: String,
        window: @escaping Window
    ) -> GeneratorSpec {
        let declared = zoned ? parameters + [tzinfo] : parameters
        return GeneratorSpec(name, provider: "date_time", parameters: declared, summary: summary) { arguments, _ in
            let utc = zoned ? try timeZone(&arguments) : false
            var (low, high) = try window(&arguments)
            guard low >= earliest, high <= latest else {
                throw arguments.error(parameters.first?.name ?? name, "gives dates outside the years 1 to 9999")
            }
            if dates {
                low = DateExpression.floorDiv(low, day) * day
                high = DateExpression.floorDiv(high, day) * day + day - 1
                return uniform(low, high, .isoDate)
            }
            return uniform(low, high, Format.isoDateTime(separator: [0x54], timespec: "auto", utc: utc)!)
        }
    }

    /// A strftime-formatted value between 1970-01-01 and `end_datetime`.
    static func patterned(_ name: String, _ pattern: String, _ summary: String) -> GeneratorSpec {
        GeneratorSpec(
            name, provider: "date_time",
            parameters: [Parameter("pattern", "string", pattern), Parameter("end_datetime", "date", "now")],
            summary: summary
        ) { arguments, _ in
            let text = try arguments.string("pattern", default: pattern)
            guard text.utf8.count <= 256 else { throw arguments.error("pattern", "is longer than 256 bytes") }
            let format: Format
            switch Format.compile(text, utc: false) {
            case .success(let compiled): format = compiled
            case .failure(let failure):
                throw arguments.error(
                    "pattern",
                    "has `\(failure.directive)`, which is not a strftime directive Phoney knows; use "
                        + Format.supportedDirectives)
            }
            let (low, high) = try sinceEpoch(&arguments)
            return uniform(low, high, format)
        }
    }

    static let iso8601 = GeneratorSpec(
        "iso8601", provider: "date_time",
        parameters: [
            tzinfo, Parameter("end_datetime", "date", "now"), Parameter("sep", "string", "T"),
            Parameter("timespec", "string", "auto"),
        ],
        summary: "An ISO 8601 timestamp between 1970 and end_datetime, like 2003-05-14T07:21:09"
    ) { arguments, _ in
        let utc = try timeZone(&arguments)
        let separator = try arguments.string("sep", default: "T")
        guard separator.count == 1 else {
            throw arguments.error("sep", "must be exactly one character, got `\(separator)`")
        }
        let timespec = try arguments.string("timespec", default: "auto")
        guard let format = Format.isoDateTime(separator: Array(separator.utf8), timespec: timespec, utc: utc) else {
            throw arguments.error(
                "timespec", "must be auto, hours, minutes, seconds, milliseconds or microseconds, got `\(timespec)`")
        }
        let (low, high) = try sinceEpoch(&arguments)
        return uniform(low, high, format)
    }

    static let unixTime = GeneratorSpec(
        "unix_time", provider: "date_time", type: .integer,
        parameters: [Parameter("end_datetime", "date", "now"), Parameter("start_datetime", "date", "1970-01-01")],
        summary: "Seconds since 1970-01-01 UTC, between start_datetime and end_datetime"
    ) { arguments, _ in
        let (low, high) = try between("start_datetime", "1970-01-01", "end_datetime", "now")(&arguments)
        return CompiledGenerator(
            type: .integer, jsonSafe: true, uniqueDomain: UInt64(high - low) + 1,
            emitIndexed: { context, index in context.out.appendDecimal(low &+ Int64(index)) },
            emit: { context in context.out.appendDecimal(context.rng.int(low, high)) })
    }

    static let generators: [GeneratorSpec] =
        [
            ranged(
                "date_time", dates: false, [Parameter("end_datetime", "date", "now")],
                "A date and time between 1970-01-01 and end_datetime, like 2003-05-14T07:21:09", window: sinceEpoch),
            ranged(
                "date_time_between", dates: false,
                [Parameter("start_date", "date", "-30y"), Parameter("end_date", "date", "now")],
                "A date and time between start_date and end_date",
                window: between("start_date", "-30y", "end_date", "now")),
            ranged(
                "date_time_between_dates", dates: false,
                [Parameter("datetime_start", "date", "now"), Parameter("datetime_end", "date", "now")],
                "A date and time between datetime_start and datetime_end",
                window: between("datetime_start", "now", "datetime_end", "now")),
            ranged(
                "past_datetime", dates: false, [Parameter("start_date", "date", "-30d")],
                "A date and time between start_date and one second ago",
                window: since("start_date", "-30d", until: "-1s")),
            ranged(
                "future_datetime", dates: false, [Parameter("end_date", "date", "+30d")],
                "A date and time between one second from now and end_date",
                window: from("+1s", until: "end_date", "+30d")),
            ranged(
                "date_between", dates: true, zoned: false,
                [Parameter("start_date", "date", "-30y"), Parameter("end_date", "date", "today")],
                "A date between start_date and end_date, like 2011-09-23",
                window: between("start_date", "-30y", "end_date", "today")),
            ranged(
                "date_between_dates", dates: true, zoned: false,
                [Parameter("date_start", "date", "today"), Parameter("date_end", "date", "today")],
                "A date between date_start and date_end", window: between("date_start", "today", "date_end", "today")),
            ranged(
                "past_date", dates: true, [Parameter("start_date", "date", "-30d")],
                "A date between start_date and yesterday", window: since("start_date", "-30d", until: "-1d")),
            ranged(
                "future_date", dates: true, [Parameter("end_date", "date", "+30d")],
                "A date between tomorrow and end_date", window: from("+1d", until: "end_date", "+30d")),
            ranged(
                "date_of_birth", dates: true,
                [Parameter("minimum_age", "int", "0"), Parameter("maximum_age", "int", "115")],
                "A birth date for an age from minimum_age to maximum_age", window: birth),
            patterned(
                "date", "%Y-%m-%d", "A date between 1970-01-01 and end_datetime, formatted by a strftime pattern"),
            patterned("time", "%H:%M:%S", "A time of day, formatted by a strftime pattern"),
            iso8601, unixTime,
        ] + periodGenerators + DateTimeProvider.partGenerators

    /// `date_this_*` and `date_time_this_*`.
    static let periodGenerators: [GeneratorSpec] = [
        (Period.century, "century"), (.decade, "decade"), (.year, "year"), (.month, "month"),
    ].flatMap { period, word in
        [
            ranged(
                "date_time_this_\(word)", dates: false,
                [Parameter("before_now", "bool", "true"), Parameter("after_now", "bool", "false")],
                "A date and time in the current \(word), up to now unless after_now",
                window: this(period, before: "before_now", after: "after_now")),
            ranged(
                "date_this_\(word)", dates: true, zoned: false,
                [Parameter("before_today", "bool", "true"), Parameter("after_today", "bool", "false")],
                "A date in the current \(word), up to today unless after_today",
                window: this(period, before: "before_today", after: "after_today")),
        ]
    }
}
