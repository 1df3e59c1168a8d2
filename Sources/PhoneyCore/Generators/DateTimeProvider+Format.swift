extension DateTimeProvider {
    /// A strftime pattern compiled once into pieces, so writing a value never looks at the pattern text.
    ///
    /// Directives follow Python's `strftime` in the C locale (English names); `%Z` and `%z` are empty for naive
    /// values and `UTC`/`+0000` when a `tzinfo` of UTC was given.
    struct Format: Sendable {
        enum Piece: Sendable, Equatable {
            case literal(UInt8)
            case year, shortYear, century, month, monthName, monthAbbreviation, day, spacePaddedDay, dayOfYear
            case hour, spacePaddedHour, hour12, spacePaddedHour12, amPm, minute, second, microsecond
            case weekdayName, weekdayAbbreviation, weekdayFromSunday, weekdayFromMonday
            case weekOfYearFromSunday, weekOfYearFromMonday, epochSeconds
        }

        let pieces: [Piece]
        /// True when some piece needs the civil date (year, month, day).
        let needsCivil: Bool
        let jsonSafe: Bool
        /// The coarsest step in seconds (1, 60, 3600 or 86400) whose values the pattern always tells apart, when it
        /// names a whole date; nil when it does not.
        let step: Int64?
        /// The pattern names the year only by its last two digits (`%y`).
        let shortYearOnly: Bool
        /// The pattern names the time of day to the second and no part of the date.
        let timeOfDayOnly: Bool
        /// The pattern is exactly `%Y-%m-%dT%H:%M:%S` (`date_time`'s), written by a straight-line fast path.
        let isISODateTime: Bool

        init(_ pieces: [Piece]) {
            self.pieces = pieces
            isISODateTime =
                pieces == [
                    .year, .literal(0x2D), .month, .literal(0x2D), .day, .literal(0x54), .hour, .literal(0x3A), .minute,
                    .literal(0x3A), .second,
                ]
            let has = { (candidates: [Piece]) in pieces.contains { candidates.contains($0) } }
            let dateParts: [Piece] = [
                .year, .shortYear, .century, .month, .monthName, .monthAbbreviation, .day, .spacePaddedDay,
                .dayOfYear, .weekdayName, .weekdayAbbreviation, .weekdayFromSunday, .weekdayFromMonday,
                .weekOfYearFromSunday, .weekOfYearFromMonday,
            ]
            needsCivil = has(dateParts)
            jsonSafe = !pieces.contains { piece in
                if case .literal(let byte) = piece { return byte < 0x20 || byte == 0x22 || byte == 0x5C }
                return false
            }
            let fullYear = has([.year])
            let anyYear = fullYear || has([.shortYear])
            let wholeDate =
                anyYear
                && (has([.dayOfYear])
                    || (has([.month, .monthName, .monthAbbreviation]) && has([.day, .spacePaddedDay])))
            let hour = has([.hour, .spacePaddedHour]) || (has([.hour12, .spacePaddedHour12]) && has([.amPm]))
            let minute = has([.minute])
            let second = has([.second])
            if has([.epochSeconds]) {
                step = 1
            } else if wholeDate {
                step = !hour ? 86_400 : !minute ? 3_600 : !second ? 60 : 1
            } else {
                step = nil
            }
            shortYearOnly = !fullYear && !has([.epochSeconds])
            timeOfDayOnly = !needsCivil && !has([.epochSeconds]) && hour && minute && second
        }

        /// `YYYY-MM-DDTHH:MM:SS` for years 0–9999, without the general piece loop.
        static func writeISODateTime(_ seconds: Int64, to out: inout ByteWriter) {
            let days = DateExpression.floorDiv(seconds, DateExpression.secondsPerDay)
            let time = Int(seconds &- days &* DateExpression.secondsPerDay)
            let (year, month, day) = DateExpression.civil(fromDays: days)
            out.reserve(19)
            let base = out.base + out.count
            @inline(__always) func two(_ value: Int, _ at: Int) {
                base[at] = 0x30 &+ UInt8(truncatingIfNeeded: value / 10)
                base[at + 1] = 0x30 &+ UInt8(truncatingIfNeeded: value % 10)
            }
            let y = Int(year)
            two(y / 100 % 100, 0)
            two(y % 100, 2)
            base[4] = 0x2D
            two(Int(month), 5)
            base[7] = 0x2D
            two(Int(day), 8)
            base[10] = 0x54
            two(time / 3600, 11)
            base[13] = 0x3A
            two(time / 60 % 60, 14)
            base[16] = 0x3A
            two(time % 60, 17)
            out.count &+= 19
        }

        /// `YYYY-MM-DD`.
        static let isoDate = Format(isoDatePieces)

        static let isoDatePieces: [Piece] = [.year, .literal(0x2D), .month, .literal(0x2D), .day]

        /// `YYYY-MM-DD{sep}HH[:MM[:SS]]`, Python's `isoformat`, with `+00:00` for an aware value.
        static func isoDateTime(separator: [UInt8], timespec: String, utc: Bool) -> Format? {
            var pieces = isoDatePieces + separator.map { .literal($0) } + [.hour]
            let colon = Piece.literal(0x3A)
            switch timespec {
            case "hours": break
            case "minutes": pieces += [colon, .minute]
            case "auto", "seconds": pieces += [colon, .minute, colon, .second]
            case "milliseconds": pieces += [colon, .minute, colon, .second] + ".000".utf8.map { .literal($0) }
            case "microseconds": pieces += [colon, .minute, colon, .second, .literal(0x2E), .microsecond]
            default: return nil
            }
            if utc { pieces += "+00:00".utf8.map { .literal($0) } }
            return Format(pieces)
        }

        /// Compiles a strftime pattern; the error names the first directive it does not know.
        static func compile(_ pattern: String, utc: Bool) -> Result<Format, PatternError> {
            var pieces: [Piece] = []
            var bytes = Array(pattern.utf8)[...]
            while let byte = bytes.popFirst() {
                guard byte == 0x25 else {
                    pieces.append(.literal(byte))
                    continue
                }
                guard let directive = bytes.popFirst() else { return .failure(PatternError(directive: "%")) }
                guard let expansion = expand(directive, utc: utc) else {
                    return .failure(PatternError(directive: "%" + String(decoding: [directive], as: UTF8.self)))
                }
                pieces += expansion
            }
            return .success(Format(pieces))
        }

        struct PatternError: Error {
            var directive: String
        }

        static let supportedDirectives =
            "%Y %y %C %m %B %b %h %d %e %j %H %k %I %l %p %M %S %f %a %A %w %u %U %W %s "
            + "%c %x %X %D %F %T %R %Z %z %n %t %%"

        static func expand(_ directive: UInt8, utc: Bool) -> [Piece]? {
            let colon = Piece.literal(0x3A)
            let slash = Piece.literal(0x2F)
            let space = Piece.literal(0x20)
            switch directive {
            case UInt8(ascii: "Y"): return [.year]
            case UInt8(ascii: "y"): return [.shortYear]
            case UInt8(ascii: "C"): return [.century]
            case UInt8(ascii: "m"): return [.month]
            case UInt8(ascii: "B"): return [.monthName]
            case UInt8(ascii: "b"), UInt8(ascii: "h"): return [.monthAbbreviation]
            case UInt8(ascii: "d"): return [.day]
            case UInt8(ascii: "e"): return [.spacePaddedDay]
            case UInt8(ascii: "j"): return [.dayOfYear]
            case UInt8(ascii: "H"): return [.hour]
            case UInt8(ascii: "k"): return [.spacePaddedHour]
            case UInt8(ascii: "I"): return [.hour12]
            case UInt8(ascii: "l"): return [.spacePaddedHour12]
            case UInt8(ascii: "p"): return [.amPm]
            case UInt8(ascii: "M"): return [.minute]
            case UInt8(ascii: "S"): return [.second]
            case UInt8(ascii: "f"): return [.microsecond]
            case UInt8(ascii: "a"): return [.weekdayAbbreviation]
            case UInt8(ascii: "A"): return [.weekdayName]
            case UInt8(ascii: "w"): return [.weekdayFromSunday]
            case UInt8(ascii: "u"): return [.weekdayFromMonday]
            case UInt8(ascii: "U"): return [.weekOfYearFromSunday]
            case UInt8(ascii: "W"): return [.weekOfYearFromMonday]
            case UInt8(ascii: "s"): return [.epochSeconds]
            case UInt8(ascii: "c"):
                return [.weekdayAbbreviation, space, .monthAbbreviation, space, .spacePaddedDay, space]
                    + [.hour, colon, .minute, colon, .second, space, .year]
            case UInt8(ascii: "x"), UInt8(ascii: "D"): return [.month, slash, .day, slash, .shortYear]
            case UInt8(ascii: "X"), UInt8(ascii: "T"): return [.hour, colon, .minute, colon, .second]
            case UInt8(ascii: "R"): return [.hour, colon, .minute]
            case UInt8(ascii: "F"): return isoDatePieces
            case UInt8(ascii: "Z"): return utc ? "UTC".utf8.map { .literal($0) } : []
            case UInt8(ascii: "z"): return utc ? "+0000".utf8.map { .literal($0) } : []
            case UInt8(ascii: "n"): return [.literal(0x0A)]
            case UInt8(ascii: "t"): return [.literal(0x09)]
            case UInt8(ascii: "%"): return [.literal(0x25)]
            default: return nil
            }
        }

        /// Writes the instant `seconds` (Unix time, UTC) as the pattern says.
        func write(_ seconds: Int64, to out: inout ByteWriter) {
            if isISODateTime { return Format.writeISODateTime(seconds, to: &out) }
            let days = DateExpression.floorDiv(seconds, DateExpression.secondsPerDay)
            let time = seconds &- days &* DateExpression.secondsPerDay
            let hour = time / 3_600
            var year: Int64 = 1970
            var month: Int64 = 1
            var day: Int64 = 1
            if needsCivil { (year, month, day) = DateExpression.civil(fromDays: days) }
            // 1970-01-01 was a Thursday: Monday-based index 3.
            let fromMonday = (days % 7 + 10) % 7
            for piece in pieces {
                switch piece {
                case .literal(let byte): out.append(byte)
                case .year: out.appendPadded(UInt64(year), width: 4)
                case .shortYear: out.appendPadded(UInt64(year % 100), width: 2)
                case .century: out.appendPadded(UInt64(year / 100), width: 2)
                case .month: out.appendPadded(UInt64(month), width: 2)
                case .monthName: DateTimeProvider.monthNames.write(Int(month) &- 1, to: &out)
                case .monthAbbreviation:
                    out.append(DateTimeProvider.monthNames.bytes(Int(month) &- 1).baseAddress!, count: 3)
                case .day: out.appendPadded(UInt64(day), width: 2)
                case .spacePaddedDay:
                    if day < 10 { out.append(0x20) }
                    out.appendDecimal(UInt64(day))
                case .dayOfYear: out.appendPadded(UInt64(dayOfYear(days, year)), width: 3)
                case .hour: out.appendPadded(UInt64(hour), width: 2)
                case .spacePaddedHour:
                    if hour < 10 { out.append(0x20) }
                    out.appendDecimal(UInt64(hour))
                case .hour12: out.appendPadded(UInt64(hour % 12 == 0 ? 12 : hour % 12), width: 2)
                case .spacePaddedHour12:
                    let value = hour % 12 == 0 ? 12 : hour % 12
                    if value < 10 { out.append(0x20) }
                    out.appendDecimal(UInt64(value))
                case .amPm:
                    out.append(hour < 12 ? 0x41 : 0x50)
                    out.append(0x4D)
                case .minute: out.appendPadded(UInt64(time / 60 % 60), width: 2)
                case .second: out.appendPadded(UInt64(time % 60), width: 2)
                case .microsecond: out.appendPadded(0, width: 6)
                case .weekdayName: DateTimeProvider.dayNames.write(Int(fromMonday), to: &out)
                case .weekdayAbbreviation:
                    out.append(DateTimeProvider.dayNames.bytes(Int(fromMonday)).baseAddress!, count: 3)
                case .weekdayFromSunday: out.appendDecimal(UInt64((fromMonday + 1) % 7))
                case .weekdayFromMonday: out.appendDecimal(UInt64(fromMonday + 1))
                case .weekOfYearFromSunday:
                    let week = (dayOfYear(days, year) - 1 + 7 - (fromMonday + 1) % 7) / 7
                    out.appendPadded(UInt64(week), width: 2)
                case .weekOfYearFromMonday:
                    out.appendPadded(UInt64((dayOfYear(days, year) - 1 + 7 - fromMonday) / 7), width: 2)
                case .epochSeconds: out.appendDecimal(seconds)
                }
            }
        }

        func dayOfYear(_ days: Int64, _ year: Int64) -> Int64 {
            days - DateExpression.daysFromCivil(year: year, month: 1, day: 1) + 1
        }

        /// The step to enumerate `low...high` by for unique values, or nil when the pattern cannot tell them apart.
        func uniqueStep(_ low: Int64, _ high: Int64) -> Int64? {
            guard let step else { return nil }
            if shortYearOnly {
                let first = DateExpression.civil(fromDays: DateExpression.floorDiv(low, DateExpression.secondsPerDay))
                let last = DateExpression.civil(fromDays: DateExpression.floorDiv(high, DateExpression.secondsPerDay))
                if last.year - first.year >= 100 { return nil }
            }
            return step
        }
    }

    /// Month names, January first (`%b` writes the first three letters).
    static let monthNames = Table(
        rows: [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ].map { [$0] })

    /// Day names, Monday first (`%a` writes the first three letters).
    static let dayNames = Table(
        rows: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"].map { [$0] })
}
