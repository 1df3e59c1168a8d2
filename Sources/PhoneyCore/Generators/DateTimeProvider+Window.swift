extension DateTimeProvider {
    /// Resolves a generator's arguments to the window of Unix seconds its values are drawn from.
    typealias Window = @Sendable (inout Arguments) throws(TemplateError) -> (low: Int64, high: Int64)

    /// `start...end` from two date arguments, checked to be in order.
    static func between(_ startKey: String, _ startDefault: String, _ endKey: String, _ endDefault: String) -> Window {
        { arguments throws(TemplateError) in
            let start = try instant(&arguments, startKey, startDefault)
            let end = try instant(&arguments, endKey, endDefault)
            try ordered(arguments, start, end, startKey, endKey)
            return (start, end)
        }
    }

    /// From the date argument `startKey` to a fixed `end` (`-1s`, `-1d`).
    static func since(_ startKey: String, _ startDefault: String, until end: String) -> Window {
        { arguments throws(TemplateError) in
            let start = try instant(&arguments, startKey, startDefault)
            let stop = DateExpression.parse(end, now: arguments.now) ?? arguments.now
            guard start <= stop else {
                throw arguments.error(startKey, "(\(describe(start))) must not be after \(describe(stop)) (`\(end)`)")
            }
            return (start, stop)
        }
    }

    /// From a fixed `start` (`+1s`, `+1d`) to the date argument `endKey`.
    static func from(_ start: String, until endKey: String, _ endDefault: String) -> Window {
        { arguments throws(TemplateError) in
            let begin = DateExpression.parse(start, now: arguments.now) ?? arguments.now
            let end = try instant(&arguments, endKey, endDefault)
            guard begin <= end else {
                throw arguments.error(endKey, "(\(describe(end))) must not be before \(describe(begin)) (`\(start)`)")
            }
            return (begin, end)
        }
    }

    /// From 1970-01-01 to `end_datetime` (either way round, as Faker draws).
    static let sinceEpoch: Window = { arguments throws(TemplateError) in
        let end = try instant(&arguments, "end_datetime", "now")
        return (min(0, end), max(0, end))
    }

    enum Period {
        case month, year, decade, century
    }

    /// The current month, year, decade or century, cut at the reference time as `before`/`after` say.
    static func this(_ period: Period, before beforeKey: String, after afterKey: String) -> Window {
        { arguments throws(TemplateError) in
            let before = try arguments.bool(beforeKey, default: true)
            let after = try arguments.bool(afterKey, default: false)
            let now = arguments.now
            let today = DateExpression.civil(fromDays: DateExpression.floorDiv(now, day))
            let start: (year: Int64, month: Int64)
            let next: (year: Int64, month: Int64)
            switch period {
            case .month:
                start = (today.year, today.month)
                next = today.month == 12 ? (today.year + 1, 1) : (today.year, today.month + 1)
            case .year: (start, next) = ((today.year, 1), (today.year + 1, 1))
            case .decade: (start, next) = ((today.year - today.year % 10, 1), (today.year - today.year % 10 + 10, 1))
            case .century:
                (start, next) = (
                    (today.year - today.year % 100, 1), (min(today.year - today.year % 100 + 100, 10_000), 1)
                )
            }
            let low = DateExpression.daysFromCivil(year: start.year, month: start.month, day: 1) * day
            let high = DateExpression.daysFromCivil(year: next.year, month: next.month, day: 1) * day - 1
            return (before ? low : now, after ? high : now)
        }
    }

    /// Birth dates for ages `minimum_age...maximum_age` on the reference date.
    static let birth: Window = { arguments throws(TemplateError) in
        let minimum = try arguments.int("minimum_age", default: 0, in: 0...10_000)
        let maximum = try arguments.int("maximum_age", default: 115, in: 0...10_000)
        guard minimum <= maximum else {
            throw arguments.error("maximum_age", "must be at least `minimum_age` (\(minimum)), got \(maximum)")
        }
        let today = DateExpression.civil(fromDays: DateExpression.floorDiv(arguments.now, day))
        guard today.year - maximum - 1 >= 1 else {
            throw arguments.error("maximum_age", "reaches back before the year 1, got \(maximum)")
        }
        // A birthday on 29 February falls on 1 March in other years, as Python's date arithmetic has it.
        func yearsBack(_ years: Int64) -> Int64 {
            let year = today.year - years
            if today.month == 2, today.day == 29, !DateExpression.isLeap(year) {
                return DateExpression.daysFromCivil(year: year, month: 3, day: 1)
            }
            return DateExpression.daysFromCivil(year: year, month: today.month, day: today.day)
        }
        return ((yearsBack(maximum + 1) + 1) * day, yearsBack(minimum) * day)
    }
}
