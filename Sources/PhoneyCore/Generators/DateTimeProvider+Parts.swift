extension DateTimeProvider {
    /// A part of a random instant between 1970-01-01 and now, as Faker draws `month()` or `day_of_week()` from
    /// `date_time()`; unique over the part's `values`, the k-th written from the instant `at(k)`.
    static func part(
        _ name: String, _ summary: String, _ pieces: [Format.Piece], values: UInt64,
        at instant: @escaping @Sendable (UInt64) -> Int64
    ) -> GeneratorSpec {
        GeneratorSpec(name, provider: "date_time", summary: summary) { arguments, _ in
            let (low, high) = epochWindow(now: arguments.now)
            let format = Format(pieces)
            return CompiledGenerator(
                jsonSafe: true, uniqueDomain: values,
                emitIndexed: { context, index in format.write(instant(index), to: &context.out) },
                emit: { context in format.write(context.rng.int(low, high), to: &context.out) })
        }
    }

    /// 1970-01-01 to the reference time, either way round, kept within the years 1 to 9999.
    static func epochWindow(now: Int64) -> (low: Int64, high: Int64) {
        (max(min(0, now), earliest), min(max(0, now), latest))
    }

    static func midnight(_ year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        DateExpression.daysFromCivil(year: year, month: month, day: day) * DateExpression.secondsPerDay
    }

    static let year = GeneratorSpec("year", provider: "date_time", summary: "A year from 1970 to now, like 1994") {
        arguments, _ in
        let (low, high) = epochWindow(now: arguments.now)
        let first = DateExpression.civil(fromDays: DateExpression.floorDiv(low, day)).year
        let last = DateExpression.civil(fromDays: DateExpression.floorDiv(high, day)).year
        let format = Format([.year])
        return CompiledGenerator(
            jsonSafe: true, uniqueDomain: UInt64(last - first + 1),
            emitIndexed: { context, index in context.out.appendPadded(UInt64(first) + index, width: 4) },
            emit: { context in format.write(context.rng.int(low, high), to: &context.out) })
    }

    static let partGenerators: [GeneratorSpec] = [
        part("am_pm", "AM or PM", [.amPm], values: 2) { Int64($0) * 43_200 },
        part("day_of_month", "A day of the month, 01 to 31", [.day], values: 31) { Int64($0) * day },
        // 1970-01-05 was a Monday.
        part("day_of_week", "A day name, Monday to Sunday", [.weekdayName], values: 7) {
            midnight(1970, 1, 5 + Int64($0))
        },
        part("month", "A month number, 01 to 12", [.month], values: 12) { midnight(1970, 1 + Int64($0), 1) },
        part("month_name", "A month name, January to December", [.monthName], values: 12) {
            midnight(1970, 1 + Int64($0), 1)
        },
        year,
        PersonProvider.table("century", provider: "date_time", "A century in Roman numerals, I to XXI") { _ in
            centuries
        },
        PersonProvider.table("timezone", provider: "date_time", "An IANA time zone name, like America/New_York") {
            _ in timeZones
        },
    ]

    static let centuries = Table(
        rows: [
            "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
            "XVII",
            "XVIII", "XIX", "XX", "XXI",
        ].map { [$0] })

    static let timeZones = Table(
        rows: [
            "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Anchorage",
            "America/Phoenix", "America/Toronto", "America/Vancouver", "America/Halifax", "America/St_Johns",
            "America/Mexico_City", "America/Bogota", "America/Lima", "America/Sao_Paulo",
            "America/Argentina/Buenos_Aires", "America/Santiago", "Pacific/Honolulu", "Europe/London",
            "Europe/Dublin", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin", "Europe/Madrid", "Europe/Rome",
            "Europe/Amsterdam", "Europe/Stockholm", "Europe/Warsaw", "Europe/Athens", "Europe/Istanbul",
            "Europe/Moscow", "Africa/Cairo", "Africa/Lagos", "Africa/Johannesburg", "Africa/Nairobi", "Asia/Dubai",
            "Asia/Karachi", "Asia/Kolkata", "Asia/Dhaka", "Asia/Bangkok", "Asia/Singapore", "Asia/Shanghai",
            "Asia/Hong_Kong", "Asia/Seoul", "Asia/Tokyo", "Asia/Manila", "Asia/Jakarta", "Australia/Perth",
            "Australia/Adelaide", "Australia/Sydney", "Pacific/Auckland",
        ].map { [$0] })
}
