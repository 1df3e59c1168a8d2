extension FinanceProvider {
    /// A strftime format compiled to pieces, so writing a date needs no parsing or string building.
    struct DateFormat: Sendable {
        enum Piece: Sendable {
            case byte(UInt8)
            case year, shortYear, month, day, hour, hour12, minute, second, dayOfYear, amPm
            case monthName, monthAbbreviation, weekdayName, weekdayAbbreviation
        }

        var pieces: [Piece]
        var isJSONSafe: Bool

        static let monthYear = DateFormat(pieces: [.month, .byte(UInt8(ascii: "/")), .shortYear], isJSONSafe: true)

        static let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ].map { Array($0.utf8) }
        static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
            .map { Array($0.utf8) }

        init(pieces: [Piece], isJSONSafe: Bool) {
            self.pieces = pieces
            self.isJSONSafe = isJSONSafe
        }

        /// Compiles `text`; returns the first unsupported directive when there is one.
        static func compile(_ text: String) -> Result<DateFormat, UnsupportedDirective> {
            var pieces: [Piece] = []
            var safe = true
            var bytes = Array(text.utf8).makeIterator()
            while let byte = bytes.next() {
                guard byte == UInt8(ascii: "%") else {
                    if byte < 0x20 || byte == 0x22 || byte == 0x5C { safe = false }
                    pieces.append(.byte(byte))
                    continue
                }
                guard let directive = bytes.next() else { return .failure(UnsupportedDirective(text: "%")) }
                switch directive {
                case UInt8(ascii: "Y"): pieces.append(.year)
                case UInt8(ascii: "y"): pieces.append(.shortYear)
                case UInt8(ascii: "m"): pieces.append(.month)
                case UInt8(ascii: "d"): pieces.append(.day)
                case UInt8(ascii: "H"): pieces.append(.hour)
                case UInt8(ascii: "I"): pieces.append(.hour12)
                case UInt8(ascii: "M"): pieces.append(.minute)
                case UInt8(ascii: "S"): pieces.append(.second)
                case UInt8(ascii: "j"): pieces.append(.dayOfYear)
                case UInt8(ascii: "p"): pieces.append(.amPm)
                case UInt8(ascii: "B"): pieces.append(.monthName)
                case UInt8(ascii: "b"), UInt8(ascii: "h"): pieces.append(.monthAbbreviation)
                case UInt8(ascii: "A"): pieces.append(.weekdayName)
                case UInt8(ascii: "a"): pieces.append(.weekdayAbbreviation)
                case UInt8(ascii: "%"): pieces.append(.byte(UInt8(ascii: "%")))
                default:
                    return .failure(UnsupportedDirective(text: "%" + String(decoding: [directive], as: UTF8.self)))
                }
            }
            return .success(DateFormat(pieces: pieces, isJSONSafe: safe))
        }

        struct UnsupportedDirective: Error {
            var text: String
        }

        /// Writes `seconds` (Unix time, UTC).
        func write(_ seconds: Int64, _ out: inout ByteWriter) {
            let days = DateExpression.floorDiv(seconds, DateExpression.secondsPerDay)
            let time = seconds - days * DateExpression.secondsPerDay
            let (year, month, day) = DateExpression.civil(fromDays: days)
            for piece in pieces {
                switch piece {
                case .byte(let byte): out.append(byte)
                case .year: out.appendPadded(UInt64(clamping: year), width: 4)
                case .shortYear: out.appendPadded(UInt64(clamping: ((year % 100) + 100) % 100), width: 2)
                case .month: out.appendPadded(UInt64(month), width: 2)
                case .day: out.appendPadded(UInt64(day), width: 2)
                case .hour: out.appendPadded(UInt64(time / 3600), width: 2)
                case .hour12: out.appendPadded(UInt64((time / 3600 + 11) % 12 + 1), width: 2)
                case .minute: out.appendPadded(UInt64(time / 60 % 60), width: 2)
                case .second: out.appendPadded(UInt64(time % 60), width: 2)
                case .dayOfYear:
                    let first = DateExpression.daysFromCivil(year: year, month: 1, day: 1)
                    out.appendPadded(UInt64(days - first + 1), width: 3)
                case .amPm:
                    out.append(time < 43_200 ? UInt8(ascii: "A") : UInt8(ascii: "P"))
                    out.append(UInt8(ascii: "M"))
                case .monthName: out.append(DateFormat.months[Int(month) - 1])
                case .monthAbbreviation:
                    DateFormat.months[Int(month) - 1].withUnsafeBufferPointer { out.append($0.baseAddress!, count: 3) }
                case .weekdayName: out.append(DateFormat.weekdays[weekday(days)])
                case .weekdayAbbreviation:
                    DateFormat.weekdays[weekday(days)].withUnsafeBufferPointer { out.append($0.baseAddress!, count: 3) }
                }
            }
        }

        /// 0 for Sunday; 1970-01-01 was a Thursday.
        func weekday(_ days: Int64) -> Int {
            Int(((days + 4) % 7 + 7) % 7)
        }
    }

    /// A random expiry date between two instants, in a compiled format.
    struct Expiry: Sendable {
        var start: Int64
        var end: Int64
        var format: DateFormat

        init(start: Int64, end: Int64, format: DateFormat) {
            self.start = start
            self.end = end
            self.format = format
        }

        init(_ arguments: inout Arguments) throws(TemplateError) {
            start = try arguments.date("start", default: "now")
            end = try arguments.date("end", default: "+10y")
            guard start <= end else { throw arguments.error("end", "must not be before `start`") }
            let text = try arguments.string("date_format", default: "%m/%y")
            switch DateFormat.compile(text) {
            case .success(let compiled): format = compiled
            case .failure(let unsupported):
                throw arguments.error(
                    "date_format",
                    "has unsupported directive `\(unsupported.text)`; use %Y %y %m %d %H %I %M %S %j %p %B %b %A %a %%")
            }
        }

        func write(_ context: EmitContext) {
            format.write(context.rng.int(start, end), &context.out)
        }
    }
}
