#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A UTC instant to the second, as Signature Version 4 writes it (`20150830T123600Z`).
///
/// Kept apart from Foundation's `Date` so the library needs no Foundation; the conversion from Unix time is the
/// proleptic Gregorian calendar, which is what AWS means by UTC.
package struct SigV4Date: Sendable, Hashable {
    package let year: Int
    package let month: Int
    package let day: Int
    package let hour: Int
    package let minute: Int
    package let second: Int

    /// A date from its UTC fields; the caller keeps them in range.
    package init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        precondition((1...12).contains(month) && (1...31).contains(day), "month or day out of range")
        precondition((0..<24).contains(hour) && (0..<60).contains(minute) && (0..<61).contains(second))
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// The UTC date of a Unix time.
    ///
    /// - Parameter secondsSince1970: Seconds since 1970-01-01T00:00:00Z, negative before it.
    package init(secondsSince1970: Int64) {
        let (days, secondOfDay) = Int(secondsSince1970).quotientAndRemainderFlooring(dividingBy: 86_400)
        // Days to civil date, counting 400-year eras from 0000-03-01 so leap days fall at the end of a year.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(
            year: year, month: month, day: day,
            hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60, second: secondOfDay % 60)
    }

    /// The current time from the system's real-time clock.
    package static func now() -> SigV4Date {
        SigV4Date(secondsSince1970: Int64(time(nil)))
    }

    /// `YYYYMMDD`, the date of the credential scope.
    package var dateStamp: String {
        padded(year, 4) + padded(month, 2) + padded(day, 2)
    }

    /// `YYYYMMDD'T'HHMMSS'Z'`, the `X-Amz-Date` header.
    package var amzDate: String {
        dateStamp + "T" + padded(hour, 2) + padded(minute, 2) + padded(second, 2) + "Z"
    }

    private func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

extension Int {
    fileprivate func quotientAndRemainderFlooring(dividingBy divisor: Int) -> (Int, Int) {
        let (quotient, remainder) = quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}
