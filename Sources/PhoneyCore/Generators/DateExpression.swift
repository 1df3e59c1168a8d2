/// Faker's date parameter language, resolved against a reference time.
package enum DateExpression {
    package static let secondsPerDay: Int64 = 86_400

    /// Unix seconds for `text`, or nil when it is not a date.
    package static func parse(_ text: String, now: Int64) -> Int64? {
        let trimmed = text.trimmingWhitespace()
        switch trimmed.lowercased() {
        case "now": return now
        case "today": return floorDiv(now, secondsPerDay) * secondsPerDay
        default: break
        }
        if let relative = relativeSeconds(trimmed) { return now + relative }
        if let absolute = isoSeconds(trimmed) { return absolute }
        if let timestamp = Int64(trimmed) { return timestamp }
        return nil
    }

    /// `-30y`, `+1d`, `-1y6M`, `+2w3d4h5m6s`: years of 365.25 days and months of 30 days, as Faker counts them.
    static func relativeSeconds(_ text: String) -> Int64? {
        var scalars = Substring(text)
        guard let sign = scalars.first, sign == "+" || sign == "-" else { return nil }
        scalars.removeFirst()
        let negative = sign == "-"
        var total: Int64 = 0
        var number: Int64? = nil
        var sawUnit = false
        for character in scalars {
            if let digit = character.wholeNumberValue, character.isASCII {
                number = (number ?? 0) &* 10 &+ Int64(digit)
                if number! > 1_000_000_000 { return nil }
                continue
            }
            guard let amount = number else { return nil }
            let unit: Int64
            switch character {
            case "y": unit = 31_557_600
            case "M": unit = 2_592_000
            case "w": unit = 604_800
            case "d": unit = secondsPerDay
            case "h": unit = 3_600
            case "m": unit = 60
            case "s": unit = 1
            default: return nil
            }
            total += amount * unit
            number = nil
            sawUnit = true
        }
        if let amount = number {
            if sawUnit { return nil }
            total = amount * secondsPerDay
        }
        return negative ? -total : total
    }

    /// `YYYY-MM-DD`, optionally followed by `THH:MM[:SS]` and `Z`; read as UTC.
    static func isoSeconds(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        func number(_ from: Int, _ length: Int) -> Int64? {
            guard from + length <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[from..<(from + length)] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int64(byte - 0x30)
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            (1...12).contains(month), (1...daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        var seconds = daysFromCivil(year: year, month: month, day: day) * secondsPerDay
        if bytes.count == 10 { return seconds }
        guard bytes[10] == 0x54 || bytes[10] == 0x20, let hour = number(11, 2), bytes.count >= 16, bytes[13] == 0x3A,
            let minute = number(14, 2), hour < 24, minute < 60
        else { return nil }
        seconds += hour * 3600 + minute * 60
        var index = 16
        if bytes.count >= 19, bytes[16] == 0x3A, let second = number(17, 2), second < 60 {
            seconds += second
            index = 19
        }
        if index == bytes.count || (index == bytes.count - 1 && bytes[index] == 0x5A) { return seconds }
        return nil
    }

    package static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    package static func isLeap(_ year: Int64) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    package static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    @inlinable
    package static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    @inlinable
    package static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension StringProtocol {
    package func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
