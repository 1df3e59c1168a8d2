import Testing

@testable import PhoneyCore

/// The `date_time` provider: ranges, formats, unique values and argument errors, through the whole pipeline.
struct DateTimeGeneratorTests {
    /// 2023-11-14T22:13:20Z.
    static let now = EngineTest.now
    static let day: Int64 = 86_400
    /// 2023-11-14T00:00:00Z.
    static let today = now / day * day

    static func midnight(_ year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        DateExpression.daysFromCivil(year: year, month: month, day: day) * Self.day
    }

    /// The values of `placeholder` in `count` NDJSON records.
    static func values(_ placeholder: String, count: UInt64 = 300, seed: UInt64 = 42) throws -> [JSONValue] {
        try EngineTest.records(#"{"v":"\#(placeholder)"}"#, seed: seed, count: count).map { try #require($0["v"]) }
    }

    static func strings(_ placeholder: String, count: UInt64 = 300, seed: UInt64 = 42) throws -> [String] {
        try values(placeholder, count: count, seed: seed).map { try #require($0.stringValue, "not a string: \($0)") }
    }

    /// Unix seconds of strict `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`.
    static func seconds(_ text: String, dateOnly: Bool) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == (dateOnly ? 10 : 19), dateOnly || bytes[10] == UInt8(ascii: "T") else { return nil }
        return DateExpression.isoSeconds(text)
    }

    struct RangeCase: Sendable, CustomTestStringConvertible {
        var placeholder: String
        var dateOnly: Bool
        var low: Int64
        var high: Int64
        var testDescription: String { placeholder }
    }

    static let rangeCases: [RangeCase] = [
        RangeCase(placeholder: "{{date_time}}", dateOnly: false, low: 0, high: now),
        RangeCase(
            placeholder: "{{date_time:end_datetime=2000-01-01}}", dateOnly: false, low: 0, high: midnight(2000, 1, 1)),
        RangeCase(placeholder: "{{date_time_between}}", dateOnly: false, low: now - 30 * 31_557_600, high: now),
        RangeCase(
            placeholder: "{{date_time_between:start_date=-1w,end_date=+1w}}", dateOnly: false, low: now - 7 * day,
            high: now + 7 * day),
        RangeCase(
            placeholder: "{{date_time_between_dates:datetime_start=2020-02-28T12:00:00,datetime_end=2020-03-01}}",
            dateOnly: false, low: midnight(2020, 2, 28) + 43_200, high: midnight(2020, 3, 1)),
        RangeCase(placeholder: "{{past_datetime}}", dateOnly: false, low: now - 30 * day, high: now - 1),
        RangeCase(placeholder: "{{future_datetime:end_date=+2d}}", dateOnly: false, low: now + 1, high: now + 2 * day),
        RangeCase(placeholder: "{{date_time_this_year}}", dateOnly: false, low: midnight(2023, 1, 1), high: now),
        RangeCase(
            placeholder: "{{date_time_this_month:before_now=false,after_now=true}}", dateOnly: false, low: now,
            high: midnight(2023, 12, 1) - 1),
        RangeCase(placeholder: "{{date_time_this_decade}}", dateOnly: false, low: midnight(2020, 1, 1), high: now),
        RangeCase(
            placeholder: "{{date_time_this_century:before_now=false,after_now=false}}", dateOnly: false, low: now,
            high: now),
        RangeCase(
            placeholder: "{{date_time_this_century:after_now=true}}", dateOnly: false, low: midnight(2000, 1, 1),
            high: midnight(2100, 1, 1) - 1),
        RangeCase(placeholder: "{{date_between}}", dateOnly: true, low: now - 30 * 31_557_600, high: today),
        RangeCase(
            placeholder: "{{date_between:start_date=2020-01-01,end_date=2020-01-31}}", dateOnly: true,
            low: midnight(2020, 1, 1), high: midnight(2020, 1, 31)),
        RangeCase(
            placeholder: "{{date_between_dates:date_start=1999-12-30,date_end=2000-01-02}}", dateOnly: true,
            low: midnight(1999, 12, 30), high: midnight(2000, 1, 2)),
        RangeCase(placeholder: "{{past_date}}", dateOnly: true, low: today - 30 * day, high: today - day),
        RangeCase(placeholder: "{{future_date}}", dateOnly: true, low: today + day, high: today + 30 * day),
        RangeCase(
            placeholder: "{{date_this_year:after_today=true}}", dateOnly: true, low: midnight(2023, 1, 1),
            high: midnight(2023, 12, 31)),
        RangeCase(placeholder: "{{date_this_month}}", dateOnly: true, low: midnight(2023, 11, 1), high: today),
        RangeCase(
            placeholder: "{{date_this_decade:before_today=false,after_today=true}}", dateOnly: true, low: today,
            high: midnight(2029, 12, 31)),
        RangeCase(placeholder: "{{date_this_century}}", dateOnly: true, low: midnight(2000, 1, 1), high: today),
    ]

    @Test(arguments: rangeCases)
    func valuesLieInTheirWindow(_ test: RangeCase) throws {
        let texts = try Self.strings(test.placeholder)
        let low = test.dateOnly ? DateExpression.floorDiv(test.low, Self.day) * Self.day : test.low
        let high = test.dateOnly ? DateExpression.floorDiv(test.high, Self.day) * Self.day : test.high
        for text in texts {
            let value = try #require(Self.seconds(text, dateOnly: test.dateOnly), "bad format: \(text)")
            #expect(value >= low && value <= high, "\(text) is outside the window")
        }
        let possible = (high - low) / (test.dateOnly ? Self.day : 1) + 1
        #expect(Set(texts).count >= Int(min(possible, Int64(texts.count))) / 2, "values barely vary")
        if low == high { #expect(Set(texts).count == 1) }
    }

    @Test(arguments: [(0, 115), (18, 18), (30, 40), (0, 0)])
    func dateOfBirthGivesAnAgeInRange(_ minimum: Int, _ maximum: Int) throws {
        let texts = try Self.strings("{{date_of_birth:minimum_age=\(minimum),maximum_age=\(maximum)}}")
        for text in texts {
            _ = try #require(Self.seconds(text, dateOnly: true), "bad date: \(text)")
            let parts = text.split(separator: "-").compactMap { Int($0) }
            // On 2023-11-14, someone born on (y, m, d) is 2023 − y, less one before their birthday.
            let age = 2023 - parts[0] - ((parts[1], parts[2]) > (11, 14) ? 1 : 0)
            #expect(age >= minimum && age <= maximum, "\(text) gives age \(age)")
        }
    }

    @Test func unixTimeIsAnIntegerInRange() throws {
        for value in try Self.values("{{unix_time}}") {
            guard case .number(let text) = value, let seconds = Int64(text) else {
                Issue.record("not an integer: \(value)")
                continue
            }
            #expect(seconds >= 0 && seconds <= Self.now)
        }
        let bounded = try Self.values("{{unix_time:start_datetime=2020-01-01,end_datetime=2020-01-02}}")
        for value in bounded {
            guard case .number(let text) = value, let seconds = Int64(text) else {
                Issue.record("not an integer: \(value)")
                continue
            }
            #expect(seconds >= Self.midnight(2020, 1, 1) && seconds <= Self.midnight(2020, 1, 2))
        }
        let inText = try Self.strings("at {{unix_time}}")
        #expect(inText.allSatisfy { $0.hasPrefix("at ") && Int64($0.dropFirst(3)) != nil })
    }

    @Test func patternsFormatTheDrawnInstant() throws {
        for text in try Self.strings("{{date:pattern=%d/%m/%Y}}") {
            let parts = text.split(separator: "/").map(String.init)
            #expect(parts.count == 3 && parts[0].count == 2 && parts[1].count == 2 && parts[2].count == 4)
            #expect((1...31).contains(Int(parts[0]) ?? 0) && (1...12).contains(Int(parts[1]) ?? 0))
            #expect((1970...2023).contains(Int(parts[2]) ?? 0))
        }
        for text in try Self.strings("{{date}}") {
            #expect(Self.seconds(text, dateOnly: true).map { $0 <= Self.now } == true, "\(text)")
        }
        let names = try Self.strings(#"{{date:pattern='%A, %B'}}"#)
        for text in names {
            let parts = text.split(separator: ",")
            #expect(parts.count == 2)
            #expect(Self.dayNames.contains(String(parts[0])))
            #expect(Self.monthNames.contains(String(parts[1].dropFirst())))
        }
        for text in try Self.strings("{{time}}") {
            let parts = text.split(separator: ":").compactMap { Int($0) }
            #expect(text.count == 8 && parts.count == 3, "\(text)")
            #expect(parts[0] < 24 && parts[1] < 60 && parts[2] < 60)
        }
        #expect(try Self.strings("{{time:pattern=%I %p}}").allSatisfy { $0.hasSuffix(" AM") || $0.hasSuffix(" PM") })
    }

    /// strftime of fixed instants, as Python's `datetime.strftime` writes them.
    static let strftimeCases: [(Int64, String)] = [
        (
            0,
            "1970-01-01 00:00:00|Thursday Thu January Jan|001 00 00 4 4|70 19 AM 12| 1| 0|12|"
                + "Thu Jan  1 00:00:00 1970|01/01/70 00:00:00 01/01/70 1970-01-01 00:00:00 00:00 %"
        ),
        (
            951_829_509,
            "2000-02-29 13:05:09|Tuesday Tue February Feb|060 09 09 2 2|00 20 PM 01|29|13| 1|"
                + "Tue Feb 29 13:05:09 2000|02/29/00 13:05:09 02/29/00 2000-02-29 13:05:09 13:05 %"
        ),
        (
            1_704_067_199,
            "2023-12-31 23:59:59|Sunday Sun December Dec|365 53 52 0 7|23 20 PM 11|31|23|11|"
                + "Sun Dec 31 23:59:59 2023|12/31/23 23:59:59 12/31/23 2023-12-31 23:59:59 23:59 %"
        ),
        (
            -43_200,
            "1969-12-31 12:00:00|Wednesday Wed December Dec|365 52 52 3 3|69 19 PM 12|31|12|12|"
                + "Wed Dec 31 12:00:00 1969|12/31/69 12:00:00 12/31/69 1969-12-31 12:00:00 12:00 %"
        ),
    ]

    @Test(arguments: strftimeCases)
    func strftimeMatchesPython(_ seconds: Int64, _ expected: String) throws {
        let pattern = "%Y-%m-%d %H:%M:%S|%A %a %B %b|%j %U %W %w %u|%y %C %p %I|%e|%k|%l|%c|%x %X %D %F %T %R %%"
        let format = try DateTimeProvider.Format.compile(pattern, utc: false).get()
        var writer = ByteWriter(capacity: 256)
        defer { writer.deallocate() }
        format.write(seconds, to: &writer)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == expected)
    }

    @Test func iso8601HonoursSeparatorTimespecAndZone() throws {
        for text in try Self.strings("{{iso8601}}") {
            #expect(Self.seconds(text, dateOnly: false).map { $0 <= Self.now } == true, "\(text)")
        }
        for text in try Self.strings("{{iso8601:tzinfo=UTC}}") + Self.strings("{{date_time:tzinfo=UTC}}") {
            #expect(text.hasSuffix("+00:00") && Self.seconds(String(text.dropLast(6)), dateOnly: false) != nil)
        }
        for text in try Self.strings("{{iso8601:sep=' ',timespec=minutes}}") {
            #expect(text.count == 16 && Array(text)[10] == " " && Array(text)[13] == ":", "\(text)")
        }
        #expect(
            try Self.strings("{{iso8601:timespec=microseconds}}").allSatisfy {
                $0.count == 26 && $0.hasSuffix(".000000")
            })
        #expect(try Self.strings("{{iso8601:timespec=hours}}").allSatisfy { $0.count == 13 })
    }

    static let dayNames: Set<String> = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let monthNames: Set<String> = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
    static let centuries: Set<String> = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
        "XVIII", "XIX", "XX", "XXI",
    ]

    @Test func partsTakeTheirValues() throws {
        #expect(Set(try Self.strings("{{am_pm}}")) == ["AM", "PM"])
        let days = try Self.strings("{{day_of_month}}", count: 600)
        #expect(days.allSatisfy { $0.count == 2 && (1...31).contains(Int($0) ?? 0) })
        #expect(Set(days).count > 25)
        #expect(Set(try Self.strings("{{day_of_week}}")) == Self.dayNames)
        #expect(Set(try Self.strings("{{month}}")) == Set((1...12).map { $0 < 10 ? "0\($0)" : "\($0)" }))
        #expect(Set(try Self.strings("{{month_name}}")) == Self.monthNames)
        #expect(try Self.strings("{{year}}").allSatisfy { (1970...2023).contains(Int($0) ?? 0) })
        let centuries = try Self.strings("{{century}}")
        #expect(centuries.allSatisfy { Self.centuries.contains($0) } && Set(centuries).count > 15)
        let zones = try Self.strings("{{timezone}}")
        #expect(zones.allSatisfy { $0.contains("/") && !$0.contains(" ") } && Set(zones).count > 20)
    }

    @Test func sameSeedSameBytesOtherSeedOtherBytes() throws {
        let template = #"{"a":"{{date_time}}","b":"{{date_between}}","c":"{{date:pattern=%c}}","d":"{{unix_time}}"}"#
        let first = try EngineTest.bytes(template, count: 200, threads: 1)
        #expect(first == (try EngineTest.bytes(template, count: 200, threads: 4)))
        #expect(first != (try EngineTest.bytes(template, seed: 43, count: 200, threads: 1)))
    }

    @Test func uniqueDatesExhaustTheirRange() throws {
        let year = "{{date_between:start_date=2020-01-01,end_date=2020-12-31,unique=true}}"
        let dates = try Self.strings(year, count: 366)
        #expect(Set(dates).count == 366)
        #expect(dates.allSatisfy { $0.hasPrefix("2020-") })
        let plan = try EngineTest.compile(#"{"v":"\#(year)"}"#)
        let error = #expect(throws: TemplateError.self) { try Executor.render(plan, Executor.Run(seed: 1, count: 367)) }
        #expect(error?.kind == .uniqueDomainTooSmall)
    }

    @Test(arguments: [
        ("{{unix_time:start_datetime=2020-01-01T00:00:00,end_datetime=2020-01-01T00:08:19,unique=true}}", 500),
        ("{{date_time_between_dates:datetime_start=2020-01-01,datetime_end=2020-01-01T00:08:19,unique=true}}", 500),
        ("{{date_time_between:start_date=2020-01-01,end_date=2020-01-01T08:19:59,unique=true}}", 30_000),
        ("{{date:pattern=%Y-%m-%d %H:%M,unique=true}}", 2_000),
        ("{{date:pattern=%d.%m.%y,end_datetime=2020-01-01,unique=true}}", 2_000),
        ("{{time:unique=true}}", 2_000),
        ("{{month:unique=true}}", 12),
        ("{{month_name:unique=true}}", 12),
        ("{{day_of_week:unique=true}}", 7),
        ("{{day_of_month:unique=true}}", 31),
        ("{{am_pm:unique=true}}", 2),
        ("{{year:unique=true}}", 54),
        ("{{century:unique=true}}", 21),
    ])
    func uniqueValuesAreDistinctUpToTheDomain(_ placeholder: String, _ domain: Int) throws {
        let values = try Self.values(placeholder, count: UInt64(domain))
        #expect(Set(values.map(\.serialized)).count == domain)
        if domain <= 1_000 {
            let plan = try EngineTest.compile(#"{"v":"\#(placeholder)"}"#)
            let error = #expect(throws: TemplateError.self) {
                try Executor.render(plan, Executor.Run(seed: 1, count: UInt64(domain) + 1))
            }
            #expect(error?.kind == .uniqueDomainTooSmall)
        }
    }

    @Test func patternsThatCannotTellValuesApartRefuseUnique() throws {
        #expect(try EngineTest.error(#"{"v":"{{date:pattern=%Y,unique=true}}"}"#).kind == .parameterError)
        #expect(try EngineTest.error(#"{"v":"{{date:pattern=%d %H:%M,unique=true}}"}"#).kind == .parameterError)
    }

    @Test(arguments: [
        "{{date_between:start_date=2021-01-01,end_date=2020-01-01}}",
        "{{date_time_between:start_date=+1d,end_date=now}}",
        "{{unix_time:start_datetime=2030-01-01,end_datetime=2020-01-01}}",
        "{{past_date:start_date=+5d}}",
        "{{future_datetime:end_date=-1d}}",
        "{{date_of_birth:minimum_age=30,maximum_age=20}}",
        "{{date_of_birth:maximum_age=-1}}",
        "{{date_of_birth:maximum_age=5000}}",
        "{{date:pattern=%Q}}",
        "{{date:pattern=abc%}}",
        "{{iso8601:timespec=nanoseconds}}",
        "{{iso8601:sep=ab}}",
        "{{date_time:tzinfo=Europe/Paris}}",
        "{{date_between:start_date=soon}}",
        "{{date_time:end_datetime=+9000y}}",
        "{{date_this_year:before_today=maybe}}",
        "{{date_time_this_year:before_today=true}}",
        "{{am_pm:x=1}}",
    ])
    func badArgumentsAreInvalidParameters(_ placeholder: String) throws {
        let errors = EngineTest.errors(#"{"v":"\#(placeholder)"}"#)
        #expect(errors.first?.kind == .invalidParameter, "\(errors)")
        #expect(errors.first?.pointer == "/v")
    }
}
